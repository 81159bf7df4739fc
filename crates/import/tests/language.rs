//! Which voice a published report is read in: by the sentences only one voice writes,
//! not by whether any Japanese character appears (an English report may name its author
//! in kanji, or keep the Japanese scopes of its Questions).

use rapporteur_import::import_text;
use rapporteur_model::{Action, Language};

const ENGLISH: &str = "Report of the meeting of ITU-T SG17\n\n山田 太郎\nICT Institute\n\n\
1. Introduction\n\n\
The 3rd meeting of ITU-T SG17 (Security) was held from 2 to 10 September 2026 at the ITU headquarters in Geneva, Switzerland.\n\n\
2. Results\n\n\
WP1 consists of Question 3 (セキュリティマネジメント).\n\n\
•Question 3: X.1252 (Baseline capabilities) was consented.\n";

#[test]
fn an_english_report_with_japanese_names_and_scopes_is_read_in_english() {
    let imported = import_text(ENGLISH.as_bytes()).unwrap();
    let report = &imported.report;
    assert_eq!(report.language, Language::En);
    assert_eq!(report.meeting.ordinal, Some(3));
    assert_eq!(report.meeting.group, "SG17");
    let outcomes: Vec<_> = report
        .outcomes()
        .into_iter()
        .map(|(_, q, o)| (q.number, o.id.clone(), o.title.clone(), o.action))
        .collect();
    assert_eq!(
        outcomes,
        [(
            3,
            Some("X.1252".to_owned()),
            "Baseline capabilities".to_owned(),
            Action::Consented
        )]
    );
}

#[test]
fn a_japanese_report_quoting_english_is_read_in_japanese() {
    let text = "ITU-T SG17会合報告\n\n1. はじめに\n\n\
ITU-T SG17 (セキュリティ) の第3回会合が、2026年9月2日(水)～10日(木)に、スイス(ジュネーブ)のITU本部において開催された。\n\n\
2. 結果\n\n\
Question 3 was discussed in English as \"The meeting was held online\".\n\n\
●課題3では、X.1252 (Baseline capabilities) がコンセントされた。\n";
    let imported = import_text(text.as_bytes()).unwrap();
    assert_eq!(imported.report.language, Language::Ja);
    assert_eq!(imported.report.outcomes().len(), 1);
}
