//! What the app calls a report's choices, in each language: the outcome table's menu,
//! the checks' messages and the history's differences quote these words, so a finding
//! names an action exactly as the menu shows it. (The journal's sentences word an action
//! their own way, as a predicate: see `phrases`.)

use rapporteur_model::{Action, Language, Spelled};
use std::collections::BTreeMap;

/// The label of `action` in `language`.
pub fn action_label(action: Action, language: Language) -> &'static str {
    match language {
        Language::Ja => match action {
            Action::Approved => "承認",
            Action::Determined => "デターミネーション",
            Action::Consented => "コンセント",
            Action::Agreed => "発行の合意",
            Action::NewWorkItem => "新規ワークアイテム",
            Action::Postponed => "承認の延期",
            Action::Deleted => "削除",
        },
        Language::En => match action {
            Action::Approved => "Approved",
            Action::Determined => "Determined",
            Action::Consented => "Consented",
            Action::Agreed => "Agreed",
            Action::NewWorkItem => "New work item",
            Action::Postponed => "Postponed",
            Action::Deleted => "Deleted",
        },
    }
}

/// Every action's label in `language`, keyed by the action: what the UI's messages take
/// through the bindings (`ACTION_LABELS_JA`, `ACTION_LABELS_EN`).
pub fn action_labels(language: Language) -> BTreeMap<Action, &'static str> {
    Action::ALL
        .iter()
        .map(|&action| (action, action_label(action, language)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_action_has_a_label_of_its_own_in_each_language() {
        for language in Language::ALL {
            let labels = action_labels(*language);
            assert_eq!(labels.len(), Action::ALL.len());
            let distinct: std::collections::BTreeSet<_> = labels.values().collect();
            assert_eq!(distinct.len(), labels.len(), "{language}");
        }
    }
}
