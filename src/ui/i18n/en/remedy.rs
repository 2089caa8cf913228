//! English words of what would fix an unmet need.

use super::{count, En};
use crate::solve::Remedy;
use crate::ui::i18n::remedy::{place_words, RemedyWords};
use crate::ui::i18n::{mode_msg, Catalogue, ResultWords};
use crate::ui::vm::plan::remedy::FixRow;

impl RemedyWords for En {
    fn fixes_heading(&self) -> &'static str {
        "What would fix it"
    }

    fn fix(&self, row: &FixRow) -> String {
        let place = place_words(self, row, ", ");
        let placed = count(row.gains, "trainee", "trainees");
        match &row.remedy {
            Remedy::Seat { .. } => format!("One more seat in {place} would place {placed}."),
            Remedy::StateCap { cap, .. } => {
                format!(
                    "Allowing {} {} in {place} (one more) would place {placed}.",
                    row.state,
                    count(*cap, "seat", "seats")
                )
            }
            Remedy::Window { days, .. } => format!(
                "Widening the window by {} reaches {place} and would place {placed}.",
                count(*days, "day", "days")
            ),
            Remedy::Language { language, .. } => {
                format!("Accepting {} would open {place} and place {placed}.", self.language_name(language))
            }
            Remedy::Mode { mode, .. } => {
                let name = mode_msg(mode).map_or_else(|| mode.to_string(), |m| self.text(m).to_lowercase());
                format!("Accepting {name} delivery would open {place} and place {placed}.")
            }
            Remedy::Budget { amount } => format!(
                "Raising {}'s budget by {} would place {placed}.",
                row.state,
                self.money(*amount, &row.currency)
            ),
        }
    }

    fn fixes_progress(&self, done: usize, total: usize) -> String {
        format!("Finding what would fix each unmet need… {done} of {total}")
    }

    fn fixes_found(&self, total: usize, seconds: f64) -> String {
        format!(
            "Each fix below was checked by solving the plan with it ({} in {seconds:.1} s).",
            count(total, "unmet need", "unmet needs")
        )
    }

    fn no_fix(&self) -> &'static str {
        "No single change would give it one more seat."
    }

    fn apply_fix(&self) -> &'static str {
        "Apply"
    }

    fn fix_changed(&self) -> &'static str {
        "Changed since the plan: solve again to see its seats."
    }

    fn find_fixes(&self) -> &'static str {
        "Find what would fix each need"
    }

    fn fixes_stopped(&self) -> &'static str {
        "Stopped before every unmet need had its fixes."
    }
}
