//! Français (French), for the Maghreb states, Djibouti, Comoros and Lebanon.

use super::{first_problem, iso, thing_index, Catalogue, Msg, Note};
use crate::ui::vm::files::{ImportError, Imported};
use crate::ui::vm::issue::Issue;

pub struct Fr;

const THINGS: [&str; 5] = ["d'État", "de compétence", "de cours", "de besoin", "de session"];
const THINGS_PLURAL: [&str; 5] = ["États", "compétences", "cours", "besoins", "sessions"];
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
            Msg::DateHelp => "Une date écrite année-mois-jour, par ex. 2027-02-07",
        }
    }

    fn month(&self, month: u32) -> &'static str {
        MONTHS.get(month.wrapping_sub(1) as usize).copied().unwrap_or("")
    }

    fn issue(&self, issue: &Issue) -> String {
        match issue {
            Issue::NotWholeNumber => "Saisissez un nombre entier.".into(),
            Issue::NotNumber => "Saisissez un nombre.".into(),
            Issue::NotDate => "Saisissez une date.".into(),
            Issue::Required => "Ce champ est obligatoire.".into(),
            Issue::Empty => "Ne doit pas être vide.".into(),
            Issue::Duplicate(id) => format!("L'identifiant {} est déjà utilisé.", iso(id)),
            Issue::NameMissing => "Donnez un nom dans au moins une langue.".into(),
            Issue::LanguagesMissing => "Choisissez au moins une langue de formation.".into(),
            Issue::Negative => "Ne doit pas être négatif.".into(),
            Issue::StartAfterEnd(start, end) => {
                format!("Le début ({}) est après la fin ({}).", self.date(*start), self.date(*end))
            }
            Issue::LevelRange => "Le niveau est 1, 2 ou 3.".into(),
            Issue::PriorityRange => "La priorité va de 1 (faible) à 5 (critique).".into(),
            Issue::TraineesMin => "Au moins 1 stagiaire.".into(),
            Issue::CapMin => "Le plafond est d'au moins 1 (vide : sans plafond).".into(),
            Issue::MinAboveSeats(seats) => format!("Le minimum dépasse les {seats} places."),
            Issue::Unknown(thing, id) => format!("Il n'y a pas {} {}.", THINGS[thing_index(*thing)], iso(id)),
            Issue::UnknownMode(word) => format!("Modalité inconnue {}.", iso(word)),
            Issue::WeightsCount => "Donnez exactement 5 poids, pour les priorités 1 à 5.".into(),
            Issue::PinSeats => "Une affectation forcée demande au moins 1 place.".into(),
            Issue::Other(message) => iso(message),
        }
    }

    fn note(&self, note: &Note) -> String {
        match note {
            Note::Imported(Imported::Scenario { needs, sessions }) => {
                format!("Scénario importé : {needs} besoins, {sessions} sessions.")
            }
            Note::Imported(Imported::Submission { state, needs, replaced }) => format!(
                "Soumission de {} importée : {needs} besoins remplacent les {replaced} précédents.",
                iso(state.as_str())
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
            Note::InUse(in_use) => format!(
                "Suppression impossible : {} {} l'utilisent encore.",
                in_use.count,
                THINGS_PLURAL[thing_index(in_use.by)]
            ),
        }
    }

    fn needs_total(&self, needs: usize, trainees: i64) -> String {
        format!("{needs} besoins, {trainees} stagiaires")
    }

    fn sessions_total(&self, sessions: usize, seats: i64) -> String {
        format!("{sessions} sessions, {seats} places")
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
            ImportError::Shape(e) => format!("Contenu incorrect à {} : {}", iso(&e.path), iso(&e.message)),
            ImportError::Invalid(problems) => match first_problem(error) {
                Some((path, issue)) => format!(
                    "Il contient {} problème(s) ; le premier, à {} : {}",
                    problems.len(),
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
