//! `gen-demo`: writes the demo scenario `data/demo-2027.json`, the UNODC Regional Centre
//! for Combatting Cybercrime (Doha) plan for the 22 Arab League states in 2027.
//!
//! The data lives below as plain-text tables, one row per state, skill, course, session
//! and need, so that a planner can read and edit it like a spreadsheet. Nothing is random:
//! the same build always prints the same file, byte for byte.
//!
//! Usage: `gen-demo [OUT.json]` (standard output when no path is given).

mod cli;

use std::collections::BTreeMap;
use std::path::Path;
use std::process::ExitCode;

use cli::{Parsed, Spec};

use chrono::{Datelike, Days, NaiveDate, Weekday};
use qudra::model::{
    validate, Blackout, Course, CourseId, DateRange, Mode, Names, Need, NeedIds, Scenario, Session, SessionId, Skill,
    SkillId, State, StateCode,
};

const TITLE: &str = "Regional cybercrime training plan 2027 (UNODC Doha)";

/// Approximate Islamic dates of 2027 (moon sighting decides); a state's row lists the
/// letters of those it blacks out.
const ISLAMIC: [(char, &str, &str, &str); 4] = [
    ('R', "2027-02-08", "2027-03-08", "Ramadan (approx.)"),
    ('F', "2027-03-09", "2027-03-11", "Eid al-Fitr (approx.)"),
    ('A', "2027-05-16", "2027-05-19", "Eid al-Adha (approx.)"),
    ('H', "2027-06-06", "2027-06-06", "Islamic New Year (approx.)"),
];

/// code | English | Arabic | French | languages | budget (USD, `-` unlimited) |
/// national day (`start..end`, `-` none) | its label | Islamic blackouts (letters of ISLAMIC).
///
/// The five states with a budget send people abroad only to three-day Doha courses (their
/// other needs are `modes=online`), all priced 1,900 a seat, and their budgets are whole
/// numbers of seats. Keep it so when editing: with mixed prices or a budget between two seat
/// counts the relaxation of the budget row is fractional, and microlp's branch and bound
/// then explores many equivalent allocations (seconds to minutes instead of milliseconds).
const STATES: &str = "
DZ | Algeria | الجزائر | Algérie | ar,fr | - | 2027-07-05 | Independence Day | F
BH | Bahrain | البحرين | Bahreïn | ar,en | - | 2027-12-16..2027-12-17 | National Day | A
KM | Comoros | جزر القمر | Comores | fr,ar | 5700 | 2027-07-06 | Independence Day | -
DJ | Djibouti | جيبوتي | Djibouti | fr,ar | 7600 | 2027-06-27 | Independence Day | -
EG | Egypt | مصر | Égypte | ar,en | - | 2027-07-23 | Revolution Day | FA
IQ | Iraq | العراق | Irak | ar,en | - | 2027-10-03 | National Day | A
JO | Jordan | الأردن | Jordanie | ar,en | - | 2027-05-25 | Independence Day | A
KW | Kuwait | الكويت | Koweït | ar,en | - | 2027-02-25..2027-02-26 | National Day and Liberation Day | RA
LB | Lebanon | لبنان | Liban | ar,fr,en | - | 2027-11-22 | Independence Day | -
LY | Libya | ليبيا | Libye | ar,en | - | 2027-12-24 | Independence Day | RF
MR | Mauritania | موريتانيا | Mauritanie | ar,fr | - | 2027-11-28 | Independence Day | RA
MA | Morocco | المغرب | Maroc | ar,fr | - | 2027-07-30 | Throne Day | A
OM | Oman | عُمان | Oman | ar,en | - | - | - | RAH
PS | Palestine | فلسطين | Palestine | ar,en | - | 2027-11-15 | Independence Day | -
QA | Qatar | قطر | Qatar | ar,en | - | 2027-12-18 | National Day | FA
SA | Saudi Arabia | المملكة العربية السعودية | Arabie saoudite | ar,en | - | 2027-09-23 | National Day | RFA
SO | Somalia | الصومال | Somalie | ar,en | 5700 | 2027-07-01 | Independence Day | A
SD | Sudan | السودان | Soudan | ar,en | 7600 | 2027-01-01 | Independence Day | RA
SY | Syria | سوريا | Syrie | ar | - | - | - | -
TN | Tunisia | تونس | Tunisie | ar,fr | - | 2027-03-20 | Independence Day | -
AE | United Arab Emirates | الإمارات العربية المتحدة | Émirats arabes unis | ar,en | - | 2027-12-02 | National Day | FA
YE | Yemen | اليمن | Yémen | ar | 5700 | 2027-05-22 | National Unity Day | RFA
";

/// id | English | Arabic | French.
const SKILLS: &str = "
forensics | Digital forensics | التحليل الجنائي الرقمي | Criminalistique numérique
mobile | Mobile device forensics | التحليل الجنائي للأجهزة المحمولة | Criminalistique des appareils mobiles
investigation | Cybercrime investigation | التحقيق في الجرائم السيبرانية | Enquête sur la cybercriminalité
osint | Open-source intelligence (OSINT) | استخبارات المصادر المفتوحة | Renseignement en sources ouvertes (OSINT)
crypto | Crypto-asset tracing | تتبع الأصول المشفرة | Traçage des crypto-actifs
darkweb | Dark web investigations | التحقيق في الشبكة المظلمة | Enquêtes sur le dark web
ai-crime | AI-enabled crime (deepfakes, AI-assisted fraud) | الجرائم المرتكبة بالذكاء الاصطناعي (التزييف العميق والاحتيال) | Criminalité liée à l'IA (hypertrucages, fraude assistée par l'IA)
incident | Incident response | الاستجابة للحوادث السيبرانية | Réponse aux incidents
malware | Malware analysis | تحليل البرمجيات الخبيثة | Analyse des logiciels malveillants
evidence | Electronic evidence and first response | الأدلة الإلكترونية والاستجابة الأولى | Preuve électronique et primo-intervention
cooperation | International cooperation and mutual legal assistance | التعاون الدولي والمساعدة القانونية المتبادلة | Coopération internationale et entraide judiciaire
law | Cybercrime law for judges and prosecutors | قانون الجرائم السيبرانية للقضاة وأعضاء النيابة العامة | Droit de la cybercriminalité pour juges et procureurs
csea | Online child sexual exploitation and abuse | الاستغلال والاعتداء الجنسي على الأطفال عبر الإنترنت | Exploitation et abus sexuels d'enfants en ligne
ransomware | Ransomware response | التصدي لهجمات برمجيات الفدية | Réponse aux rançongiciels
readiness | Readiness exercises | تمارين الجاهزية | Exercices de préparation
network | Network forensics | التحليل الجنائي للشبكات | Criminalistique des réseaux
cloud | Cloud evidence | الأدلة الرقمية في الحوسبة السحابية | Preuve électronique dans le nuage
fraud | Online fraud | الاحتيال الإلكتروني | Fraude en ligne
terrorism | Terrorist use of the internet | استخدام الإرهابيين للإنترنت | Utilisation d'Internet à des fins terroristes
management | Management of cybercrime units | إدارة وحدات مكافحة الجرائم السيبرانية | Direction des unités de lutte contre la cybercriminalité
awareness | Prevention and awareness campaigns | الوقاية وحملات التوعية | Prévention et campagnes de sensibilisation
";

/// id | skill | level | language | mode | location | session defaults, then one indented
/// `lang: title` line per language. Defaults: `days` (calendar days from start to end),
/// `seats`, `cap` (max per state, `-` none), `min` (minimum participants), `cost` (USD a seat:
/// travel and subsistence for in-person courses, 0 online). Costs follow one rate card by
/// length: Doha 1,400 / 1,900 / 2,400 / 2,900 for 2 / 3 / 4 / 5 days (+600 at level 3),
/// blended 1,600–1,800, regional cohorts in Tunis and Rabat 800–1,300, in-country deliveries
/// 300–350, and the four-week NAUSS course in Riyadh 10,500.
const COURSES: &str = "
DF-100 | forensics | 1 | ar | online | Online | days=5 seats=30 cap=4 cost=0
  en: Introduction to digital forensics (online)
  ar: مدخل إلى التحليل الجنائي الرقمي (عن بُعد)
  fr: Introduction à la criminalistique numérique (en ligne)
DF-101 | forensics | 1 | ar | in_person | Doha | days=5 seats=24 cap=3 cost=2900
  en: Digital forensics fundamentals
  ar: أساسيات التحليل الجنائي الرقمي
  fr: Fondamentaux de la criminalistique numérique
DF-102F | forensics | 1 | fr | in_person | Tunis | days=5 seats=20 cap=5 cost=1300
  en: Digital forensics fundamentals (CyberSouth French-language cohort)
  ar: أساسيات التحليل الجنائي الرقمي (دفعة ناطقة بالفرنسية، برنامج CyberSouth)
  fr: Fondamentaux de la criminalistique numérique (cohorte francophone CyberSouth)
DF-201 | forensics | 2 | ar | in_person | Doha | days=5 seats=20 cap=2 cost=2900
  en: Digital forensics: acquisition and analysis of computers
  ar: التحليل الجنائي الرقمي: ضبط الحواسيب وتحليلها
  fr: Criminalistique numérique : acquisition et analyse des ordinateurs
DF-301 | forensics | 3 | en | in_person | Doha | days=5 seats=16 cap=3 cost=3500
  en: Advanced digital forensics (train-the-trainer)
  ar: التحليل الجنائي الرقمي المتقدم (تدريب المدربين)
  fr: Criminalistique numérique avancée (formation de formateurs)
MF-201 | mobile | 2 | ar | in_person | Doha | days=4 seats=20 cap=2 cost=2400
  en: Mobile device forensics
  ar: التحليل الجنائي للأجهزة المحمولة
  fr: Criminalistique des appareils mobiles
MF-301 | mobile | 3 | en | in_person | Doha | days=5 seats=16 cap=3 cost=3500
  en: Advanced mobile device forensics: extraction and application analysis
  ar: التحليل الجنائي المتقدم للأجهزة المحمولة: الاستخراج وتحليل التطبيقات
  fr: Criminalistique mobile avancée : extraction et analyse des applications
CI-101 | investigation | 1 | ar | in_person | Doha | days=4 seats=24 cap=3 cost=2400
  en: Cybercrime investigation course
  ar: دورة التحقيق في الجرائم السيبرانية
  fr: Cours d'enquête sur la cybercriminalité
CI-102 | investigation | 1 | ar | online | Online | days=5 seats=30 cap=4 cost=0
  en: Cybercrime investigation course (online)
  ar: دورة التحقيق في الجرائم السيبرانية (عن بُعد)
  fr: Cours d'enquête sur la cybercriminalité (en ligne)
CI-103F | investigation | 1 | fr | in_person | Rabat | days=4 seats=20 cap=5 cost=1100
  en: Cybercrime investigation course (French-language cohort)
  ar: دورة التحقيق في الجرائم السيبرانية (دفعة ناطقة بالفرنسية)
  fr: Cours d'enquête sur la cybercriminalité (cohorte francophone)
CI-201 | investigation | 2 | ar | in_person | Riyadh (NAUSS) | days=26 seats=24 cap=3 min=12 cost=10500
  en: Cybercrime investigation specialist course (NAUSS, four weeks)
  ar: الدورة التخصصية في التحقيق في الجرائم السيبرانية (جامعة نايف العربية للعلوم الأمنية، أربعة أسابيع)
  fr: Cours de spécialiste en enquête sur la cybercriminalité (NAUSS, quatre semaines)
CI-202 | investigation | 2 | ar | blended | Doha | days=5 seats=24 cap=2 cost=1800
  en: Cybercrime investigation: case management and digital leads (blended)
  ar: التحقيق في الجرائم السيبرانية: إدارة القضايا وتتبع الأدلة الرقمية (تدريب مدمج)
  fr: Enquête sur la cybercriminalité : gestion des dossiers et pistes numériques (formation mixte)
OS-101 | osint | 1 | ar | online | Online | days=5 seats=30 cap=4 cost=0
  en: Open-source intelligence for investigators (online)
  ar: استخبارات المصادر المفتوحة للمحققين (عن بُعد)
  fr: Renseignement en sources ouvertes pour enquêteurs (en ligne)
OS-201 | osint | 2 | ar | in_person | Doha | days=4 seats=20 cap=2 cost=2400
  en: OSINT and social media investigations
  ar: استخبارات المصادر المفتوحة والتحقيق عبر وسائل التواصل الاجتماعي
  fr: OSINT et enquêtes sur les réseaux sociaux
OS-202 | osint | 2 | en | in_person | Doha | days=4 seats=20 cap=3 cost=2400
  en: OSINT and social media investigations (English)
  ar: استخبارات المصادر المفتوحة والتحقيق عبر وسائل التواصل الاجتماعي (باللغة الإنجليزية)
  fr: OSINT et enquêtes sur les réseaux sociaux (en anglais)
CR-101 | crypto | 1 | ar | in_person | Doha | days=3 seats=24 cap=3 cost=1900
  en: Cryptocurrency investigation
  ar: التحقيق في العملات المشفرة
  fr: Enquêtes sur les cryptomonnaies
CR-102 | crypto | 1 | en | online | Online | days=5 seats=30 cap=4 cost=0
  en: Cryptocurrency investigation (online)
  ar: التحقيق في العملات المشفرة (عن بُعد، باللغة الإنجليزية)
  fr: Enquêtes sur les cryptomonnaies (en ligne, en anglais)
CR-103F | crypto | 1 | fr | in_person | Tunis | days=3 seats=20 cap=5 cost=900
  en: Cryptocurrency investigation (French-language cohort)
  ar: التحقيق في العملات المشفرة (دفعة ناطقة بالفرنسية)
  fr: Enquêtes sur les cryptomonnaies (cohorte francophone)
CR-201 | crypto | 2 | ar | in_person | Doha | days=5 seats=20 cap=2 cost=2900
  en: Tracing, freezing and seizing virtual assets
  ar: تتبع الأصول الافتراضية وتجميدها وضبطها
  fr: Traçage, gel et saisie des actifs virtuels
CR-301 | crypto | 3 | en | in_person | Doha | days=5 seats=16 cap=3 cost=3500
  en: Advanced blockchain analytics
  ar: التحليل المتقدم لسلاسل الكتل
  fr: Analyse avancée des chaînes de blocs
DW-201 | darkweb | 2 | ar | in_person | Doha | days=4 seats=20 cap=2 cost=2400
  en: Dark web and cryptocurrency
  ar: الشبكة المظلمة والعملات المشفرة
  fr: Dark web et cryptomonnaies
DW-202 | darkweb | 2 | en | in_person | Doha | days=4 seats=20 cap=3 cost=2400
  en: Dark web and cryptocurrency (English)
  ar: الشبكة المظلمة والعملات المشفرة (باللغة الإنجليزية)
  fr: Dark web et cryptomonnaies (en anglais)
AI-101 | ai-crime | 1 | ar | online | Online | days=3 seats=25 cap=5 cost=0
  en: AI-enabled crime: deepfakes and AI-assisted fraud (online)
  ar: الجرائم المعتمدة على الذكاء الاصطناعي: التزييف العميق والاحتيال بمساعدة الذكاء الاصطناعي (عن بُعد)
  fr: Criminalité liée à l'IA : hypertrucages et fraude assistée par l'IA (en ligne)
AI-201 | ai-crime | 2 | ar | in_person | Doha | days=4 seats=20 cap=2 cost=2400
  en: Investigating AI-enabled crime: detecting deepfakes and handling synthetic-media evidence
  ar: التحقيق في الجرائم المعتمدة على الذكاء الاصطناعي: كشف التزييف العميق والتعامل مع أدلة الوسائط المولَّدة
  fr: Enquêter sur la criminalité liée à l'IA : détection des hypertrucages et preuves issues de médias synthétiques
AI-202 | ai-crime | 2 | en | in_person | Doha | days=4 seats=20 cap=2 cost=2400
  en: Investigating AI-enabled crime (English)
  ar: التحقيق في الجرائم المعتمدة على الذكاء الاصطناعي (باللغة الإنجليزية)
  fr: Enquêter sur la criminalité liée à l'IA (en anglais)
IR-201 | incident | 2 | en | in_person | Doha | days=5 seats=20 cap=3 cost=2900
  en: Incident response for law enforcement
  ar: الاستجابة للحوادث السيبرانية لأجهزة إنفاذ القانون (باللغة الإنجليزية)
  fr: Réponse aux incidents pour les services répressifs (en anglais)
IR-202 | incident | 2 | ar | blended | Doha | days=5 seats=24 cap=3 cost=1800
  en: Incident response for law enforcement (blended)
  ar: الاستجابة للحوادث السيبرانية لأجهزة إنفاذ القانون (تدريب مدمج)
  fr: Réponse aux incidents pour les services répressifs (formation mixte)
MA-201 | malware | 2 | en | in_person | Doha | days=5 seats=18 cap=2 cost=2900
  en: Malware analysis for investigators
  ar: تحليل البرمجيات الخبيثة للمحققين (باللغة الإنجليزية)
  fr: Analyse des logiciels malveillants pour enquêteurs (en anglais)
MA-301 | malware | 3 | en | in_person | Doha | days=5 seats=16 cap=3 min=10 cost=3500
  en: Advanced malware analysis and reverse engineering
  ar: التحليل المتقدم للبرمجيات الخبيثة والهندسة العكسية (باللغة الإنجليزية)
  fr: Analyse avancée des logiciels malveillants et rétro-ingénierie (en anglais)
EE-101 | evidence | 1 | ar | in_person | Doha | days=3 seats=24 cap=4 cost=1900
  en: First responders and electronic evidence
  ar: المستجيبون الأوائل والأدلة الإلكترونية
  fr: Primo-intervenants et preuve électronique
EE-103F | evidence | 1 | fr | in_person | Tunis | days=3 seats=24 cap=5 cost=900
  en: First responders and electronic evidence (CyberSouth French-language cohort)
  ar: المستجيبون الأوائل والأدلة الإلكترونية (دفعة ناطقة بالفرنسية، برنامج CyberSouth)
  fr: Primo-intervenants et preuve électronique (cohorte francophone CyberSouth)
EE-105 | evidence | 1 | ar | online | Online | days=26 seats=30 cap=4 cost=0
  en: E-evidence boot camp (online, four weeks)
  ar: المعسكر التدريبي للأدلة الإلكترونية (عن بُعد، أربعة أسابيع)
  fr: Camp d'entraînement sur la preuve électronique (en ligne, quatre semaines)
EE-106 | evidence | 1 | en | online | Online | days=54 seats=30 cap=4 cost=0
  en: E-evidence boot camp (online, eight weeks)
  ar: المعسكر التدريبي للأدلة الإلكترونية (عن بُعد، ثمانية أسابيع، باللغة الإنجليزية)
  fr: Camp d'entraînement sur la preuve électronique (en ligne, huit semaines, en anglais)
EE-110 | evidence | 1 | ar | in_person | Amman | days=3 seats=25 cap=- min=10 cost=350
  en: First responders and electronic evidence (in-country delivery, Jordan)
  ar: المستجيبون الأوائل والأدلة الإلكترونية (تدريب داخل الأردن)
  fr: Primo-intervenants et preuve électronique (formation en Jordanie)
IC-201 | cooperation | 2 | ar | in_person | Doha | days=3 seats=20 cap=2 cost=1900
  en: Specialised course on international cooperation and mutual legal assistance (Arab Convention 2010)
  ar: الدورة التخصصية في التعاون الدولي والمساعدة القانونية المتبادلة (الاتفاقية العربية لمكافحة جرائم تقنية المعلومات 2010)
  fr: Cours spécialisé sur la coopération internationale et l'entraide judiciaire (Convention arabe de 2010)
IC-202F | cooperation | 2 | fr | in_person | Rabat | days=3 seats=20 cap=4 cost=900
  en: Specialised course on international cooperation and mutual legal assistance (French-language cohort)
  ar: الدورة التخصصية في التعاون الدولي والمساعدة القانونية المتبادلة (دفعة ناطقة بالفرنسية)
  fr: Cours spécialisé sur la coopération internationale et l'entraide judiciaire (cohorte francophone)
JT-101 | law | 1 | ar | in_person | Doha | days=3 seats=30 cap=3 cost=1900
  en: Introductory judicial training on cybercrime and electronic evidence
  ar: التدريب القضائي التمهيدي في الجرائم السيبرانية والأدلة الإلكترونية
  fr: Formation judiciaire introductive sur la cybercriminalité et la preuve électronique
JT-102F | law | 1 | fr | in_person | Tunis | days=3 seats=24 cap=5 cost=900
  en: Introductory judicial training on cybercrime and electronic evidence (French-language cohort)
  ar: التدريب القضائي التمهيدي في الجرائم السيبرانية والأدلة الإلكترونية (دفعة ناطقة بالفرنسية)
  fr: Formation judiciaire introductive sur la cybercriminalité et la preuve électronique (cohorte francophone)
JT-103 | law | 1 | ar | in_person | Cairo | days=3 seats=30 cap=- min=12 cost=300
  en: Introductory judicial training on cybercrime and electronic evidence (in-country delivery, Egypt)
  ar: التدريب القضائي التمهيدي في الجرائم السيبرانية والأدلة الإلكترونية (تدريب داخل مصر)
  fr: Formation judiciaire introductive sur la cybercriminalité et la preuve électronique (formation en Égypte)
JT-201 | law | 2 | ar | in_person | Doha | days=3 seats=20 cap=2 cost=1900
  en: Advanced judicial training: adjudicating cases with electronic evidence
  ar: التدريب القضائي المتقدم: الفصل في القضايا القائمة على الأدلة الإلكترونية
  fr: Formation judiciaire avancée : juger les affaires fondées sur la preuve électronique
CS-101 | csea | 1 | en | online | Online | days=3 seats=50 cap=4 cost=0
  en: Protecting children online: first response to online child sexual exploitation (online)
  ar: حماية الأطفال على الإنترنت: الاستجابة الأولى للاستغلال الجنسي للأطفال عبر الإنترنت (عن بُعد، باللغة الإنجليزية)
  fr: Protéger les enfants en ligne : première réponse à l'exploitation sexuelle des enfants (en ligne, en anglais)
CS-201 | csea | 2 | ar | in_person | Doha | days=5 seats=20 cap=2 cost=2900
  en: Online child sexual exploitation investigations
  ar: التحقيق في الاستغلال الجنسي للأطفال عبر الإنترنت
  fr: Enquêtes sur l'exploitation sexuelle des enfants en ligne
RW-201 | ransomware | 2 | en | in_person | Doha | days=3 seats=20 cap=2 cost=1900
  en: Ransomware response and investigation
  ar: التصدي لبرمجيات الفدية والتحقيق فيها (باللغة الإنجليزية)
  fr: Réponse aux rançongiciels et enquête (en anglais)
RW-202 | ransomware | 2 | ar | blended | Doha | days=4 seats=24 cap=3 cost=1600
  en: Ransomware response and investigation (blended)
  ar: التصدي لبرمجيات الفدية والتحقيق فيها (تدريب مدمج)
  fr: Réponse aux rançongiciels et enquête (formation mixte)
EX-201 | readiness | 2 | ar | in_person | Doha | days=3 seats=30 cap=4 min=12 cost=1900
  en: Regional cybercrime readiness exercise
  ar: التمرين الإقليمي لقياس الجاهزية في مكافحة الجرائم السيبرانية
  fr: Exercice régional de mesure de la préparation à la lutte contre la cybercriminalité
NF-201 | network | 2 | en | in_person | Doha | days=5 seats=18 cap=2 cost=2900
  en: Network forensics and log analysis
  ar: التحليل الجنائي للشبكات وتحليل السجلات (باللغة الإنجليزية)
  fr: Criminalistique des réseaux et analyse des journaux (en anglais)
NF-202 | network | 2 | ar | in_person | Doha | days=5 seats=20 cap=2 cost=2900
  en: Network forensics and log analysis (Arabic)
  ar: التحليل الجنائي للشبكات وتحليل السجلات
  fr: Criminalistique des réseaux et analyse des journaux (en arabe)
CE-201 | cloud | 2 | en | online | Online | days=4 seats=30 cap=4 cost=0
  en: Cloud evidence: preservation and requests to service providers (online)
  ar: الأدلة السحابية: حفظ البيانات وطلبها من مزودي الخدمات (عن بُعد، باللغة الإنجليزية)
  fr: Preuve dans le nuage : conservation des données et demandes aux fournisseurs de services (en ligne, en anglais)
CE-202 | cloud | 2 | ar | in_person | Doha | days=3 seats=20 cap=2 cost=1900
  en: Cloud evidence: preservation and requests to service providers
  ar: الأدلة السحابية: حفظ البيانات وطلبها من مزودي الخدمات
  fr: Preuve dans le nuage : conservation des données et demandes aux fournisseurs de services
FR-101 | fraud | 1 | ar | online | Online | days=4 seats=35 cap=5 cost=0
  en: Investigating online fraud and scams (online)
  ar: التحقيق في الاحتيال الإلكتروني (عن بُعد)
  fr: Enquêtes sur la fraude en ligne (en ligne)
FR-201 | fraud | 2 | ar | in_person | Doha | days=4 seats=24 cap=3 cost=2400
  en: Online fraud: scam centres and business email compromise
  ar: الاحتيال الإلكتروني: مراكز الاحتيال واختراق البريد الإلكتروني للأعمال
  fr: Fraude en ligne : centres d'escroquerie et compromission de la messagerie d'entreprise
TU-201 | terrorism | 2 | ar | in_person | Doha | days=3 seats=24 cap=2 cost=1900
  en: Countering terrorist use of the internet
  ar: مكافحة استخدام الإرهابيين للإنترنت
  fr: Lutter contre l'utilisation d'Internet à des fins terroristes
HU-301 | management | 3 | ar | in_person | Doha | days=2 seats=24 cap=2 cost=2000
  en: Heads of cybercrime units
  ar: دورة رؤساء وحدات مكافحة الجرائم السيبرانية
  fr: Cours pour les chefs d'unités de lutte contre la cybercriminalité
HU-302F | management | 3 | fr | in_person | Rabat | days=2 seats=20 cap=3 cost=800
  en: Heads of cybercrime units (French-language cohort)
  ar: دورة رؤساء وحدات مكافحة الجرائم السيبرانية (دفعة ناطقة بالفرنسية)
  fr: Cours pour les chefs d'unités de lutte contre la cybercriminalité (cohorte francophone)
AW-101 | awareness | 1 | ar | online | Online | days=2 seats=30 cap=6 cost=0
  en: Designing cybercrime awareness campaigns (online)
  ar: تصميم حملات التوعية بالجرائم السيبرانية (عن بُعد)
  fr: Concevoir des campagnes de sensibilisation à la cybercriminalité (en ligne)
";

/// The French-speaking Maghreb cohort of the CyberSouth-style courses in Tunis and Rabat.
const MAGHREB: &str = "DZ,MA,MR,TN";

/// course | start | overrides of the course defaults (`days seats cap min cost`, and
/// `open=` states). Sessions are named after their course: `-A`, `-B` … in table order.
/// Doha, online and Gulf deliveries run Sunday to Thursday, Tunis and Rabat Monday to
/// Friday; the generator checks it. Hardly anything runs in Ramadan (about 8 Feb – 8 Mar),
/// the Eid al-Adha week or the summer.
const SESSIONS: &str = "
DF-100 | 2027-05-23
DF-101 | 2027-01-17
DF-101 | 2027-04-11
DF-101 | 2027-10-10
DF-102F | 2027-04-19 | open=MAGHREB
DF-102F | 2027-11-08 | open=MAGHREB
DF-201 | 2027-01-24
DF-201 | 2027-05-02
DF-201 | 2027-11-14 | min=8
DF-301 | 2027-10-24
MF-201 | 2027-03-28
MF-201 | 2027-06-13
MF-201 | 2027-09-19
MF-201 | 2027-12-05
MF-301 | 2027-11-21
CI-101 | 2027-01-10
CI-101 | 2027-05-23
CI-101 | 2027-09-12
CI-101 | 2027-11-28
CI-102 | 2027-04-25
CI-103F | 2027-03-29 | open=MAGHREB
CI-103F | 2027-10-04 | open=MAGHREB
CI-201 | 2027-10-10
CI-202 | 2027-06-20
CI-202 | 2027-12-05
OS-101 | 2027-01-24
OS-101 | 2027-06-27
OS-101 | 2027-10-31
OS-201 | 2027-09-26
OS-202 | 2027-11-07
CR-101 | 2027-05-09
CR-101 | 2027-09-19
CR-101 | 2027-11-14
CR-102 | 2027-04-04
CR-103F | 2027-05-24 | open=MAGHREB
CR-103F | 2027-10-18 | open=MAGHREB
CR-201 | 2027-04-04
CR-201 | 2027-06-13
CR-201 | 2027-10-24
CR-201 | 2027-12-05
CR-301 | 2027-11-14
DW-201 | 2027-04-25
DW-201 | 2027-11-21
DW-202 | 2027-10-31
AI-101 | 2027-01-17
AI-101 | 2027-06-20
AI-101 | 2027-09-26
AI-201 | 2027-04-11
AI-201 | 2027-05-30
AI-201 | 2027-10-17
AI-202 | 2027-05-02
AI-202 | 2027-11-07
IR-201 | 2027-10-10
IR-202 | 2027-09-12
MA-201 | 2027-03-21
MA-201 | 2027-10-03
MA-301 | 2027-11-14
EE-101 | 2027-01-10
EE-101 | 2027-04-25
EE-101 | 2027-09-05
EE-101 | 2027-11-07
EE-103F | 2027-03-15 | open=MAGHREB
EE-103F | 2027-09-27 | open=MAGHREB
EE-105 | 2027-01-10
EE-106 | 2027-09-26
EE-110 | 2027-05-02 | open=JO
IC-201 | 2027-01-24
IC-201 | 2027-04-04
IC-201 | 2027-10-03
IC-201 | 2027-12-05
IC-202F | 2027-05-10 | open=MAGHREB
IC-202F | 2027-11-22 | open=MAGHREB
JT-101 | 2027-01-31
JT-101 | 2027-09-19
JT-101 | 2027-11-21
JT-102F | 2027-04-26 | open=MAGHREB
JT-102F | 2027-10-25 | open=MAGHREB
JT-103 | 2027-03-21 | open=EG
JT-201 | 2027-05-23
JT-201 | 2027-10-31
CS-101 | 2027-09-05
CS-201 | 2027-05-09
CS-201 | 2027-10-24
RW-201 | 2027-10-17
RW-202 | 2027-11-28
EX-201 | 2027-05-30
EX-201 | 2027-12-05
NF-201 | 2027-11-21
NF-202 | 2027-10-10
CE-201 | 2027-04-18
CE-202 | 2027-03-14
FR-101 | 2027-01-31
FR-101 | 2027-05-23
FR-101 | 2027-10-24
FR-201 | 2027-04-04
FR-201 | 2027-11-28
TU-201 | 2027-03-28
TU-201 | 2027-09-05
TU-201 | 2027-11-07
HU-301 | 2027-01-13
HU-301 | 2027-10-13
HU-302F | 2027-06-14 | open=MAGHREB
AW-101 | 2027-04-20
AW-101 | 2027-10-26
";

/// state | skill | level | trainees | priority | options (`window=start..end`,
/// `lang=ar,fr`, `modes=in_person,blended`) | note. Ids are `STATE-skill-level-NN`,
/// numbered within the state, skill and level.
const NEEDS: &str = "
DZ | forensics | 1 | 12 | 4
DZ | forensics | 2 | 9 | 3 | lang=fr | Gendarmerie laboratory staff trained in French
DZ | mobile | 2 | 6 | 3
DZ | investigation | 1 | 12 | 4
DZ | investigation | 2 | 5 | 3
DZ | osint | 1 | 9 | 2
DZ | crypto | 1 | 9 | 4
DZ | ai-crime | 1 | 9 | 3
DZ | evidence | 1 | 15 | 4
DZ | evidence | 1 | 8 | 3 | lang=fr | French-speaking first responders
DZ | cooperation | 2 | 9 | 4
DZ | law | 1 | 12 | 4 | window=2027-01-01..2027-06-30
DZ | law | 1 | 8 | 3 | lang=fr window=2027-07-01..2027-12-31 | Judges trained in French
DZ | fraud | 1 | 9 | 3
DZ | terrorism | 2 | 9 | 4
DZ | management | 3 | 5 | 3

BH | forensics | 1 | 6 | 3
BH | mobile | 2 | 5 | 3
BH | investigation | 2 | 3 | 3
BH | osint | 1 | 6 | 2
BH | crypto | 1 | 6 | 4
BH | crypto | 2 | 5 | 4
BH | ai-crime | 1 | 9 | 4
BH | ai-crime | 2 | 6 | 4
BH | incident | 2 | 5 | 3
BH | cooperation | 2 | 3 | 3
BH | csea | 1 | 6 | 3
BH | fraud | 1 | 9 | 3

KM | forensics | 1 | 4 | 3 | modes=online
KM | investigation | 1 | 5 | 4 | modes=online | Travel funds cover three places abroad; the rest online
KM | osint | 1 | 4 | 2 | modes=online
KM | evidence | 1 | 6 | 4
KM | cooperation | 2 | 3 | 3
KM | law | 1 | 5 | 3
KM | fraud | 1 | 5 | 3 | modes=online
KM | awareness | 1 | 5 | 3 | modes=online

DJ | forensics | 1 | 5 | 3 | modes=online
DJ | investigation | 1 | 6 | 4 | modes=online
DJ | osint | 1 | 5 | 2 | modes=online
DJ | crypto | 1 | 4 | 3
DJ | evidence | 1 | 8 | 4
DJ | cooperation | 2 | 4 | 3 | lang=fr | Central authority staff work in French
DJ | law | 1 | 5 | 3
DJ | fraud | 1 | 5 | 2 | modes=online

EG | forensics | 1 | 12 | 4
EG | forensics | 2 | 12 | 4
EG | mobile | 2 | 12 | 4
EG | investigation | 1 | 15 | 4
EG | investigation | 2 | 10 | 4 | modes=in_person
EG | osint | 1 | 10 | 3
EG | crypto | 1 | 12 | 4
EG | crypto | 2 | 9 | 4
EG | ai-crime | 1 | 12 | 3
EG | ai-crime | 2 | 9 | 4
EG | evidence | 1 | 14 | 4
EG | evidence | 1 | 10 | 3 | window=2027-07-01..2027-12-31 | Second intake of first responders
EG | cooperation | 2 | 9 | 4
EG | law | 1 | 15 | 5 | window=2027-01-01..2027-06-30 | Economic court judges and public prosecution
EG | law | 2 | 12 | 4
EG | csea | 2 | 9 | 4
EG | readiness | 2 | 9 | 3
EG | fraud | 1 | 15 | 4
EG | fraud | 1 | 10 | 4 | window=2027-07-01..2027-12-31 | Second intake for the new fraud unit
EG | fraud | 2 | 12 | 4
EG | terrorism | 2 | 12 | 4
EG | management | 3 | 5 | 2
EG | awareness | 1 | 12 | 3

IQ | forensics | 1 | 12 | 4
IQ | forensics | 2 | 12 | 4
IQ | mobile | 2 | 12 | 4
IQ | investigation | 1 | 15 | 5
IQ | investigation | 1 | 10 | 4 | window=2027-07-01..2027-12-31 | Second cohort of newly recruited investigators
IQ | investigation | 2 | 7 | 4 | modes=in_person
IQ | osint | 1 | 12 | 3
IQ | osint | 2 | 6 | 3
IQ | crypto | 1 | 12 | 4
IQ | crypto | 2 | 6 | 3
IQ | darkweb | 2 | 6 | 3
IQ | ai-crime | 1 | 12 | 3
IQ | evidence | 1 | 15 | 4 | window=2027-03-14..2027-12-31
IQ | evidence | 1 | 10 | 3 | window=2027-07-01..2027-12-31 | Second intake of first responders
IQ | cooperation | 2 | 9 | 4
IQ | law | 1 | 14 | 4
IQ | law | 2 | 9 | 3
IQ | fraud | 1 | 12 | 3
IQ | terrorism | 2 | 15 | 5
IQ | management | 3 | 5 | 3
IQ | awareness | 1 | 12 | 2

JO | forensics | 1 | 9 | 3
JO | forensics | 2 | 9 | 4
JO | mobile | 2 | 9 | 4
JO | investigation | 2 | 5 | 3
JO | osint | 2 | 6 | 3
JO | crypto | 1 | 9 | 4
JO | crypto | 2 | 6 | 4
JO | darkweb | 2 | 5 | 3
JO | ai-crime | 2 | 6 | 4
JO | incident | 2 | 6 | 3
JO | malware | 2 | 3 | 3
JO | evidence | 1 | 15 | 3 | modes=in_person | Public Security Directorate first responders
JO | cooperation | 2 | 6 | 4
JO | law | 1 | 12 | 3
JO | csea | 2 | 9 | 5
JO | readiness | 2 | 6 | 3
JO | network | 2 | 3 | 3
JO | fraud | 1 | 9 | 3
JO | terrorism | 2 | 6 | 4
JO | management | 3 | 3 | 2
JO | awareness | 1 | 9 | 2

KW | forensics | 2 | 6 | 3
KW | mobile | 2 | 6 | 3
KW | investigation | 2 | 4 | 1 | modes=in_person | Only if places remain on the NAUSS course
KW | osint | 1 | 9 | 2
KW | crypto | 1 | 9 | 4
KW | crypto | 2 | 7 | 5
KW | darkweb | 2 | 5 | 3
KW | ai-crime | 2 | 9 | 5
KW | cooperation | 2 | 5 | 3
KW | csea | 1 | 6 | 3
KW | ransomware | 2 | 5 | 3
KW | readiness | 2 | 6 | 3
KW | network | 2 | 3 | 3
KW | cloud | 2 | 5 | 3
KW | fraud | 1 | 12 | 4
KW | fraud | 2 | 6 | 4
KW | management | 3 | 3 | 2

LB | forensics | 1 | 9 | 4
LB | forensics | 2 | 6 | 3
LB | investigation | 1 | 12 | 4
LB | osint | 1 | 9 | 3
LB | crypto | 1 | 9 | 4
LB | ai-crime | 1 | 9 | 3
LB | evidence | 1 | 12 | 4
LB | cooperation | 2 | 6 | 3
LB | law | 1 | 9 | 4
LB | csea | 1 | 6 | 3
LB | csea | 2 | 5 | 3
LB | fraud | 1 | 12 | 4
LB | fraud | 2 | 6 | 3

LY | forensics | 1 | 12 | 4
LY | investigation | 1 | 15 | 4
LY | investigation | 2 | 5 | 3
LY | osint | 1 | 6 | 2
LY | crypto | 1 | 6 | 3
LY | evidence | 1 | 15 | 4
LY | cooperation | 2 | 6 | 3
LY | law | 1 | 12 | 3
LY | fraud | 1 | 9 | 3
LY | terrorism | 2 | 6 | 3
LY | management | 3 | 3 | 2

MR | forensics | 1 | 7 | 3
MR | investigation | 1 | 9 | 4
MR | osint | 1 | 6 | 2
MR | crypto | 1 | 6 | 3
MR | evidence | 1 | 12 | 4
MR | cooperation | 2 | 5 | 3
MR | law | 1 | 9 | 4 | window=2027-09-01..2027-12-31
MR | fraud | 1 | 6 | 3
MR | terrorism | 2 | 6 | 4

MA | forensics | 1 | 9 | 4 | lang=fr
MA | forensics | 2 | 9 | 4 | lang=fr | DGSN laboratory; training in French preferred
MA | mobile | 2 | 6 | 3
MA | investigation | 1 | 12 | 4 | lang=fr
MA | investigation | 2 | 5 | 3
MA | osint | 1 | 9 | 2
MA | crypto | 1 | 12 | 4
MA | crypto | 2 | 6 | 4
MA | ai-crime | 1 | 12 | 3
MA | ai-crime | 2 | 6 | 4
MA | evidence | 1 | 15 | 3
MA | evidence | 1 | 8 | 3 | lang=fr
MA | cooperation | 2 | 9 | 4
MA | law | 1 | 15 | 4
MA | law | 1 | 8 | 3 | lang=fr | Judges trained in French
MA | law | 2 | 9 | 3
MA | csea | 2 | 6 | 4
MA | readiness | 2 | 6 | 3
MA | fraud | 1 | 9 | 3
MA | management | 3 | 5 | 3
MA | awareness | 1 | 9 | 2

OM | forensics | 1 | 6 | 3
OM | forensics | 2 | 6 | 3
OM | investigation | 2 | 3 | 3
OM | osint | 1 | 7 | 2
OM | crypto | 1 | 7 | 4
OM | crypto | 2 | 5 | 4
OM | ai-crime | 1 | 9 | 4
OM | ai-crime | 2 | 6 | 4
OM | incident | 2 | 6 | 4
OM | malware | 2 | 3 | 3
OM | law | 1 | 6 | 3
OM | csea | 1 | 5 | 3
OM | ransomware | 2 | 6 | 4
OM | readiness | 2 | 6 | 3
OM | network | 2 | 5 | 3
OM | fraud | 1 | 6 | 3
OM | management | 3 | 3 | 2
OM | awareness | 1 | 6 | 2

PS | forensics | 1 | 9 | 4
PS | mobile | 2 | 6 | 3
PS | investigation | 1 | 12 | 4
PS | investigation | 2 | 3 | 3
PS | osint | 1 | 7 | 3
PS | evidence | 1 | 12 | 4
PS | cooperation | 2 | 5 | 3
PS | law | 1 | 9 | 4
PS | csea | 2 | 5 | 4
PS | fraud | 1 | 9 | 3

QA | forensics | 3 | 5 | 4
QA | mobile | 3 | 6 | 4
QA | investigation | 2 | 3 | 3
QA | osint | 1 | 6 | 3
QA | osint | 2 | 9 | 3
QA | crypto | 2 | 9 | 5
QA | crypto | 3 | 6 | 5 | lang=en
QA | darkweb | 2 | 6 | 4
QA | ai-crime | 2 | 12 | 5
QA | ai-crime | 3 | 6 | 4 |  | Advanced deepfake forensics for the new AI-enabled crime unit; no level-3 course in the 2027 catalogue yet
QA | incident | 2 | 6 | 3
QA | malware | 2 | 3 | 3
QA | malware | 3 | 5 | 3
QA | cooperation | 2 | 5 | 3
QA | law | 2 | 6 | 3
QA | csea | 2 | 6 | 4
QA | ransomware | 2 | 7 | 4
QA | readiness | 2 | 12 | 4 |  | Host-country team for the regional exercise
QA | network | 2 | 5 | 3
QA | cloud | 2 | 6 | 4
QA | management | 3 | 5 | 3

SA | forensics | 2 | 12 | 3
SA | mobile | 2 | 12 | 3
SA | investigation | 2 | 15 | 4 | modes=in_person
SA | osint | 2 | 9 | 3
SA | crypto | 1 | 15 | 5 | window=2027-01-01..2027-06-30
SA | crypto | 1 | 10 | 4 | window=2027-07-01..2027-12-31 | Second intake after the spring course
SA | crypto | 2 | 15 | 5
SA | crypto | 3 | 7 | 5
SA | darkweb | 2 | 12 | 4
SA | ai-crime | 1 | 15 | 4
SA | ai-crime | 1 | 10 | 3 | window=2027-07-01..2027-12-31 | Second intake after the spring course
SA | ai-crime | 2 | 15 | 5
SA | malware | 2 | 6 | 4
SA | malware | 3 | 6 | 4
SA | csea | 2 | 6 | 3
SA | ransomware | 2 | 9 | 4
SA | readiness | 2 | 9 | 3
SA | cloud | 2 | 9 | 4
SA | fraud | 1 | 15 | 3
SA | terrorism | 2 | 9 | 4
SA | management | 3 | 5 | 3
SA | awareness | 1 | 12 | 2

SO | forensics | 1 | 5 | 3 | modes=online
SO | investigation | 1 | 8 | 4 | modes=online
SO | osint | 1 | 5 | 3 | modes=online
SO | evidence | 1 | 8 | 4
SO | cooperation | 2 | 4 | 3
SO | law | 1 | 5 | 3
SO | fraud | 1 | 5 | 2 | modes=online
SO | terrorism | 2 | 8 | 5

SD | forensics | 1 | 8 | 4 | modes=online
SD | investigation | 1 | 10 | 4 | modes=online
SD | osint | 1 | 5 | 2 | modes=online
SD | crypto | 1 | 5 | 3
SD | evidence | 1 | 10 | 4
SD | cooperation | 2 | 5 | 3
SD | law | 1 | 8 | 3
SD | fraud | 1 | 8 | 3 | modes=online
SD | terrorism | 2 | 5 | 3

SY | forensics | 1 | 12 | 4
SY | mobile | 2 | 6 | 3
SY | investigation | 1 | 15 | 4
SY | osint | 1 | 9 | 2
SY | malware | 2 | 5 | 2
SY | evidence | 1 | 15 | 4
SY | cooperation | 2 | 9 | 4 |  | Re-establishing cooperation channels since the return to the League in 2023
SY | law | 1 | 12 | 4
SY | fraud | 1 | 9 | 3

TN | forensics | 1 | 9 | 4
TN | forensics | 2 | 6 | 3
TN | investigation | 1 | 12 | 4
TN | investigation | 1 | 6 | 3 | lang=fr
TN | osint | 1 | 7 | 2
TN | crypto | 1 | 9 | 4
TN | ai-crime | 1 | 9 | 3
TN | evidence | 1 | 12 | 4
TN | cooperation | 2 | 6 | 4
TN | law | 1 | 12 | 4
TN | law | 2 | 6 | 3
TN | csea | 2 | 5 | 3
TN | fraud | 1 | 9 | 3
TN | management | 3 | 3 | 3

AE | forensics | 3 | 6 | 3
AE | mobile | 3 | 6 | 4
AE | osint | 2 | 6 | 2
AE | crypto | 2 | 12 | 5
AE | crypto | 3 | 6 | 5
AE | darkweb | 2 | 9 | 4
AE | ai-crime | 1 | 15 | 4 | modes=online
AE | ai-crime | 2 | 15 | 5
AE | incident | 2 | 6 | 3
AE | malware | 2 | 6 | 3
AE | malware | 3 | 6 | 4
AE | ransomware | 2 | 9 | 5
AE | readiness | 2 | 9 | 3
AE | network | 2 | 6 | 3
AE | cloud | 2 | 9 | 4
AE | fraud | 1 | 10 | 3 | modes=online
AE | fraud | 2 | 12 | 4 |  | Rising reports of investment and impersonation scams
AE | management | 3 | 3 | 3

YE | forensics | 1 | 5 | 4 | modes=online
YE | investigation | 1 | 8 | 4 | modes=online | Online delivery preferred while travel is difficult
YE | osint | 1 | 5 | 2 | modes=online
YE | malware | 2 | 3 | 2
YE | evidence | 1 | 10 | 4
YE | law | 1 | 5 | 3
YE | fraud | 1 | 8 | 3 | modes=online
YE | terrorism | 2 | 5 | 4
";

const GEN_DEMO: Spec = Spec {
    program: "gen-demo",
    positional: Some(("OUT.json", false)),
    flags: &[],
    about: "Writes the demo scenario to OUT.json (whole or not at all), or to standard output.",
};

fn main() -> ExitCode {
    cli::ignore_file_size_signal();
    let target = match cli::parse(&GEN_DEMO, std::env::args_os().skip(1)) {
        Ok(Parsed::Args(args)) => args.positional,
        Ok(Parsed::Help) => return written(cli::print(&format!("{}\n", GEN_DEMO.help())), None),
        Err(message) => {
            cli::say(&format!("gen-demo: {message}\n\n{}", GEN_DEMO.help()));
            return ExitCode::from(2);
        }
    };
    let scenario = match demo() {
        Ok(scenario) => scenario,
        Err(problems) => {
            for problem in problems {
                cli::say(&format!("gen-demo: {problem}"));
            }
            return ExitCode::from(1);
        }
    };
    let text = scenario.to_json();
    match &target {
        None => written(cli::print(&text), None),
        Some(path) => written(cli::write_atomic(Path::new(path), text.as_bytes()), Some(path)),
    }
}

/// The exit status of a write: 0, or 1 with one line (none for a closed pipe).
fn written(result: std::io::Result<()>, path: Option<&str>) -> ExitCode {
    let Err(err) = result else {
        return ExitCode::SUCCESS;
    };
    let message = match path {
        Some(path) => Some(format!("{path}: cannot write: {err}; the file is as it was")),
        None => cli::stdout_failure(&err),
    };
    if let Some(message) = message {
        cli::say(&format!("gen-demo: {message}"));
    }
    ExitCode::from(1)
}

/// Builds the demo scenario from the tables and checks it: every row parses, every
/// session falls in its location's working week, and the scenario validates.
fn demo() -> Result<Scenario, Vec<String>> {
    let mut scenario = Scenario::empty(TITLE);
    scenario.horizon = Some(DateRange {
        start: date("2027-01-01").map_err(|e| vec![e])?,
        end: date("2027-12-31").map_err(|e| vec![e])?,
    });
    let mut errors = Vec::new();
    scenario.states = collect(rows(STATES).map(state), &mut errors);
    scenario.skills = collect(rows(SKILLS).map(skill), &mut errors);
    let courses = collect(records(COURSES).into_iter().map(course), &mut errors);
    scenario.sessions = collect(sessions(&courses), &mut errors);
    scenario.courses = courses.into_iter().map(|(course, _)| course).collect();
    scenario.needs = collect(needs(), &mut errors);
    if !errors.is_empty() {
        return Err(errors);
    }
    for session in &scenario.sessions {
        if let Some(course) = scenario.course(&session.course) {
            if let Err(message) = check_working_week(&course.location, session) {
                errors.push(format!("session {}: {message}", session.id));
            }
        }
    }
    errors.extend(validate(&scenario).iter().map(|p| p.to_string()));
    if errors.is_empty() {
        Ok(scenario)
    } else {
        Err(errors)
    }
}

/// Keeps the rows that parsed and records the errors of the others.
fn collect<T>(items: impl IntoIterator<Item = Result<T, String>>, errors: &mut Vec<String>) -> Vec<T> {
    let mut out = Vec::new();
    for item in items {
        match item {
            Ok(value) => out.push(value),
            Err(message) => errors.push(message),
        }
    }
    out
}

/// One row of a table: its line number in the table and its `|`-separated cells.
struct Row<'a> {
    line: usize,
    cells: Vec<&'a str>,
}

impl<'a> Row<'a> {
    /// The cell at `i`, or "" when the row is shorter (trailing cells are optional).
    fn cell(&self, i: usize) -> &'a str {
        self.cells.get(i).copied().unwrap_or("")
    }

    fn int(&self, i: usize, what: &str) -> Result<i64, String> {
        self.cell(i).parse().map_err(|_| self.error(&format!("{what} \"{}\" is not a whole number", self.cell(i))))
    }

    fn error(&self, message: &str) -> String {
        format!("line {}: {message}", self.line)
    }
}

/// The non-blank rows of a one-line-per-row table.
fn rows(table: &str) -> impl Iterator<Item = Row<'_>> {
    table
        .lines()
        .enumerate()
        .filter(|(_, text)| !text.trim().is_empty())
        .map(|(i, text)| Row { line: i, cells: text.split('|').map(str::trim).collect() })
}

/// A course row and its indented `lang: title` lines.
struct Record<'a> {
    row: Row<'a>,
    titles: Vec<(&'a str, &'a str)>,
}

fn records(table: &str) -> Vec<Record<'_>> {
    let mut out: Vec<Record> = Vec::new();
    for (i, text) in table.lines().enumerate() {
        if text.trim().is_empty() {
            continue;
        }
        if text.starts_with(' ') {
            let (lang, title) = text.trim().split_once(':').unwrap_or(("", text.trim()));
            if let Some(last) = out.last_mut() {
                last.titles.push((lang.trim(), title.trim()));
            }
        } else {
            out.push(Record {
                row: Row { line: i, cells: text.split('|').map(str::trim).collect() },
                titles: Vec::new(),
            });
        }
    }
    out
}

fn date(text: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| format!("\"{text}\" is not a YYYY-MM-DD date"))
}

/// `start..end`, or a single day.
fn range(text: &str) -> Result<DateRange, String> {
    let (start, end) = text.split_once("..").unwrap_or((text, text));
    Ok(DateRange { start: date(start)?, end: date(end)? })
}

fn list(text: &str) -> Vec<String> {
    text.split(',').map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).collect()
}

fn names(pairs: &[(&str, &str)]) -> Names {
    pairs.iter().map(|(lang, text)| (lang.to_string(), text.to_string())).collect()
}

/// `key=value` words of an options cell.
fn options<'a>(row: &Row<'a>, i: usize) -> Result<BTreeMap<&'a str, &'a str>, String> {
    row.cell(i)
        .split_whitespace()
        .map(|word| word.split_once('=').ok_or_else(|| row.error(&format!("option \"{word}\" is not key=value"))))
        .collect()
}

fn state(row: Row) -> Result<State, String> {
    let budget = match row.cell(5) {
        "-" => None,
        _ => Some(row.int(5, "budget")?),
    };
    let mut blackouts = Vec::new();
    if row.cell(6) != "-" {
        let days = range(row.cell(6)).map_err(|e| row.error(&e))?;
        blackouts.push(Blackout { start: days.start, end: days.end, label: row.cell(7).to_string() });
    }
    for letter in row.cell(8).chars().filter(|c| *c != '-') {
        let Some((_, start, end, label)) = ISLAMIC.iter().find(|(l, ..)| *l == letter) else {
            return Err(row.error(&format!("unknown holiday letter '{letter}'")));
        };
        blackouts.push(Blackout { start: date(start)?, end: date(end)?, label: label.to_string() });
    }
    blackouts.sort_by_key(|b| b.start);
    Ok(State {
        code: StateCode::new(row.cell(0)),
        name: names(&[("en", row.cell(1)), ("ar", row.cell(2)), ("fr", row.cell(3))]),
        languages: list(row.cell(4)),
        budget,
        blackouts,
    })
}

fn skill(row: Row) -> Result<Skill, String> {
    Ok(Skill {
        id: SkillId::new(row.cell(0)),
        name: names(&[("en", row.cell(1)), ("ar", row.cell(2)), ("fr", row.cell(3))]),
    })
}

/// What a session of a course looks like unless its row says otherwise.
#[derive(Clone)]
struct Shape {
    days: i64,
    seats: i64,
    cap: Option<i64>,
    min: i64,
    cost: i64,
    open_to: Option<Vec<StateCode>>,
}

impl Shape {
    /// The shape with the `key=value` options applied.
    fn with(&self, row: &Row, options: &BTreeMap<&str, &str>) -> Result<Shape, String> {
        let mut shape = self.clone();
        for (&key, &value) in options {
            let number =
                || value.parse::<i64>().map_err(|_| row.error(&format!("{key}={value} is not a whole number")));
            match key {
                "days" => shape.days = number()?,
                "seats" => shape.seats = number()?,
                "cap" if value == "-" => shape.cap = None,
                "cap" => shape.cap = Some(number()?),
                "min" => shape.min = number()?,
                "cost" => shape.cost = number()?,
                "open" => {
                    let value = if value == "MAGHREB" { MAGHREB } else { value };
                    shape.open_to = Some(list(value).into_iter().map(StateCode).collect());
                }
                _ => return Err(row.error(&format!("unknown option \"{key}\""))),
            }
        }
        Ok(shape)
    }
}

fn course(record: Record) -> Result<(Course, Shape), String> {
    let row = &record.row;
    let defaults = Shape { days: 5, seats: 20, cap: None, min: 0, cost: 0, open_to: None };
    let shape = defaults.with(row, &options(row, 6)?)?;
    if record.titles.iter().map(|(lang, _)| *lang).collect::<Vec<_>>() != ["en", "ar", "fr"] {
        return Err(row.error("a course needs en, ar and fr titles, in that order"));
    }
    let course = Course {
        id: CourseId::new(row.cell(0)),
        title: names(&record.titles),
        skill: SkillId::new(row.cell(1)),
        level: row.int(2, "level")?,
        language: row.cell(3).to_string(),
        mode: Mode::parse(row.cell(4)),
        location: row.cell(5).to_string(),
    };
    Ok((course, shape))
}

fn sessions(courses: &[(Course, Shape)]) -> Vec<Result<Session, String>> {
    let mut count: BTreeMap<&str, u8> = BTreeMap::new();
    rows(SESSIONS)
        .map(|row| {
            let id = row.cell(0);
            let Some((course, defaults)) = courses.iter().find(|(c, _)| c.id.as_str() == id) else {
                return Err(row.error(&format!("unknown course \"{id}\"")));
            };
            let shape = defaults.with(&row, &options(&row, 2)?)?;
            let letter = count.entry(course.id.as_str()).or_insert(0);
            let suffix = char::from(b'A' + *letter);
            *letter += 1;
            let start = date(row.cell(1)).map_err(|e| row.error(&e))?;
            let end = start
                .checked_add_days(Days::new(shape.days.max(1) as u64 - 1))
                .ok_or_else(|| row.error("end date out of range"))?;
            Ok(Session {
                id: SessionId::new(format!("{}-{suffix}", course.id)),
                course: course.id.clone(),
                start,
                end,
                seats: shape.seats,
                max_per_state: shape.cap,
                min_participants: shape.min,
                cost_per_seat: shape.cost,
                open_to: shape.open_to,
            })
        })
        .collect()
}

/// Needs with the ids every new need gets ([`NeedIds`]): `STATE-skill-level`, then `-2` …
fn needs() -> Vec<Result<Need, String>> {
    let mut ids = NeedIds::default();
    rows(NEEDS)
        .map(|row| {
            let (state, skill) = (StateCode::new(row.cell(0)), SkillId::new(row.cell(1)));
            let level = row.int(2, "level")?;
            let mut need = Need {
                id: ids.fresh(&state, &skill, level),
                state,
                skill,
                level,
                trainees: row.int(3, "trainees")?,
                priority: row.int(4, "priority")?,
                window: None,
                languages: None,
                modes: None,
                note: row.cell(6).to_string(),
            };
            for (key, value) in options(&row, 5)? {
                match key {
                    "window" => need.window = Some(range(value).map_err(|e| row.error(&e))?),
                    "lang" => need.languages = Some(list(value)),
                    "modes" => need.modes = Some(list(value).iter().map(|m| Mode::parse(m)).collect()),
                    _ => return Err(row.error(&format!("unknown option \"{key}\""))),
                }
            }
            Ok(need)
        })
        .collect()
}

/// Sessions run on the working days of their location: Sunday to Thursday in Doha, the
/// Gulf, Egypt, Jordan and online from the centre; Monday to Friday in Tunis and Rabat.
/// A course of more than a week starts and ends on a working day.
fn check_working_week(location: &str, session: &Session) -> Result<(), String> {
    let week: [Weekday; 5] = match location {
        "Tunis" | "Rabat" => [Weekday::Mon, Weekday::Tue, Weekday::Wed, Weekday::Thu, Weekday::Fri],
        _ => [Weekday::Sun, Weekday::Mon, Weekday::Tue, Weekday::Wed, Weekday::Thu],
    };
    let days = session.dates().days();
    let off = |day: NaiveDate| !week.contains(&day.weekday());
    let short_and_off = days <= 5 && session.start.iter_days().take(days as usize).any(off);
    if off(session.start) || off(session.end) || short_and_off {
        return Err(format!(
            "{} to {} ({:?} to {:?}) is outside the {location} working week",
            session.start,
            session.end,
            session.start.weekday(),
            session.end.weekday()
        ));
    }
    Ok(())
}
