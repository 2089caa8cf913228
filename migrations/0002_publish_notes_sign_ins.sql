-- Publishing with a note and who published (SPEC §8), and each account's last sign-in.
ALTER TABLE plans ADD COLUMN note TEXT;
ALTER TABLE plans ADD COLUMN published_by TEXT;
ALTER TABLE users ADD COLUMN last_sign_in BIGINT;
