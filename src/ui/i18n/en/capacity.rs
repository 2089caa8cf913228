//! English words of where to add capacity.

use chrono::NaiveDate;

use super::{count, En, MONTHS};
use crate::solve::Status;
use crate::ui::i18n::capacity::{days, figure, CapacityWords};
use crate::ui::vm::plan::capacity::{Gainers, SeatNote, Why};

const WEEKDAYS: [&str; 7] = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

impl CapacityWords for En {
    fn capacity_title(&self) -> &'static str {
        "Where to add capacity"
    }

    fn capacity_intro(&self) -> &'static str {
        "Qudra tries every course again from each Sunday of the year and proposes the new sessions that would seat the most unmet trainees, the most urgent needs first. Each is checked by solving the plan with it."
    }

    fn sessions_to_propose(&self) -> &'static str {
        "Sessions to propose"
    }

    fn find_capacity(&self) -> &'static str {
        "Find where to add capacity"
    }

    fn finding(&self, seconds: f64) -> String {
        format!("Looking for where to add capacity… {seconds:.0} s")
    }

    fn search_stopped(&self) -> &'static str {
        "Stopped: nothing proposed."
    }

    fn found(&self, proposals: usize, asked: usize, status: Status, shortfall: f64, seconds: f64) -> String {
        let took = format!("(found in {seconds:.1} s)");
        if proposals == 0 {
            return format!("No new session would seat anyone more {took}.");
        }
        let what = count(proposals, "new session", "new sessions");
        match status {
            Status::Optimal => format!(
                "The best {what}: no other choice of {} seats more {took}.",
                count(asked, "session", "sessions")
            ),
            Status::TimeLimit => format!(
                "{what}, good but not proven the best: the best choice could add at most {shortfall:.1}% more {took}."
            ),
        }
    }

    fn days(&self, start: NaiveDate, end: NaiveDate) -> String {
        days(start, end, &WEEKDAYS, &MONTHS)
    }

    fn more_placed(&self, trainees: i64) -> String {
        format!("+{} placed", count(trainees, "trainee", "trainees"))
    }

    fn gainers(&self, g: &Gainers) -> String {
        format!("{}, priority {}: {}", g.name, g.priority, count(g.trainees, "trainee", "trainees"))
    }

    fn gain(&self, gain: f64) -> String {
        format!("gain {}", figure(gain, '.'))
    }

    fn add_draft(&self) -> &'static str {
        "Add as draft session"
    }

    fn added_draft(&self) -> &'static str {
        "Added to the sessions: solve again to see whom it seats."
    }

    fn capacity_refused(&self, why: &Why) -> String {
        match why {
            Why::NoHorizon => "The scenario has no planning period: new sessions start on its Sundays. Set the period's start and end in the settings.".into(),
            Why::Problems => "The scenario has problems or pins that cannot all hold: solve to see them, then try again.".into(),
            Why::NoPlanInTime => "No plan honouring the pins was found in time, so nothing could be compared.".into(),
            Why::Failed { message } => format!("The search failed: {message}"),
        }
    }

    fn proposed(&self) -> &'static str {
        "Proposed"
    }

    fn one_more_seat(&self) -> &'static str {
        "One more seat"
    }

    fn seat_note(&self, note: &SeatNote) -> String {
        match note {
            SeatNote::Serves { priority, state, exact } => {
                let about = if *exact { "" } else { " (estimate)" };
                format!("One more seat here would serve a priority-{priority} need of {state}{about}")
            }
            SeatNote::Nobody => "One more seat here would serve no unmet need".into(),
        }
    }

    fn valuing_seats(&self) -> &'static str {
        "Valuing one more seat in each session…"
    }

    fn seats_after_plan(&self) -> &'static str {
        "After a plan (Where to add capacity, Solve), each session says whom one more seat would serve."
    }
}
