//! French words of where to add capacity.

use chrono::NaiveDate;

use super::{count, Fr, MONTHS};
use crate::solve::Status;
use crate::ui::i18n::capacity::{days, figure, CapacityWords};
use crate::ui::vm::plan::capacity::{Gainers, SeatNote, Why};

const WEEKDAYS: [&str; 7] = ["dim.", "lun.", "mar.", "mer.", "jeu.", "ven.", "sam."];

impl CapacityWords for Fr {
    fn capacity_title(&self) -> &'static str {
        "Où ajouter des places"
    }

    fn capacity_intro(&self) -> &'static str {
        "Qudra reprend chaque cours à partir de chaque dimanche de l'année et propose les nouvelles sessions qui placeraient le plus de stagiaires non pourvus, les besoins les plus urgents d'abord. Chacune est vérifiée en calculant le plan avec elle."
    }

    fn sessions_to_propose(&self) -> &'static str {
        "Sessions à proposer"
    }

    fn find_capacity(&self) -> &'static str {
        "Chercher où ajouter des places"
    }

    fn finding(&self, seconds: f64) -> String {
        format!("Recherche des places à ajouter… {seconds:.0}\u{202F}s")
    }

    fn search_stopped(&self) -> &'static str {
        "Arrêté : aucune proposition."
    }

    fn found(&self, proposals: usize, asked: usize, status: Status, shortfall: f64, seconds: f64) -> String {
        let took = format!("(trouvé en {}\u{202F}s)", format!("{seconds:.1}").replace('.', ","));
        if proposals == 0 {
            return format!("Aucune nouvelle session ne placerait un stagiaire de plus {took}.");
        }
        let what = count(proposals, "nouvelle session", "nouvelles sessions");
        match status {
            Status::Optimal => format!(
                "Les {what} les meilleures : aucun autre choix de {} ne place plus de stagiaires {took}.",
                count(asked, "session", "sessions")
            ),
            Status::TimeLimit => format!(
                "{what}, un bon choix non prouvé optimal : le meilleur choix ajouterait au plus {}\u{202F}% {took}.",
                format!("{shortfall:.1}").replace('.', ",")
            ),
        }
    }

    fn days(&self, start: NaiveDate, end: NaiveDate) -> String {
        days(start, end, &WEEKDAYS, &MONTHS)
    }

    fn more_placed(&self, trainees: i64) -> String {
        format!("+{}", count(trainees, "stagiaire placé", "stagiaires placés"))
    }

    fn gainers(&self, g: &Gainers) -> String {
        format!("{}, priorité {} : {}", g.name, g.priority, count(g.trainees, "stagiaire", "stagiaires"))
    }

    fn gain(&self, gain: f64) -> String {
        format!("gain {}", figure(gain, ','))
    }

    fn add_draft(&self) -> &'static str {
        "Ajouter comme session provisoire"
    }

    fn added_draft(&self) -> &'static str {
        "Ajoutée aux sessions : recalculez le plan pour voir qui y est placé."
    }

    fn capacity_refused(&self, why: &Why) -> String {
        match why {
            Why::NoHorizon => "Le scénario n'a pas de période de planification : les nouvelles sessions commencent ses dimanches. Indiquez son début et sa fin dans les paramètres.".into(),
            Why::Problems => "Le scénario a des problèmes ou des affectations fixées incompatibles : calculez le plan pour les voir, puis réessayez.".into(),
            Why::NoPlanInTime => "Aucun plan respectant les affectations fixées n'a été trouvé à temps : rien n'a pu être comparé.".into(),
            Why::Failed { message } => format!("La recherche a échoué : {message}"),
        }
    }

    fn proposed(&self) -> &'static str {
        "Proposée"
    }

    fn one_more_seat(&self) -> &'static str {
        "Une place de plus"
    }

    fn seat_note(&self, note: &SeatNote) -> String {
        match note {
            SeatNote::Serves { priority, state, exact } => {
                let about = if *exact { "" } else { " (estimation)" };
                format!("Une place de plus ici servirait un besoin de priorité {priority} de {state}{about}")
            }
            SeatNote::Nobody => "Une place de plus ici ne servirait aucun besoin non pourvu".into(),
        }
    }

    fn valuing_seats(&self) -> &'static str {
        "Évaluation d'une place de plus dans chaque session…"
    }

    fn seats_after_plan(&self) -> &'static str {
        "Après un plan (Où ajouter des places, Calculer le plan), chaque session dit qui une place de plus servirait."
    }
}
