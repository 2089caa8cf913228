//! The solver's clock, and its only one: the time limit (a [`Deadline`] taken once when a
//! solve starts) and the time a solve took (a [`Stopwatch`], for `stats.solve_ms` only).
//! No other file of the core reads a clock (`tests/io_purity.rs`), so nothing in a plan
//! depends on the time except `stats.solve_ms` and, when a limit stops the solve early,
//! how far it got (then `status` is `time_limit`, with an honest `bound`).

use std::time::Duration;

use web_time::Instant;

/// When a solve must stop, taken once when it starts; `None`: no time limit.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Deadline(Option<Instant>);

impl Deadline {
    /// `seconds` from now (no deadline for none, or a limit too large for the clock).
    pub(crate) fn after(seconds: Option<f64>) -> Deadline {
        let limit = seconds.and_then(|seconds| Duration::try_from_secs_f64(seconds.max(0.0)).ok());
        Deadline(limit.and_then(|limit| Instant::now().checked_add(limit)))
    }

    /// No time limit.
    #[cfg(test)]
    pub(crate) fn none() -> Deadline {
        Deadline(None)
    }

    /// There is a time limit.
    pub(crate) fn is_set(self) -> bool {
        self.0.is_some()
    }

    pub(crate) fn passed(self) -> bool {
        self.0.is_some_and(|at| Instant::now() >= at)
    }

    /// Seconds left (at least a millisecond, so that an engine given it stops at once).
    pub(crate) fn left(self) -> Option<f64> {
        self.0.map(|at| at.saturating_duration_since(Instant::now()).as_secs_f64().max(0.001))
    }

    /// The earlier of this deadline and `seconds` from now.
    pub(crate) fn within(self, seconds: Option<f64>) -> Deadline {
        match (self, Deadline::after(seconds)) {
            (Deadline(Some(a)), Deadline(Some(b))) => Deadline(Some(a.min(b))),
            (Deadline(None), other) | (other, Deadline(None)) => other,
        }
    }
}

/// Time since it started: how long a solve took (`stats.solve_ms`), and how long a pricing
/// round takes (so that another is not begun when it cannot end before the deadline).
pub(crate) struct Stopwatch(Instant);

impl Stopwatch {
    pub(crate) fn start() -> Stopwatch {
        Stopwatch(Instant::now())
    }

    pub(crate) fn seconds(&self) -> f64 {
        self.0.elapsed().as_secs_f64()
    }
}
