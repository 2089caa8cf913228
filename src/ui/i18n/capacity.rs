//! The words of "Where to add capacity" and of the value of a seat (issue 14): the part of a
//! language's [`super::Catalogue`] that `ui::plan::capacity` and the centre's session list use.
//! Each language implements [`CapacityWords`] in its own file (`en/capacity.rs`,
//! `ar/capacity.rs`, `fr/capacity.rs`, children of the language's module, so they count with
//! its plural forms); a missing word does not compile.

use chrono::NaiveDate;

use crate::solve::Status;
use crate::ui::vm::plan::capacity::{Gainers, SeatNote, Why};

/// One language's words for where to add capacity.
pub trait CapacityWords {
    /// The tab and the panel's heading: "Where to add capacity".
    fn capacity_title(&self) -> &'static str;
    /// What the panel does, in a sentence or two.
    fn capacity_intro(&self) -> &'static str;
    /// The label of the number of sessions to propose.
    fn sessions_to_propose(&self) -> &'static str;
    /// The button that starts the search.
    fn find_capacity(&self) -> &'static str;
    /// While the worker searches: "Looking for where to add capacity… 4 s".
    fn finding(&self, seconds: f64) -> String;
    /// After Stop: nothing was proposed.
    fn search_stopped(&self) -> &'static str;
    /// The result in words: how many proposals, whether they are proven the best of any
    /// `asked` new sessions, how far the best could be above them, and the seconds it took.
    fn found(&self, proposals: usize, asked: usize, status: Status, shortfall_percent: f64, seconds: f64) -> String;
    /// The dates of a proposal with their weekdays: "Sun 7 – Thu 11 March 2027".
    fn days(&self, start: NaiveDate, end: NaiveDate) -> String;
    /// "+3 trainees placed".
    fn more_placed(&self, trainees: i64) -> String;
    /// One state at one priority a proposal serves: "Tunisia, priority 4: 2 trainees".
    fn gainers(&self, gainers: &Gainers) -> String;
    /// The objective a proposal adds: "gain 27.55".
    fn gain(&self, gain: f64) -> String;
    /// The action that adds a proposal to the scenario.
    fn add_draft(&self) -> &'static str;
    /// A proposal already in the scenario: solve again to see what it serves.
    fn added_draft(&self) -> &'static str;
    /// Why no proposal or seat value could be found.
    fn capacity_refused(&self, why: &Why) -> String;
    /// The label of a proposed session on the year view.
    fn proposed(&self) -> &'static str;
    /// The heading of the session list's column.
    fn one_more_seat(&self) -> &'static str;
    /// What one more seat in a session would do: "One more seat here would serve a priority-4
    /// need of Tunisia".
    fn seat_note(&self, note: &SeatNote) -> String;
    /// While the seats are valued in the worker.
    fn valuing_seats(&self) -> &'static str;
    /// Before any plan: where the value of a seat comes from.
    fn seats_after_plan(&self) -> &'static str;
}

/// A gain with at most two decimals and no trailing zeros, with the language's decimal mark.
pub(crate) fn figure(value: f64, mark: char) -> String {
    let text = format!("{:.2}", (value * 100.0).round() / 100.0);
    let text = text.trim_end_matches('0').trim_end_matches('.');
    text.replace('.', &mark.to_string())
}
