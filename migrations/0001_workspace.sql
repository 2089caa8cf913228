-- The shared workspace (SPEC §8). Portable SQL: the same file runs on SQLite and PostgreSQL.
-- Whole numbers are BIGINT, times are seconds since 1970, JSON is TEXT. Ids are handed out
-- from the counters in `meta`, whose one row every writer updates first: that row lock puts
-- the writers of all processes in one order.

CREATE TABLE meta (
    id BIGINT PRIMARY KEY,
    -- grows with every change of the scenario
    revision BIGINT NOT NULL,
    audit_seq BIGINT NOT NULL,
    plan_seq BIGINT NOT NULL,
    user_seq BIGINT NOT NULL,
    publish_seq BIGINT NOT NULL,
    title TEXT NOT NULL,
    -- the horizon as JSON, or NULL
    horizon TEXT,
    seeded BIGINT NOT NULL
);
INSERT INTO meta (id, revision, audit_seq, plan_seq, user_seq, publish_seq, title, horizon, seeded)
VALUES (1, 0, 0, 0, 0, 0, '', NULL, 0);

-- One row per state, skill, course, session, need, pin, exclusion, and the settings.
-- `pos` keeps the scenario's order; `state` is a need's state (the focal point's filter).
CREATE TABLE entities (
    kind TEXT NOT NULL,
    id TEXT NOT NULL,
    state TEXT,
    pos BIGINT NOT NULL,
    rev BIGINT NOT NULL,
    body TEXT NOT NULL,
    PRIMARY KEY (kind, id)
);

CREATE TABLE users (
    id BIGINT PRIMARY KEY,
    login TEXT NOT NULL UNIQUE,
    role TEXT NOT NULL,
    state TEXT,
    -- argon2id PHC string; NULL until an invitation is taken up
    password_hash TEXT,
    -- SHA-256 of the one-time invitation token
    invite_hash TEXT,
    disabled BIGINT NOT NULL
);

-- Signed-in sessions: the cookie's and the CSRF token's SHA-256 only.
CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    user_id BIGINT NOT NULL,
    csrf_hash TEXT NOT NULL,
    last_seen BIGINT NOT NULL
);

-- Failed sign-ins, by `login:NAME` and by `addr:IP`, for throttling.
CREATE TABLE login_failures (
    subject TEXT NOT NULL,
    at BIGINT NOT NULL
);
CREATE INDEX login_failures_subject ON login_failures (subject, at);

CREATE TABLE audit (
    id BIGINT PRIMARY KEY,
    at BIGINT NOT NULL,
    login TEXT NOT NULL,
    action TEXT NOT NULL,
    entity TEXT NOT NULL,
    state TEXT,
    before_json TEXT,
    after_json TEXT
);

-- Plans with the scenario (JSON) and revision they were solved from; a published plan has a
-- publication number and is never changed again.
CREATE TABLE plans (
    id BIGINT PRIMARY KEY,
    revision BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    created_by TEXT NOT NULL,
    plan TEXT NOT NULL,
    scenario TEXT NOT NULL,
    published BIGINT,
    published_at BIGINT
);

-- One calendar feed per state (SHA-256 of its token).
CREATE TABLE calendar_tokens (
    state TEXT PRIMARY KEY,
    token_hash TEXT NOT NULL UNIQUE
);
