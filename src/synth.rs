//! Seeded synthetic scenarios at three scales (region, large, global) for the benchmark.
//! Same seed, same scenario, on every machine: the generator carries its own small PRNG.

use chrono::{Days, NaiveDate};

use crate::model::{
    Blackout, Course, CourseId, DateRange, Mode, Names, Need, NeedId, Scenario, Session, SessionId, Skill, SkillId,
    State, StateCode,
};

/// How big a generated scenario is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scale {
    /// 22 states, ~300 needs, ~120 sessions: one region's year.
    Region,
    /// 60 states, ~2,000 needs, ~600 sessions: several regions.
    Large,
    /// 193 states, ~8,000 needs, ~2,500 sessions: every UN member state.
    Global,
}

impl Scale {
    pub const ALL: [Scale; 3] = [Scale::Region, Scale::Large, Scale::Global];

    pub fn name(self) -> &'static str {
        match self {
            Scale::Region => "region",
            Scale::Large => "large",
            Scale::Global => "global",
        }
    }

    /// (states, needs, sessions)
    pub fn size(self) -> (usize, usize, usize) {
        match self {
            Scale::Region => (22, 300, 120),
            Scale::Large => (60, 2_000, 600),
            Scale::Global => (193, 8_000, 2_500),
        }
    }
}

/// Which side constraints the generated scenario exercises.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Variant {
    /// Demand, capacity, caps and equity only.
    Pure,
    /// Plus a budget for about a third of the states.
    Budget,
    /// Plus a minimum number of participants on about a third of the sessions.
    MinViable,
}

impl Variant {
    pub const ALL: [Variant; 3] = [Variant::Pure, Variant::Budget, Variant::MinViable];

    pub fn name(self) -> &'static str {
        match self {
            Variant::Pure => "pure",
            Variant::Budget => "budget",
            Variant::MinViable => "minviable",
        }
    }
}

/// SplitMix64: tiny, fast, and the same everywhere.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `low..=high`.
    pub fn range(&mut self, low: i64, high: i64) -> i64 {
        let span = (high - low + 1) as u64;
        low + (self.next_u64() % span) as i64
    }

    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64 <= p
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.range(0, items.len() as i64 - 1) as usize]
    }
}

const SKILLS: [&str; 20] = [
    "forensics",
    "mobile-forensics",
    "investigation",
    "osint",
    "crypto",
    "darkweb",
    "ai-crime",
    "incident",
    "malware",
    "evidence",
    "intl-coop",
    "legal",
    "csam",
    "fraud",
    "ransomware",
    "network",
    "cloud",
    "awareness",
    "readiness",
    "terror-online",
];

fn names(en: String) -> Names {
    Names::from([("en".to_string(), en)])
}

fn day(offset: i64) -> NaiveDate {
    let start = NaiveDate::from_ymd_opt(2027, 1, 1).unwrap_or_default();
    start.checked_add_days(Days::new(offset.max(0) as u64)).unwrap_or(start)
}

/// Two-letter codes AA, AB, … for `count` states.
fn state_code(i: usize) -> StateCode {
    let first = (b'A' + (i / 26) as u8) as char;
    let second = (b'A' + (i % 26) as u8) as char;
    StateCode(format!("{first}{second}"))
}

/// A scenario of the given scale and variant; the same seed always gives the same scenario.
pub fn scenario(scale: Scale, variant: Variant, seed: u64) -> Scenario {
    let (n_states, n_needs, n_sessions) = scale.size();
    let mut rng = Rng::new(seed ^ ((n_needs as u64) << 8));
    let mut scenario = Scenario::empty(&format!("synthetic {} {} (seed {seed})", scale.name(), variant.name()));
    scenario.horizon = Some(DateRange { start: day(0), end: day(364) });

    let language_sets: [&[&str]; 4] = [&["ar", "en"], &["ar", "fr"], &["ar"], &["en", "fr"]];
    for i in 0..n_states {
        let languages = rng.pick(&language_sets).iter().map(|l| l.to_string()).collect();
        let mut blackouts = Vec::new();
        if rng.chance(0.6) {
            let start = rng.range(0, 360);
            blackouts.push(Blackout { start: day(start), end: day(start + rng.range(0, 4)), label: "national".into() });
        }
        let budget = (variant == Variant::Budget && rng.chance(0.35)).then(|| rng.range(2, 12) * 2_500);
        scenario.states.push(State {
            code: state_code(i),
            name: names(format!("State {}", i + 1)),
            languages,
            budget,
            blackouts,
        });
    }
    for skill in SKILLS {
        scenario.skills.push(Skill { id: SkillId::new(skill), name: names(skill.replace('-', " ")) });
    }

    // Courses: every (skill, level) in Arabic, some also in English or French.
    let languages = ["ar", "en", "fr"];
    let modes = [Mode::InPerson, Mode::InPerson, Mode::Online, Mode::Blended];
    let n_courses = (n_sessions * 2 / 5).max(SKILLS.len());
    for c in 0..n_courses {
        let skill = SKILLS[c % SKILLS.len()];
        let level = (c / SKILLS.len()) as i64 % 3 + 1;
        let language = if c < SKILLS.len() * 3 { "ar" } else { *rng.pick(&languages) };
        let mode = rng.pick(&modes).clone();
        scenario.courses.push(Course {
            id: CourseId(format!("C{c:04}")),
            title: names(format!("{skill} L{level} ({language})")),
            skill: SkillId::new(skill),
            level,
            language: language.into(),
            location: if mode == Mode::Online { "Online".into() } else { "Doha".into() },
            mode,
        });
    }
    for s in 0..n_sessions {
        let course = rng.range(0, n_courses as i64 - 1) as usize;
        let start = rng.range(5, 350);
        let seats = rng.range(16, 30);
        let min_participants = if variant == Variant::MinViable && rng.chance(0.35) { rng.range(6, 12) } else { 0 };
        let open_to = rng.chance(0.05).then(|| vec![state_code(rng.range(0, n_states as i64 - 1) as usize)]);
        let online = scenario.courses[course].mode == Mode::Online;
        scenario.sessions.push(Session {
            id: SessionId(format!("S{s:05}")),
            course: scenario.courses[course].id.clone(),
            start: day(start),
            end: day(start + rng.range(1, 4)),
            seats,
            max_per_state: rng.chance(0.8).then(|| rng.range(2, 4)),
            min_participants,
            cost_per_seat: if online { 0 } else { rng.range(8, 30) * 100 },
            open_to,
        });
    }

    let all_modes = [Mode::InPerson, Mode::Online, Mode::Blended];
    for n in 0..n_needs {
        let state = (n * n_states) / n_needs;
        let skill = *rng.pick(&SKILLS);
        let window = rng.chance(0.4).then(|| {
            let start = rng.range(0, 250);
            DateRange { start: day(start), end: day(start + rng.range(60, 150)) }
        });
        let modes = rng.chance(0.25).then(|| vec![all_modes[rng.range(0, 2) as usize].clone()]);
        scenario.needs.push(Need {
            id: NeedId(format!("N{n:05}")),
            state: state_code(state),
            skill: SkillId::new(skill),
            level: rng.range(1, 3),
            trainees: *rng.pick(&[1, 2, 3, 4, 5, 6, 8, 10, 15]),
            priority: rng.range(1, 5),
            window,
            languages: None,
            modes,
            note: String::new(),
        });
    }
    scenario
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::validate;

    #[test]
    fn generated_scenarios_are_valid_and_reproducible() {
        for variant in Variant::ALL {
            let scenario = scenario(Scale::Region, variant, 7);
            assert_eq!(validate(&scenario), vec![], "{variant:?}");
            assert_eq!(scenario, super::scenario(Scale::Region, variant, 7));
            assert_eq!(scenario.states.len(), 22);
            assert_eq!(scenario.needs.len(), 300);
            assert_eq!(scenario.sessions.len(), 120);
        }
        assert_ne!(scenario(Scale::Region, Variant::Pure, 7), scenario(Scale::Region, Variant::Pure, 8));
    }

    #[test]
    fn variants_add_their_side_constraints() {
        let budget = scenario(Scale::Large, Variant::Budget, 1);
        assert!(budget.states.iter().any(|s| s.budget.is_some()));
        let minimum = scenario(Scale::Large, Variant::MinViable, 1);
        assert!(minimum.sessions.iter().any(|s| s.min_participants > 0));
        let pure = scenario(Scale::Large, Variant::Pure, 1);
        assert!(pure.states.iter().all(|s| s.budget.is_none()));
        assert!(pure.sessions.iter().all(|s| s.min_participants == 0));
    }
}
