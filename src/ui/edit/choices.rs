//! The options of the choice lists and checkbox sets, labelled in the chosen language.

use serde_json::Value;

use crate::model::{name_in, Mode, Scenario};
use crate::ui::i18n::{level_msg, mode_msg, priority_msg, UiLang};
use crate::ui::vm::edit::views;

pub fn skills(s: &Scenario, lang: UiLang) -> Vec<(Value, String)> {
    s.skills.iter().map(|k| (Value::String(k.id.to_string()), name_in(&k.name, lang.code()).to_string())).collect()
}

pub fn courses(s: &Scenario, lang: UiLang) -> Vec<(Value, String)> {
    s.courses
        .iter()
        .map(|c| (Value::String(c.id.to_string()), format!("{} · {}", c.id, name_in(&c.title, lang.code()))))
        .collect()
}

pub fn levels(lang: UiLang) -> Vec<(Value, String)> {
    (1..=3).filter_map(|l| Some((Value::from(l), lang.t(level_msg(l)?).to_string()))).collect()
}

pub fn priorities(lang: UiLang) -> Vec<(Value, String)> {
    (1..=5).filter_map(|p| Some((Value::from(p), lang.t(priority_msg(p)?).to_string()))).collect()
}

pub fn modes(lang: UiLang) -> Vec<(Value, String)> {
    Mode::ALL
        .iter()
        .filter_map(|m| Some((Value::String(m.as_str().to_string()), lang.t(mode_msg(m)?).to_string())))
        .collect()
}

/// Mode codes and labels, for checkbox sets.
pub fn mode_checks(lang: UiLang) -> Vec<(String, String)> {
    modes(lang).into_iter().map(|(v, label)| (v.as_str().unwrap_or_default().to_string(), label)).collect()
}

/// Training languages in use, as codes and names.
pub fn language_checks(s: &Scenario, lang: UiLang) -> Vec<(String, String)> {
    views::languages(s)
        .into_iter()
        .map(|code| {
            let name = lang.catalogue().language_name(&code);
            (code, name)
        })
        .collect()
}

pub fn languages(s: &Scenario, lang: UiLang) -> Vec<(Value, String)> {
    language_checks(s, lang).into_iter().map(|(code, name)| (Value::String(code), name)).collect()
}
