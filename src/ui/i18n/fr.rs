//! Français (French), for the Maghreb states, Djibouti, Comoros and Lebanon.

use super::plural::{self, Form};
use super::{code_point, first_problem, iso, thing_index, Catalogue, Msg, Note};
use crate::model::{ProblemKind, MAX_COUNT, MAX_MONEY, MAX_WEIGHT, MAX_YEAR, MIN_YEAR, SCENARIO_VERSION};
use crate::ui::vm::edit::issue::Issue;
use crate::ui::vm::shell::files::{ImportError, Imported};

pub struct Fr;

const THINGS: [&str; 5] = ["d'État", "de compétence", "de cours", "de besoin", "de session"];
const THINGS_PLURAL: [&str; 5] = ["États", "compétences", "cours", "besoins", "sessions"];
/// What is counted, singular, for "1 besoin l'utilise encore".
const THINGS_ONE: [&str; 5] = ["État", "compétence", "cours", "besoin", "session"];

/// `n` and the word it counts, singular for 0 and 1: "0 place", "1 place", "3 places".
fn count(n: impl TryInto<i64>, one: &str, other: &str) -> String {
    counted(plural::whole(n), one, other)
}

/// [`count`] of an `i64`, compiled once whatever type the caller counts with.
fn counted(n: i64, one: &str, other: &str) -> String {
    match plural::french(n) {
        Form::One => format!("{n} {one}"),
        _ => format!("{n} {other}"),
    }
}

/// The word that goes with `n` things: `one` ("l'utilise") for 0 and 1, `other` otherwise.
fn verb<'a>(n: impl TryInto<i64>, one: &'a str, other: &'a str) -> &'a str {
    if plural::french(plural::whole(n)) == Form::One {
        one
    } else {
        other
    }
}

const MONTHS: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];

impl Catalogue for Fr {
    fn text(&self, m: Msg) -> &'static str {
        match m {
            Msg::AppName => "Qudra",
            Msg::AppTagline => "Planification des besoins de formation et du renforcement des capacités",
            Msg::SkipToMain => "Aller au contenu principal",
            Msg::ScreenLoading => "Ouverture de l’espace de travail…",
            Msg::ScreenLoadFailed => "Cet espace de travail n’a pas pu être chargé. Vérifiez la connexion et réessayez.",
            Msg::ScreenRetry => "Réessayer",
            Msg::Workspace => "Espace de travail",
            Msg::RoleFocal => "Point focal",
            Msg::RoleCentre => "Centre régional",
            Msg::RolePlanner => "Planificateur",
            Msg::Language => "Langue",
            Msg::Undo => "Annuler",
            Msg::Redo => "Rétablir",
            Msg::Import => "Importer un fichier…",
            Msg::ExportScenario => "Exporter le scénario",
            Msg::ResetDemo => "Revenir aux données de démonstration",
            Msg::ClearLocal => "Effacer les données locales",
            Msg::ConfirmReset => "Remplacer tout le contenu de ce navigateur par les données de démonstration ? Vous pourrez annuler.",
            Msg::ConfirmClear => "Supprimer toutes les données Qudra de ce navigateur ? Exportez d'abord le scénario pour le garder.",
            Msg::Dismiss => "Fermer",
            Msg::Saved => "Enregistré dans ce navigateur",
            Msg::Saving => "Enregistrement…",
            Msg::NotSaving => "Enregistrement arrêté",
            Msg::PrivacyNote => "Vos données restent dans ce navigateur. Elles n'en sortent que dans les fichiers que vous exportez.",
            Msg::FocalIntro => "Saisissez les besoins de formation de votre État. Chaque modification est vérifiée pendant la saisie et enregistrée dans ce navigateur.",
            Msg::YourState => "Votre État",
            Msg::NeedsHeading => "Besoins de formation",
            Msg::AddNeed => "Ajouter un besoin",
            Msg::Duplicate => "Dupliquer",
            Msg::Delete => "Supprimer",
            Msg::NoNeeds => "Aucun besoin pour l'instant. Ajoutez-en un.",
            Msg::PreviousPage => "Page précédente",
            Msg::NextPage => "Page suivante",
            Msg::ExportSubmission => "Exporter ma soumission",
            Msg::SubmissionHint => "Envoyez ce fichier au centre régional : son import y remplace les besoins de votre État par les vôtres.",
            Msg::SummaryHeading => "Synthèse par compétence et priorité (stagiaires)",
            Msg::Total => "Total",
            Msg::Id => "Identifiant",
            Msg::State => "État",
            Msg::Skill => "Compétence",
            Msg::Level => "Niveau",
            Msg::Trainees => "Stagiaires",
            Msg::Priority => "Priorité",
            Msg::Window => "Période",
            Msg::From => "Du",
            Msg::To => "Au",
            Msg::Languages => "Langues",
            Msg::Modes => "Modalités",
            Msg::Note => "Remarque",
            Msg::Actions => "Actions",
            Msg::Level1 => "1 fondamental",
            Msg::Level2 => "2 intermédiaire",
            Msg::Level3 => "3 avancé",
            Msg::Priority1 => "1 faible",
            Msg::Priority2 => "2 modérée",
            Msg::Priority3 => "3 moyenne",
            Msg::Priority4 => "4 haute",
            Msg::Priority5 => "5 critique",
            Msg::ModeInPerson => "Présentiel",
            Msg::ModeOnline => "En ligne",
            Msg::ModeBlended => "Hybride",
            Msg::WholeHorizon => "Vide : toute la période de planification",
            Msg::StateLanguagesDefault => "Inchangé : les langues de l'État",
            Msg::NotSaved => "Non enregistré",
            Msg::CentreIntro => "Le catalogue : les cours et leurs sessions datées. Chaque modification est vérifiée pendant la saisie et enregistrée dans ce navigateur.",
            Msg::Courses => "Cours",
            Msg::Sessions => "Sessions",
            Msg::AddCourse => "Ajouter un cours",
            Msg::AddSession => "Ajouter une session",
            Msg::Course => "Cours",
            Msg::TitleEn => "Titre (anglais)",
            Msg::TitleAr => "Titre (arabe)",
            Msg::Mode => "Modalité",
            Msg::Location => "Lieu",
            Msg::Start => "Début",
            Msg::End => "Fin",
            Msg::Seats => "Places",
            Msg::CapPerState => "Plafond par État",
            Msg::MinParticipants => "Participants minimum",
            Msg::CostPerSeat => "Coût par place",
            Msg::OpenTo => "Ouverte à",
            Msg::OpenToHint => "Codes d'États, p. ex. QA, BH. Vide : tous les États",
            Msg::NoCapHint => "Vide : sans plafond",
            Msg::YearView => "Vue annuelle",
            Msg::NoSessions => "Aucune session",
            Msg::OtherYears => "Autres années",
            Msg::NewCourse => "Nouveau cours",
            Msg::NewSkill => "Nouvelle compétence",
            Msg::NewBlackout => "Jour férié",
            Msg::PlannerIntro => "Tout le scénario : tous les besoins, le catalogue, les États membres, les compétences et les réglages qui façonnent le plan.",
            Msg::TabNeeds => "Besoins",
            Msg::TabCatalogue => "Catalogue",
            Msg::TabStates => "États membres",
            Msg::TabSkills => "Compétences",
            Msg::TabSettings => "Réglages",
            Msg::TabAdjustments => "Affectations forcées et exclusions",
            Msg::ShowState => "Afficher",
            Msg::AllStates => "Tous les États",
            Msg::Code => "Code",
            Msg::NameEn => "Nom (anglais)",
            Msg::NameAr => "Nom (arabe)",
            Msg::Budget => "Budget",
            Msg::BudgetHint => "Vide : illimité",
            Msg::Blackouts => "Dates indisponibles",
            Msg::AddBlackout => "Ajouter des dates",
            Msg::Label => "Motif",
            Msg::AddSkill => "Ajouter une compétence",
            Msg::ScenarioTitle => "Titre du scénario",
            Msg::Horizon => "Période de planification",
            Msg::PriorityWeights => "Poids des priorités",
            Msg::EquityBonus => "Bonus d'équité",
            Msg::CostWeight => "Poids du coût",
            Msg::Currency => "Devise",
            Msg::ExplainTitle => "Le nom imprimé sur les plans et les fichiers exportés.",
            Msg::ExplainHorizon => "La période planifiée. Un besoin sans période propre peut être servi par toute session de cette période.",
            Msg::ExplainWeights => "La valeur d'un agent formé à chaque priorité, de 1 (faible) à 5 (critique). Avec 1, 2, 4, 8, 16 une place critique vaut deux places de priorité haute : les besoins critiques passent d'abord.",
            Msg::ExplainEquity => "Une valeur supplémentaire pour la première moitié de chaque besoin, afin de répartir les places entre tous les États avant de servir entièrement l'un d'eux. 0 la désactive ; 0,5 rend ces places 50 % plus précieuses.",
            Msg::ExplainCostWeight => "Ce que chaque unité de coût retire à la valeur d'une place. 0 ignore le coût ; 0,0001 fait perdre 0,15 à une place de 1 500, moins qu'un agent de priorité faible : le coût ne départage que des choix autrement égaux.",
            Msg::ExplainCurrency => "L'unité de tous les coûts et budgets, p. ex. USD ou QAR.",
            Msg::Pins => "Affectations forcées (places imposées dans une session)",
            Msg::Exclusions => "Exclusions (associations interdites)",
            Msg::Need => "Besoin",
            Msg::Session => "Session",
            Msg::NoPins => "Aucune affectation forcée.",
            Msg::NoExclusions => "Aucune exclusion.",
            Msg::PinsHint => "Les affectations forcées et les exclusions sont les ajustements du planificateur ; on peut ici les revoir et les supprimer.",
            Msg::LangAr => "Arabe",
            Msg::LangEn => "Anglais",
            Msg::LangFr => "Français",
            Msg::Unlimited => "illimité",
            Msg::Problems => "Problèmes",
            Msg::DateFormat => "AAAA-MM-JJ",
            Msg::DateHelp => "Une date : année-mois-jour (2027-03-15) ou jour/mois/année (15/03/2027)",
        }
    }

    fn month(&self, month: u32) -> &'static str {
        MONTHS.get(month.wrapping_sub(1) as usize).copied().unwrap_or("")
    }

    fn issue(&self, issue: &Issue) -> String {
        match issue {
            Issue::Read(error) => super::ReadWords::read_error(self, error),
            Issue::Required => "Ce champ est obligatoire.".into(),
            Issue::Problem(kind) => problem(self, kind),
            Issue::Server(rule) => super::connect::rule(super::UiLang::Fr, rule),
            Issue::Internal(detail) => format!("L'application n'a pas pu appliquer ce changement ({}).", iso(detail)),
        }
    }

    fn note(&self, note: &Note) -> String {
        match note {
            Note::Imported(Imported::Scenario { needs, sessions }) => {
                format!("Scénario importé : {}, {}.", count(*needs, "besoin", "besoins"), count(*sessions, "session", "sessions"))
            }
            Note::Imported(Imported::Submission { state, needs, replaced }) => format!(
                "Soumission de {} importée : {} {} {}.",
                iso(state.as_str()),
                count(*needs, "besoin", "besoins"),
                verb(*needs, "remplace", "remplacent"),
                count(*replaced, "besoin précédent", "besoins précédents")
            ),
            Note::ImportFailed(error) => format!("Le fichier n'a pas été importé ; rien n'a changé. {}", self.import_error(error)),
            Note::ReadFailed => "Le fichier n'a pas pu être lu ; rien n'a changé.".into(),
            Note::SaveFailed => "Impossible d'enregistrer dans ce navigateur (stockage plein ou désactivé). La dernière copie enregistrée est conservée ; exportez le scénario pour ne pas perdre vos modifications.".into(),
            Note::StorageNewer(version) => format!(
                "Les données de ce navigateur viennent d'une version plus récente de Qudra (stockage version {version}). Elles n'ont pas été ouvertes et ne seront pas écrasées ; vous voyez les données de démonstration, qui ne sont pas enregistrées."
            ),
            Note::StorageUnreadable => "Les données enregistrées dans ce navigateur sont illisibles. Elles sont laissées telles quelles et ne seront pas écrasées ; vous voyez les données de démonstration, qui ne sont pas enregistrées. « Effacer les données locales » repart de zéro.".into(),
            Note::StorageMigrated(from) => format!("Les données de ce navigateur ont été mises à jour depuis la version de stockage {from}."),
            Note::ResetDone => "Les données de démonstration sont revenues. « Annuler » rétablit les vôtres.".into(),
            Note::Cleared => "Données locales effacées. La page affiche les données de démonstration.".into(),
            Note::NeedDeleted(gone) => format!("Besoin {} supprimé.", iso(gone.id().as_str())),
            Note::RestoreFailed(id) => {
                format!("Le besoin {} n'a pas pu être rétabli : un besoin de même identifiant existe à nouveau.", iso(id.as_str()))
            }
            Note::StartedEmpty => "Vous partez maintenant de données vides : les États membres et les compétences sont conservés ; ajoutez vos cours, sessions et besoins, ou importez un scénario.".into(),
            Note::InUse(in_use) => {
                let thing = thing_index(in_use.by);
                format!(
                    "Suppression impossible : {} {} encore.",
                    count(in_use.count, THINGS_ONE[thing], THINGS_PLURAL[thing]),
                    verb(in_use.count, "l'utilise", "l'utilisent")
                )
            }
        }
    }

    fn needs_total(&self, needs: usize, trainees: i64) -> String {
        format!("{}, {}", count(needs, "besoin", "besoins"), count(trainees, "stagiaire", "stagiaires"))
    }

    fn rows_shown(&self, from: usize, to: usize, total: usize) -> String {
        format!("Besoins {from} à {to} sur {total}")
    }

    fn sessions_total(&self, sessions: usize, seats: i64) -> String {
        format!("{}, {}", count(sessions, "session", "sessions"), count(seats, "place", "places"))
    }
}

impl Fr {
    fn import_error(&self, error: &ImportError) -> String {
        match error {
            ImportError::NotJson { line, column } => {
                format!("Ce n'est pas un fichier JSON (ligne {line}, colonne {column}).")
            }
            ImportError::UnknownFormat(_) => "Ce n'est ni un scénario ni une soumission Qudra.".into(),
            ImportError::NewerVersion { found, supported } => format!(
                "Il vient d'une version plus récente de Qudra (version {found} ; celle-ci lit jusqu'à {supported})."
            ),
            ImportError::Shape(e) => format!("Contenu incorrect à {} : {}", iso(&e.path), problem(self, &e.kind)),
            ImportError::Invalid(problems) => match first_problem(error) {
                Some((path, issue)) => format!(
                    "Il contient {} ; le premier, à {} : {}",
                    count(problems.len(), "problème", "problèmes"),
                    iso(&path),
                    self.issue(&issue)
                ),
                None => String::new(),
            },
            ImportError::UnknownState(code) => format!("Il n'y a pas d'État {} dans ce scénario.", iso(code.as_str())),
            ImportError::OtherState { need, state } => {
                format!("Le besoin {} appartient à un autre État ({}).", iso(need), iso(state.as_str()))
            }
        }
    }
}

/// Les mots des écrans du plan (see `super::plan`).
mod plan_words {
    use super::{count, verb, Fr};
    use crate::model::StateCode;
    use crate::solve::{Reason, SessionState, Status};
    use crate::ui::i18n::plan::{PlanWords, P};
    use crate::ui::i18n::{iso, mode_msg, Catalogue, ResultWords};
    use crate::ui::vm::plan::adjust::Refused;
    use crate::ui::vm::plan::percent;
    use crate::ui::vm::plan::solved::{ClashKind, PinClash, SolveOutcome};
    use crate::ui::vm::plan::unmet_list::{Detail, Fact};
    use crate::ui::vm::plan::worker::Stopped;

    fn codes(states: &[StateCode]) -> String {
        states.iter().map(|s| iso(s.as_str())).collect::<Vec<_>>().join(", ")
    }

    fn pins(clash: &PinClash) -> String {
        let list: Vec<String> = clash
            .pins
            .iter()
            .map(|(n, s, seats)| format!("{} dans {} ({seats})", iso(n.as_str()), iso(s.as_str())))
            .collect();
        list.join(", ")
    }

    impl PlanWords for Fr {
        fn p(&self, m: P) -> &'static str {
            match m {
                P::TabPlan => "Plan",
                P::PlanIntro => "Calculez le calendrier de formation de l'année à partir du scénario, voyez pourquoi un besoin reste non satisfait, ajustez par des affectations forcées et des exclusions, recalculez et envoyez à chaque État son calendrier.",
                P::Solve => "Calculer le plan",
                P::Solving => "Calcul en cours…",
                P::TimeLimit => "Limite de temps",
                P::Seconds => "s",
                P::NoPlanYet => "Pas encore de plan. Calculez pour obtenir le calendrier de formation de l'année.",
                P::OutOfDate => "Le scénario a changé depuis le calcul de ce plan. Le plan affiché est le dernier ; recalculez pour le mettre à jour.",
                P::ViewCalendar => "Calendrier",
                P::ViewByState => "Par État",
                P::ViewCoverage => "Couverture",
                P::ViewUnmet => "Besoins non satisfaits",
                P::ViewChanges => "Changements",
                P::ViewExport => "Télécharger",
                P::CalendarHint => "Chaque session à ses dates, avec son remplissage. Choisissez une session pour voir sa liste : quels États envoient combien de stagiaires, pour quels besoins.",
                P::Running => "a lieu",
                P::NotRunning => "n'a pas lieu",
                P::Roster => "Liste des participants",
                P::Close => "Fermer",
                P::NobodyYet => "Personne n'est placé dans cette session.",
                P::RosterHint => "« Forcer » fixe les places d'un besoin dans cette session pour le prochain calcul ; « Exclure » interdit la paire. Les deux sont enregistrés avec le scénario et peuvent être annulés.",
                P::Pin => "Forcer",
                P::Unpin => "Retirer l'affectation",
                P::Exclude => "Exclure",
                P::Allow => "Autoriser à nouveau",
                P::Pinned => "forcé",
                P::Excluded => "exclu",
                P::PinNeedHere => "Forcer un besoin dans cette session",
                P::ChooseNeed => "Choisir un besoin",
                P::AllStatesOption => "Tous les États",
                P::Needed => "Demandé",
                P::Planned => "Planifié",
                P::Coverage => "Couverture",
                P::ByPriority => "Par priorité",
                P::NothingAttended => "Aucun agent de cet État n'est placé dans une session.",
                P::UnmetOfState => "Besoins restés sans places",
                P::Print => "Imprimer ce calendrier",
                P::PrintHint => "Imprime le calendrier de cet État seul, pour le point focal.",
                P::ChartByState => "Stagiaires demandés et planifiés, par État",
                P::ChartBySkill => "Stagiaires demandés et planifiés, par compétence",
                P::SeatsOffered => "Places offertes",
                P::SeatsFilled => "Places occupées",
                P::SessionsRunning => "Sessions qui ont lieu",
                P::NeedsMet => "Besoins entièrement satisfaits",
                P::NeedsPartly => "Besoins partiellement satisfaits",
                P::NeedsNotMet => "Besoins non satisfaits",
                P::WeightedCoverage => "Couverture pondérée par la priorité",
                P::PlanCost => "Coût des places planifiées",
                P::UnmetHint => "Chaque besoin resté sans assez de places, avec la raison et les faits qui l'expliquent. Forcez un besoin dans une session pour passer outre le plan, puis recalculez.",
                P::AllReasons => "Toutes les raisons",
                P::Reason => "Raison",
                P::Missing => "Sans place",
                P::Why => "Détail",
                P::NoUnmet => "Tous les besoins sont satisfaits.",
                P::PinHere => "Forcer ici",
                P::ChangesHint => "Places déplacées par État et par session, par rapport au plan d'avant le dernier calcul.",
                P::Before => "Avant",
                P::After => "Après",
                P::NoChanges => "Rien n'a bougé : le nouveau plan donne à chaque État les mêmes places.",
                P::FirstPlan => "C'est le premier plan ; recalculez après un ajustement pour voir ce qui change.",
                P::ExportHint => "Les fichiers du plan affiché, écrits exactement comme par la ligne de commande. Les tableaux s'ouvrent dans Excel avec l'arabe intact ; les calendriers s'importent dans Outlook, Google ou Apple et se mettent à jour à chaque nouvel import.",
                P::ExportPlanCsv => "Tableau du plan (CSV)",
                P::ExportUnmetCsv => "Besoins non satisfaits (CSV)",
                P::ExportIcs => "Calendrier (iCalendar)",
                P::ExportJson => "Plan (JSON)",
                P::FilesLanguage => "Langue des fichiers",
                P::For => "Pour",
                P::Downloaded => "Téléchargé",
                P::Dates => "Dates",
                P::Adjustments => "Ajustements",
                P::Stop => "Arrêter",
                P::GapBefore => "Arrêter à moins de",
                P::GapAfter => "% du meilleur possible",
            }
        }

        fn reason(&self, reason: Reason) -> &'static str {
            crate::io::reason_words(reason).fr
        }

        fn reason_name(&self, reason: Reason) -> &'static str {
            match reason {
                Reason::NoCompatibleSession => "Aucune session adaptée",
                Reason::Budget => "Budget",
                Reason::Capacity => "Capacité",
                Reason::StateCap => "Plafond par État",
                Reason::MinParticipants => "Minimum de participants",
                Reason::Cost => "Coût",
            }
        }

        fn detail(&self, detail: &Detail) -> String {
            match detail {
                Detail::Session { session, start, end, state, numbers: n } => {
                    let at = format!("{} ({})", iso(session.as_str()), self.date_range(*start, *end));
                    match state {
                        SessionState::Full => {
                            format!(
                                "{at} est complète : {} sur {}.",
                                count(n.filled, "place prise", "places prises"),
                                n.seats
                            )
                        }
                        SessionState::AtStateCap => format!(
                            "{at} compte déjà {} de cet État, son maximum par État ({}).",
                            count(n.state_filled, "agent", "agents"),
                            n.cap.unwrap_or(n.state_filled)
                        ),
                        SessionState::NotRunning => {
                            format!(
                                "{at} n'a pas lieu : elle n'a pas atteint son minimum de {}.",
                                count(n.minimum, "participant", "participants")
                            )
                        }
                        SessionState::OverBudget => format!(
                            "{at} coûte {} la place ; il reste {} au budget de l'État.",
                            self.money(n.cost, &n.currency),
                            self.money(n.budget_left.unwrap_or(0), &n.currency)
                        ),
                        SessionState::HasRoom => {
                            format!(
                                "{at} a {} à {} chacune.",
                                count(n.seats - n.filled, "place libre", "places libres"),
                                self.money(n.cost, &n.currency)
                            )
                        }
                    }
                }
                Detail::Ruled { session, start, end, fact } => {
                    let at = format!("{} ({})", iso(session.as_str()), self.date_range(*start, *end));
                    match fact {
                        Fact::Language { course, accepted } => format!(
                            "{at} est donnée en {} ; ce besoin accepte : {}.",
                            self.language_name(course).to_lowercase(),
                            accepted
                                .iter()
                                .map(|l| self.language_name(l).to_lowercase())
                                .collect::<Vec<_>>()
                                .join(", ")
                        ),
                        Fact::Mode { course, accepted } => format!(
                            "{at} est en modalité {} ; ce besoin accepte : {}.",
                            self.mode_word(course),
                            accepted.iter().map(|m| self.mode_word(m)).collect::<Vec<_>>().join(", ")
                        ),
                        Fact::Window { window: Some(w) } => {
                            format!("{at} est hors de la période du besoin ({}).", self.date_range(w.start, w.end))
                        }
                        Fact::Window { window: None } => format!("{at} est hors de la période du besoin."),
                        Fact::Blackout { label, start, end } => format!(
                            "{at} chevauche {} ({}), quand l'État ne peut pas envoyer de stagiaires.",
                            if label.is_empty() { "des dates d'indisponibilité".to_string() } else { iso(label) },
                            self.date_range(*start, *end)
                        ),
                        Fact::OpenTo(states) => format!("{at} est réservée à : {}.", codes(states)),
                        Fact::Excluded => format!("{at} a été exclue pour ce besoin par le planificateur."),
                        Fact::SkillLevel => format!("{at} porte sur une autre compétence ou un autre niveau."),
                    }
                }
                Detail::OtherLevel { session, level } => format!(
                    "Rien n'est offert à ce niveau ; {} enseigne la même compétence au niveau {level}.",
                    iso(session.as_str())
                ),
                Detail::NoSessionOfSkill => "Aucune session du catalogue n'enseigne cette compétence.".into(),
            }
        }

        fn outcome(&self, outcome: &SolveOutcome) -> String {
            match outcome {
                SolveOutcome::Planned { status: Status::Optimal, ms, .. } => {
                    format!("Plan optimal, calculé en {} ms.", ms.round())
                }
                SolveOutcome::Planned { status: Status::TimeLimit, objective, bound, gap, ms, .. } => format!(
                    "Meilleur plan trouvé dans la limite de temps ({:.1} s) : il peut être jusqu'à {:.1} % en dessous du meilleur possible (valeur {objective:.1}, borne {bound:.1}).",
                    ms / 1000.0,
                    gap * 100.0
                ),
                SolveOutcome::Invalid(problems) => format!(
                    "Non calculé : le scénario a {}. Corrigez-{} et recalculez.",
                    count(problems.len(), "problème", "problèmes"),
                    verb(problems.len(), "le", "les")
                ),
                SolveOutcome::Infeasible(_) => {
                    "Non calculé : les affectations forcées ne peuvent pas toutes être respectées. Retirez ou réduisez-les, puis recalculez.".into()
                }
                SolveOutcome::NoPlanInTime(seconds) => format!(
                    "Aucun plan respectant les affectations forcées n'a été trouvé en {seconds} s. Retirez-en quelques-unes et recalculez."
                ),
                SolveOutcome::Failed(message) => format!("Le calcul a échoué : {}", iso(message)),
            }
        }

        fn clash(&self, clash: &PinClash) -> String {
            let pins = pins(clash);
            match &clash.kind {
                ClashKind::Trainees { need, pinned, trainees } => format!(
                    "Les affectations {pins} placent {} du besoin {}, qui n'en a que {trainees}.",
                    count(*pinned, "stagiaire", "stagiaires"),
                    iso(need.as_str())
                ),
                ClashKind::Seats { session, pinned, seats } => format!(
                    "Les affectations {pins} placent {} dans la session {}, qui a {}.",
                    count(*pinned, "stagiaire", "stagiaires"),
                    iso(session.as_str()),
                    count(*seats, "place", "places")
                ),
                ClashKind::StateCap { state, session, pinned, cap } => format!(
                    "Les affectations {pins} placent {} de {} dans la session {}, qui en prend au plus {cap} par État.",
                    count(*pinned, "agent", "agents"),
                    iso(state.as_str()),
                    iso(session.as_str())
                ),
                ClashKind::Budget { state, cost, budget, currency } => format!(
                    "Les affectations {pins} coûtent {}, plus que le budget de {} ({}).",
                    self.money(*cost, currency),
                    iso(state.as_str()),
                    self.money(*budget, currency)
                ),
                ClashKind::Minimum { session, minimum, .. } => format!(
                    "Les affectations {pins} font tenir la session {}, qui ne peut pas atteindre son minimum de {}.",
                    iso(session.as_str()),
                    count(*minimum, "participant", "participants")
                ),
                ClashKind::Together { sessions } if sessions.is_empty() => format!(
                    "Les affectations {pins} ne tiennent pas ensemble avec les places, plafonds et budgets des sessions."
                ),
                ClashKind::Together { sessions } => format!(
                    "Les affectations {pins} ne tiennent pas ensemble avec les places, plafonds, budgets et minimums de {}.",
                    sessions.iter().map(|s| iso(s.as_str())).collect::<Vec<_>>().join(", ")
                ),
            }
        }

        fn refused(&self, refused: &Refused) -> String {
            match refused {
                Refused::UnknownNeed(need) => format!("Le besoin {} n'est plus dans le scénario.", iso(need.as_str())),
                Refused::UnknownSession(session) => {
                    format!("La session {} n'est plus dans le scénario.", iso(session.as_str()))
                }
                Refused::SkillLevel => {
                    "Une affectation forcée exige une session de la compétence et du niveau du besoin.".into()
                }
                Refused::Seats => "Une affectation forcée exige au moins 1 place.".into(),
            }
        }

        fn fill(&self, filled: i64, seats: i64) -> String {
            format!("{} sur {seats}", count(filled, "place occupée", "places occupées"))
        }

        fn coverage(&self, planned: i64, needed: i64) -> String {
            format!("{} sur {needed} ({} %)", count(planned, "stagiaire", "stagiaires"), percent(planned, needed))
        }

        fn running(&self, running: usize, sessions: usize) -> String {
            format!("{} sur {sessions} {}", count(running, "session", "sessions"), verb(running, "a lieu", "ont lieu"))
        }

        fn unmet_total(&self, needs: usize, seats: i64) -> String {
            format!("{}, {} sans place", count(needs, "besoin", "besoins"), count(seats, "stagiaire", "stagiaires"))
        }

        fn adjustments(&self, pins: usize, exclusions: usize) -> String {
            format!(
                "{}, {}",
                count(pins, "affectation forcée", "affectations forcées"),
                count(exclusions, "exclusion", "exclusions")
            )
        }

        fn calendar_title(&self, year: i32, state: Option<&str>) -> String {
            match state {
                Some(name) => format!("Calendrier de formation {year} — {}", iso(name)),
                None => format!("Calendrier de formation {year}"),
            }
        }

        fn seats(&self, seats: i64) -> String {
            count(seats, "place", "places")
        }

        fn progress(&self, seconds: f64, best_gap: Option<f64>) -> String {
            let seconds = format!("{seconds:.1}").replace('.', ",");
            match best_gap {
                Some(gap) => format!(
                    "Calcul en cours… {seconds} s ; meilleur plan à ce stade à moins de {} % du meilleur possible.",
                    format!("{:.1}", gap * 100.0).replace('.', ",")
                ),
                None => format!("Calcul en cours… {seconds} s ; pas encore de plan."),
            }
        }

        fn stopped(&self, stopped: Stopped) -> String {
            match stopped {
                Stopped::WithPlan { gap } => format!(
                    "Arrêté : le meilleur plan trouvé jusque-là, à moins de {} % du meilleur possible.",
                    format!("{:.1}", gap * 100.0).replace('.', ",")
                ),
                Stopped::BeforeAnyPlan => "Arrêté avant qu'un plan soit trouvé : rien n'a changé.".into(),
            }
        }
    }

    impl Fr {
        fn mode_word(&self, mode: &crate::model::Mode) -> String {
            mode_msg(mode).map(|m| self.text(m).to_lowercase()).unwrap_or_else(|| iso(mode.as_str()))
        }
    }
}

// Words for text a field could not read (typed errors of `model::read`), kept apart from the
// rest of the catalogue.
mod read_words {
    use super::Fr;
    use crate::model::read::ReadError;
    use crate::ui::i18n::{iso, ReadWords};

    impl ReadWords for Fr {
        fn read_error(&self, error: &ReadError) -> String {
            match error {
            ReadError::NotWholeNumber => "Saisissez un nombre entier.".into(),
            ReadError::Fraction => "Saisissez un nombre entier, sans décimales.".into(),
            ReadError::AmbiguousPoint { plain } => format!(
                "Le point sépare-t-il les milliers ({}) ou les décimales ? Écrivez le nombre sans séparateur.",
                iso(plain)
            ),
            ReadError::TooLarge => "Ce nombre est trop grand.".into(),
            ReadError::NotNumber => "Saisissez un nombre.".into(),
            ReadError::Hijri { .. } => {
                "Cette date semble hégirienne ; saisissez la date grégorienne au format AAAA-MM-JJ, p. ex. 2027-03-12."
                    .into()
            }
            ReadError::AmbiguousDate => {
                "Jour/mois ou mois/jour ? Saisissez la date au format AAAA-MM-JJ, p. ex. 2027-03-12.".into()
            }
            ReadError::HasTime => "Saisissez la date seule, au format AAAA-MM-JJ, sans heure.".into(),
            ReadError::NotDate => "Saisissez une date au format AAAA-MM-JJ (2027-03-15) ou JJ/MM/AAAA (15/03/2027).".into(),
            ReadError::NotADay => "Ce jour n'existe pas dans le calendrier.".into(),
            }
        }
    }
}

/// A problem of the core, in French.
fn problem(c: &Fr, kind: &ProblemKind) -> String {
    use ProblemKind as K;
    match kind {
        K::RepeatedKey { key } => {
            format!("La clé {} apparaît deux fois dans cet objet ; supprimez l'une des copies.", iso(key))
        }
        K::UnknownField { key, hint, expected } => format!(
            "Champ inconnu {}{}. Champs connus : {}.",
            iso(key),
            hint.map(|h| format!(" (vouliez-vous dire {} ?)", iso(h))).unwrap_or_default(),
            expected.join(", ")
        ),
        K::ListForObject => "Une liste se trouve là où un objet aux champs nommés est attendu.".into(),
        K::NotADate { text } => {
            format!("{} n'est pas une date écrite AAAA-MM-JJ (par exemple 2027-02-07).", iso(text))
        }
        K::PlanFile => "Ceci est un fichier de plan, pas un scénario : ouvrez le scénario dont il est issu.".into(),
        K::TrailingText => "Du texte suit la fin du scénario.".into(),
        K::Shape { detail } => format!("Contenu incorrect ici ({}).", iso(detail)),
        K::FormatTag { found } => format!("Ce n'est pas un scénario Qudra (format {}).", iso(found)),
        K::Version { found } => {
            format!("Ce Qudra lit la version {SCENARIO_VERSION} des scénarios ; le fichier est en version {found}.")
        }
        K::YearOutside { date } => format!("L'année de {} est hors de {MIN_YEAR}–{MAX_YEAR}.", c.date(*date)),
        K::StartAfterEnd { start, end } => {
            format!("Le début ({}) est après la fin ({}).", c.date(*start), c.date(*end))
        }
        K::Empty => "Ne doit pas être vide.".into(),
        K::IdCharacter { id, found } => format!(
            "L'identifiant {} contient {} ; un identifiant ne contient que des lettres, des chiffres, -, _ et .",
            iso(id),
            if found.is_whitespace() { "une espace".to_string() } else { code_point(*found) }
        ),
        K::StateCode { code: _, hint } => format!(
            "Un code d'État est fait de deux lettres majuscules (ISO 3166-1, comme QA){}.",
            hint.as_ref().map(|h| format!(" ; vouliez-vous dire {} ?", iso(h))).unwrap_or_default()
        ),
        K::NameMissing => "Donnez un nom dans au moins une langue.".into(),
        K::HiddenCharacter { found } => format!(
            "Contient le caractère invisible {}, qui peut faire afficher d'autres mots que ceux du texte.",
            code_point(*found)
        ),
        K::CountTooLarge { value } => {
            format!("{value} dépasse {MAX_COUNT}, le plus grand nombre que Qudra planifie exactement.")
        }
        K::MoneyTooLarge { value } => {
            format!("{value} dépasse {MAX_MONEY}, le plus grand montant que Qudra planifie exactement.")
        }
        K::WeightTooLarge { shown } => {
            format!("{shown} dépasse {MAX_WEIGHT}, le plus grand poids que Qudra prend exactement en compte.")
        }
        K::Negative { .. } | K::NegativeWeight { .. } => "Ne doit pas être négatif.".into(),
        K::NotFinite { .. } => "Saisissez un nombre fini.".into(),
        K::LevelRange { .. } => "Le niveau est 1, 2 ou 3.".into(),
        K::PriorityRange { .. } => "La priorité va de 1 (faible) à 5 (critique).".into(),
        K::UnknownMode { word } => format!("Modalité inconnue {}.", iso(word)),
        K::Duplicate { id, .. } => format!("L'identifiant {} est déjà utilisé.", iso(id)),
        K::WeightsCount { found } => {
            format!("Donnez exactement 5 poids, pour les priorités 1 à 5 (il y en a {found}).")
        }
        K::LanguagesMissing => "Choisissez au moins une langue de formation.".into(),
        K::Unknown { thing, id } => format!("Il n'y a pas {} {}.", THINGS[thing_index(*thing)], iso(id)),
        K::CapMin { .. } => "Le plafond est d'au moins 1 (vide : sans plafond).".into(),
        K::TraineesMin { .. } => "Au moins 1 stagiaire.".into(),
        K::MinAboveSeats { seats, .. } => format!("Le minimum dépasse les {seats} places."),
        K::PinSeats { .. } => "Une affectation forcée demande au moins 1 place.".into(),
        K::PinSkillLevel(m) => format!(
            "Le besoin {} porte sur {} niveau {}, mais la session {} enseigne {} niveau {}.",
            iso(&m.need),
            iso(&m.need_skill),
            m.need_level,
            iso(&m.session),
            iso(&m.course_skill),
            m.course_level
        ),
        K::SecondPin { need, session, .. } => {
            format!("Le besoin {} a déjà une affectation forcée à la session {}.", iso(need), iso(session))
        }
        K::SecondExclusion { need, session, .. } => {
            format!("Le besoin {} est déjà exclu de la session {}.", iso(need), iso(session))
        }
        K::PinExcluded { need, session } => format!(
            "Le besoin {} a une affectation forcée à la session {}, mais cette paire est exclue.",
            iso(need),
            iso(session)
        ),
    }
}

/// Les mots du résultat d'un calcul (voir `super::result`).
mod result_words {
    use super::{count, Fr};
    use crate::solve::Fact;
    use crate::ui::i18n::{group, iso, mode_msg, Catalogue, ResultWords};
    use crate::ui::vm::plan::changes::Cause;
    use crate::ui::vm::plan::summary::Summary;

    /// A delivery mode's word.
    fn mode(c: &Fr, mode: &crate::model::Mode) -> String {
        mode_msg(mode).map(|m| c.text(m).to_string()).unwrap_or_else(|| iso(mode.as_str()))
    }

    impl ResultWords for Fr {
        fn number(&self, n: i64) -> String {
            group(n, '\u{202F}')
        }

        fn percent(&self, n: i64) -> String {
            format!("{n}\u{202F}%")
        }

        fn money(&self, amount: i64, currency: &str) -> String {
            match currency.trim() {
                "" => self.number(amount),
                code => format!("{}\u{a0}{code}", self.number(amount)),
            }
        }

        fn headline(&self, s: &Summary) -> String {
            let placed = format!(
                "{} {} sur {} ({}\u{202F}%)",
                self.number(s.placed),
                if s.placed <= 1 { "stagiaire placé" } else { "stagiaires placés" },
                self.number(s.trainees),
                s.percent()
            );
            match (s.short, s.critical) {
                (0, _) => format!("{placed}, tous les besoins couverts"),
                (short, 0) => format!(
                    "{placed}, {} non {}, aucun critique",
                    count(short, "besoin", "besoins"),
                    if short <= 1 { "couvert" } else { "couverts" }
                ),
                (short, critical) => format!(
                    "{placed}, {} non {}, dont {}",
                    count(short, "besoin", "besoins"),
                    if short <= 1 { "couvert" } else { "couverts" },
                    count(critical, "critique", "critiques")
                ),
            }
        }

        fn by_state_glance(&self) -> &'static str {
            "Stagiaires placés, par État"
        }

        fn without_seat(&self, missing: i64, trainees: i64) -> String {
            format!(
                "{} {} sur {} sans place",
                self.number(missing),
                if missing <= 1 { "stagiaire" } else { "stagiaires" },
                self.number(trainees)
            )
        }

        fn harm_order(&self) -> &'static str {
            "Les plus graves d'abord : la priorité la plus haute, puis le plus de stagiaires sans place."
        }

        fn pivot_title(&self) -> &'static str {
            "Besoins non couverts par État et par raison"
        }

        fn total(&self) -> &'static str {
            "Total"
        }

        fn pin_warning(&self, fact: &Fact) -> String {
            let list = |items: Vec<String>| items.join(", ");
            match fact {
                Fact::Language { course, accepted } => format!(
                    "Ces stagiaires n'acceptent pas {} (ils acceptent {}). Épingler quand même ?",
                    self.language_name(course).to_lowercase(),
                    list(accepted.iter().map(|l| self.language_name(l).to_lowercase()).collect())
                ),
                Fact::Mode { course, accepted } => format!(
                    "Ces stagiaires n'acceptent pas la formation {} (ils acceptent {}). Épingler quand même ?",
                    mode(self, course).to_lowercase(),
                    list(accepted.iter().map(|m| mode(self, m).to_lowercase()).collect())
                ),
                Fact::Window { window: Some(w) } => format!(
                    "Cette session est hors de la période du besoin ({}). Épingler quand même ?",
                    self.date_range(w.start, w.end)
                ),
                Fact::Window { window: None } => {
                    "Cette session est hors de la période du besoin. Épingler quand même ?".into()
                }
                Fact::Blackout { label, start, end } => format!(
                    "Cette session chevauche {} ({}), où l'État ne peut envoyer personne. Épingler quand même ?",
                    if label.is_empty() { "une période d'indisponibilité".to_string() } else { iso(label) },
                    self.date_range(*start, *end)
                ),
                Fact::OpenTo(states) => format!(
                    "Cette session est réservée à {}. Épingler quand même ?",
                    iso(&states.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(", "))
                ),
                Fact::Excluded => "Vous avez exclu ce couple ; épingler lève l'exclusion. Épingler quand même ?".into(),
                Fact::SkillLevel => "Cette session enseigne une autre compétence ou un autre niveau.".into(),
            }
        }

        fn pin_anyway(&self) -> &'static str {
            "Épingler quand même"
        }

        fn cancel(&self) -> &'static str {
            "Annuler"
        }

        fn held_by_pins(&self, seats: i64) -> String {
            format!("Détient {}.", count(seats, "place épinglée", "places épinglées"))
        }

        fn no_other_session(&self) -> &'static str {
            "Aucune autre session ne convient à ce besoin : il n'a que les places épinglées pour lui."
        }

        fn net_title(&self) -> &'static str {
            "Variation nette par État"
        }

        fn gained_lost_net(&self) -> [&'static str; 3] {
            ["Places gagnées", "Places perdues", "Net"]
        }

        fn cause_heading(&self) -> &'static str {
            "Pourquoi"
        }

        fn cause(&self, cause: Cause) -> &'static str {
            match cause {
                Cause::Pin => "imposé par un épinglage",
                Cause::Exclusion => "imposé par une exclusion",
            }
        }

        fn will_not_run(&self, minimum: i64) -> String {
            format!("n'aura pas lieu : sous son minimum de {}", count(minimum, "participant", "participants"))
        }

        fn not_running_title(&self) -> &'static str {
            "Sessions qui n'auront pas lieu (sous leur minimum)"
        }

        fn not_running_mark(&self) -> &'static str {
            "✕ annulée"
        }
    }
}

/// The words of the first visit and the demo data (see `super::first`).
mod first_words {
    use super::Fr;
    use crate::ui::i18n::{iso, FirstWords};

    impl FirstWords for Fr {
        fn welcome(&self) -> &'static str {
            "Bienvenue dans Qudra"
        }

        fn who_are_you(&self) -> &'static str {
            "Qui êtes-vous ? Qudra ouvre l'espace de votre rôle ; vous pourrez en changer en haut de la page."
        }

        fn focal_of(&self, state: &str) -> String {
            format!("Point focal de {}", iso(state))
        }

        fn focal_hint(&self) -> &'static str {
            "Saisissez les besoins de formation de votre État et envoyez-les au centre régional."
        }

        fn centre_choice(&self) -> &'static str {
            "Le centre régional"
        }

        fn centre_hint(&self) -> &'static str {
            "Tenez le catalogue des cours et de leurs sessions datées."
        }

        fn planner_choice(&self) -> &'static str {
            "Planificateur"
        }

        fn planner_hint(&self) -> &'static str {
            "Tout : les États, les réglages et le plan qui attribue les places."
        }

        fn demo_title(&self) -> &'static str {
            "Données de démonstration"
        }

        fn demo_text(&self) -> &'static str {
            "Les besoins, cours et sessions affichés sont fictifs, pour essayer Qudra. Vos modifications restent dans ce navigateur."
        }

        fn import_own(&self) -> &'static str {
            "Importer votre propre scénario"
        }

        fn start_empty(&self) -> &'static str {
            "Partir de données vides"
        }

        fn confirm_start_empty(&self) -> &'static str {
            "Remplacer les données de démonstration par des données vides ? Les États membres et les compétences sont conservés. Annuler ramène la démonstration."
        }

        fn data_menu(&self) -> &'static str {
            "Données"
        }
    }
}

/// Spreadsheets in: importing a needs or sessions CSV, pasting rows, the templates.
mod sheet_words {
    use super::{count, iso, verb, Catalogue, Fr};
    use crate::io::import::RowProblem;
    use crate::ui::i18n::{SheetWords, S};
    use crate::ui::vm::edit::issue::Issue;
    use crate::ui::vm::edit::sheet::{Outcome, Report, Sheet};

    fn quoted(words: &[impl AsRef<str>]) -> String {
        crate::ui::i18n::sheet::alternatives(words, ", ", " ou ")
    }

    const SAVE_AS: &str =
        "Dans Excel, choisissez Fichier > Enregistrer sous > « CSV UTF-8 (délimité par des virgules) ».";

    impl SheetWords for Fr {
        fn s(&self, m: S) -> &'static str {
            match m {
                S::Spreadsheets => "Tableurs",
                S::ImportNeeds => "Importer des besoins (CSV)",
                S::ImportSessions => "Importer des sessions (CSV)",
                S::NeedsTemplate => "Modèle vide des besoins",
                S::SessionsTemplate => "Modèle vide des sessions",
                S::PasteRows => "Coller des lignes",
                S::PasteHint => "Copiez des lignes dans Excel et collez-les ici (la ligne d'en-tête est facultative ; sans elle, les colonnes sont celles du modèle).",
                S::AddPasted => "Ajouter les lignes collées",
                S::ShowRow => "Voir la ligne",
                S::RowOfFile => "La ligne du fichier",
                S::Close => "Fermer",
                S::FirstShown => "Seuls les 200 premiers problèmes sont listés ; corrigez-les et importez de nouveau pour voir la suite.",
            }
        }

        fn sheet_report(&self, report: &Report) -> String {
            match (&report.outcome, report.sheet) {
                (Outcome::Taken { added: 0, changed: 0 }, _) => {
                    "Le fichier ne contient aucune ligne : rien n'a été ajouté.".into()
                }
                (Outcome::Taken { added, .. }, Sheet::Needs) => {
                    format!("{} {}.", count(*added, "besoin", "besoins"), verb(*added, "ajouté", "ajoutés"))
                }
                (Outcome::Taken { added, changed }, Sheet::Sessions) => format!(
                    "{} {}, {changed} {}.",
                    count(*added, "session", "sessions"),
                    verb(*added, "ajoutée", "ajoutées"),
                    verb(*changed, "modifiée", "modifiées")
                ),
                (Outcome::Refused(problems), _) => format!(
                    "Rien n'a été importé : {} à corriger. Toutes les lignes sont importées ensemble, ou aucune.",
                    count(problems.len(), "problème", "problèmes")
                ),
            }
        }

        fn row_place(&self, line: usize, column: Option<&str>) -> String {
            match (line, column) {
                (0, _) => "Le fichier".into(),
                (line, Some(column)) => format!("Ligne {line}, colonne {}", iso(column)),
                (line, None) => format!("Ligne {line}"),
            }
        }

        fn row_problem(&self, problem: &RowProblem) -> String {
            use RowProblem as R;
            match problem {
                R::EmptyFile => "Le fichier est vide.".into(),
                R::Workbook => format!("C'est un classeur Excel (.xlsx), pas un fichier CSV. {SAVE_AS}"),
                R::OldWorkbook => format!("C'est un ancien classeur Excel (.xls), pas un fichier CSV. {SAVE_AS}"),
                R::Utf16 => format!("Ce fichier est en UTF-16 (« Texte Unicode » d'Excel), pas en CSV UTF-8. {SAVE_AS}"),
                R::NotUtf8 => format!(
                    "Cette ligne n'est pas du texte UTF-8 : le fichier a sans doute été enregistré dans la page de code arabe de Windows (1256), qui altère l'arabe. {SAVE_AS}"
                ),
                R::NoHeader => "Le fichier n'a pas de ligne d'en-tête.".into(),
                R::UnclosedQuote { text_line } => format!(
                    "Une cellule entre guillemets commence ici (ligne de texte {text_line}) et n'est jamais fermée : il manque un \"."
                ),
                R::RepeatedColumn { column } => format!("La colonne {} figure deux fois dans l'en-tête.", iso(column)),
                R::UnknownColumn { found, known } => {
                    format!("Colonne inconnue {} (les colonnes sont : {}).", iso(found), quoted(known))
                }
                R::MissingColumn { column, known } => {
                    format!("L'en-tête n'a pas de colonne {} (les colonnes sont : {}).", iso(column), quoted(known))
                }
                R::TooManyCells { cells, columns } => format!(
                    "Cette ligne a {cells} cellules mais l'en-tête a {columns} colonnes : une cellule contient-elle une virgule sans guillemets ?"
                ),
                R::BidiControl { found } => format!(
                    "Un caractère de direction invisible ({}) peut afficher ce texte autrement qu'il n'est ; retapez la cellule.",
                    super::code_point(*found)
                ),
                R::Required => "Cette colonne est obligatoire ; la cellule est vide.".into(),
                R::Read { text, error } => {
                    format!("{} : {}", iso(text), Catalogue::issue(self, &Issue::Read(error.clone())))
                }
                R::AmbiguousState { typed } => {
                    format!("{} désigne plusieurs États ; écrivez le code de l'État.", iso(typed))
                }
                R::UnknownState { typed, near, known } => match near.as_slice() {
                    [] => format!("Aucun État ne s'écrit {} (les codes sont : {}).", iso(typed), quoted(known)),
                    near => format!("Aucun État ne s'écrit {} ; vouliez-vous dire {} ?", iso(typed), quoted(near)),
                },
                R::OtherState { found, only } => format!(
                    "Cette ligne concerne {}, mais seuls les besoins de {} sont importés ici.",
                    iso(found),
                    iso(only)
                ),
                R::UnknownSkill { typed, near, known } => match near.as_slice() {
                    [] if known.len() <= 12 => format!(
                        "Aucune compétence ne s'appelle {} (les compétences sont : {}).",
                        iso(typed),
                        quoted(known)
                    ),
                    [] => format!("Aucune compétence ne s'appelle {}.", iso(typed)),
                    near => format!(
                        "Aucune compétence ne s'appelle {} ; vouliez-vous dire {} ?",
                        iso(typed),
                        quoted(near)
                    ),
                },
                R::NotLanguageCode { item, named: Some(code) } => {
                    format!("{} n'est pas un code de langue ; vouliez-vous dire {} ?", iso(item), iso(code))
                }
                R::NotLanguageCode { item, named: None } => format!(
                    "{} n'est pas un code de langue comme ar, en ou fr (séparez-en plusieurs par ;).",
                    iso(item)
                ),
                R::UnknownMode { item, near } => match near.as_slice() {
                    [] => format!(
                        "Modalité inconnue {} : utilisez in_person, online ou blended, séparées par ;.",
                        iso(item)
                    ),
                    near => format!("Modalité inconnue {} ; vouliez-vous dire {} ?", iso(item), quoted(near)),
                },
                R::EndBeforeHorizon { end } => format!(
                    "{} précède le début de la période de planification ; sans window_start, la fenêtre commence avec elle : donnez un window_start ou un window_end plus tardif.",
                    iso(&end.to_string())
                ),
                R::StartAfterHorizon { start } => format!(
                    "{} suit la fin de la période de planification ; sans window_end, la fenêtre finit avec elle : donnez un window_end ou un window_start plus tôt.",
                    iso(&start.to_string())
                ),
                R::HalfWindow => "Une seule borne de la fenêtre est donnée et le scénario n'a pas de période de planification où prendre l'autre : donnez les deux dates ou aucune.".into(),
                R::RepeatedSession { id, first_line } => {
                    format!("La session {} figure déjà à la ligne {first_line} de ce fichier.", iso(id))
                }
                R::Invalid { kind, .. } => Catalogue::issue(self, &Issue::Problem((**kind).clone())),
                R::AfterRow { path, kind } => format!(
                    "Avec cette ligne, {} ne tiendrait plus : {}",
                    iso(path),
                    Catalogue::issue(self, &Issue::Problem((**kind).clone()))
                ),
                R::InScenario { path, kind } => format!(
                    "Dans le scénario (pas dans ce fichier), {} : {}",
                    iso(path),
                    Catalogue::issue(self, &Issue::Problem((**kind).clone()))
                ),
                R::MoreInRow => "Cette ligne a aussi des problèmes (corrigez d'abord ceux du dessus).".into(),
            }
        }
    }
}
mod capacity;
mod remedy;
