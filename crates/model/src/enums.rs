//! The closed sets of words the file format allows, each with its spelling in the file.

use serde::{Deserialize, Serialize};
use specta::Type;

/// A closed set of words, each spelled one way in the report file.
pub trait Spelled: Sized + Copy + PartialEq + 'static {
    /// Every value, in the documented order.
    const ALL: &'static [Self];

    /// The spelling in the report file.
    fn as_str(self) -> &'static str;

    /// The value spelled `text` in the report file, if any.
    fn parse(text: &str) -> Option<Self> {
        Self::ALL
            .iter()
            .copied()
            .find(|value| value.as_str() == text)
    }
}

/// Defines an enum whose values are spelled in the file as given, implementing
/// [`Spelled`], so the format's error messages can list what is allowed.
macro_rules! spelled_enum {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Type)]
        pub enum $name {
            $($(#[$vmeta])* #[serde(rename = $text)] $variant),+
        }

        impl Spelled for $name {
            const ALL: &'static [$name] = &[$($name::$variant),+];

            fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $text),+
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

spelled_enum!(
    /// Language of the generated sentences.
    Language { Ja = "ja", En = "en" }
);

spelled_enum!(
    /// The phrasing of generated sentences (docs/style.md, "The two Japanese presets").
    #[derive(Default)]
    Preset {
        /// The default; passive voice, katakana terms (デターミネーションされた).
        #[default]
        JaKatakana = "ja-katakana",
        /// Older reports; active voice, kanji terms (凍結した).
        JaKanji = "ja-kanji",
    }
);

spelled_enum!(
    MeetingMode { InPerson = "in_person", Hybrid = "hybrid", Virtual = "virtual" }
);

spelled_enum!(
    /// What a meeting did with a work item, in the order a Question's paragraph lists them.
    Action {
        Approved = "approved",
        Determined = "determined",
        Consented = "consented",
        Agreed = "agreed",
        NewWorkItem = "new_work_item",
        Postponed = "postponed",
        Deleted = "deleted",
    }
);

spelled_enum!(
    /// The approval process of an approved text.
    Process {
        /// Traditional Approval Process: policy-related texts.
        Tap = "TAP",
        /// Alternative Approval Process: technical texts.
        Aap = "AAP",
    }
);

spelled_enum!(
    DocumentKind {
        Recommendation = "recommendation",
        TechnicalReport = "technical_report",
        TechnicalPaper = "technical_paper",
        Supplement = "supplement",
        Other = "other",
    }
);
