//! French words of what would fix an unmet need.

use super::{count, Fr};
use crate::solve::Remedy;
use crate::ui::i18n::remedy::{place_words, RemedyWords};
use crate::ui::i18n::{mode_msg, Catalogue, ResultWords};
use crate::ui::vm::plan::remedy::FixRow;

/// "de" before a name, elided before a vowel: "d’Égypte", "de Tunisie".
fn of(name: &str) -> String {
    match name.chars().next() {
        Some(c) if "AEIOUYÉÈÊÂÎÔaeiouyéèêâîô".contains(c) => format!("d’{name}"),
        _ => format!("de {name}"),
    }
}

impl RemedyWords for Fr {
    fn fixes_heading(&self) -> &'static str {
        "Ce qui le pourvoirait"
    }

    fn fix(&self, row: &FixRow) -> String {
        let place = place_words(self, row, ", ");
        let placed = count(row.gains, "stagiaire", "stagiaires");
        match &row.remedy {
            Remedy::Seat { .. } => format!("Une place de plus dans {place} placerait {placed}."),
            Remedy::StateCap { cap, .. } => {
                format!("Porter à {cap} les places {} dans {place} (une de plus) placerait {placed}.", of(&row.state))
            }
            Remedy::Window { days, .. } => format!(
                "Élargir la période de {} atteint {place} et placerait {placed}.",
                count(*days, "jour", "jours")
            ),
            Remedy::Language { language, .. } => format!(
                "Accepter la langue {} ouvrirait {place} et placerait {placed}.",
                self.language_name(language).to_lowercase()
            ),
            Remedy::Mode { mode, .. } => {
                let name = mode_msg(mode).map_or_else(|| mode.to_string(), |m| self.text(m).to_lowercase());
                format!("Accepter le mode {name} ouvrirait {place} et placerait {placed}.")
            }
            Remedy::Budget { amount } => format!(
                "Augmenter de {} le budget {} placerait {placed}.",
                self.money(*amount, &row.currency),
                of(&row.state)
            ),
        }
    }

    fn fixes_progress(&self, done: usize, total: usize) -> String {
        format!("Recherche de ce qui pourvoirait chaque besoin… {done} sur {total}")
    }

    fn fixes_found(&self, total: usize, seconds: f64) -> String {
        let seconds = format!("{seconds:.1}").replace('.', ",");
        format!(
            "Chaque solution ci-dessous a été vérifiée en recalculant le plan avec elle ({} en {seconds} s).",
            count(total, "besoin non pourvu", "besoins non pourvus")
        )
    }

    fn no_fix(&self) -> &'static str {
        "Aucun changement seul ne lui donnerait une place de plus."
    }

    fn apply_fix(&self) -> &'static str {
        "Appliquer"
    }

    fn fix_changed(&self) -> &'static str {
        "Modifié depuis le plan : recalculez pour voir ses places."
    }

    fn find_fixes(&self) -> &'static str {
        "Chercher ce qui pourvoirait chaque besoin"
    }

    fn fixes_stopped(&self) -> &'static str {
        "Arrêté avant que chaque besoin non pourvu ait ses solutions."
    }
}
