//! Both presets and English, on fixtures written from the presets table of docs/style.md.

use rapporteur_format::read_report;
use rapporteur_model::{Language, MeetingMode, Preset, Report};
use rapporteur_prose::{generate, render_text, Node};

const KANJI: &str = include_str!("../../../tests/fixtures/sg17-2020-03-kanji.report.json");

fn kanji() -> Report {
    read_report(KANJI).unwrap()
}

fn body_lines(report: &Report) -> Vec<String> {
    generate(report)
        .body
        .iter()
        .map(|node| match node {
            Node::Heading(h) => h.line(),
            Node::Paragraph { text } => text.clone(),
            Node::Bullet { marker, text } => format!("{marker}{text}"),
            Node::Table(t) => format!(
                "{} | {}",
                t.caption,
                t.rows
                    .iter()
                    .map(|r| r.join(" / "))
                    .collect::<Vec<_>>()
                    .join(" | ")
            ),
        })
        .collect()
}

#[test]
fn ja_kanji_reads_as_the_older_reports() {
    assert_eq!(
        body_lines(&kanji()),
        [
            "1．はじめに",
            "ITU-T SG17（セキュリティ）の第3回会合が、2020年3月17日（火）〜26日（木）に、スイス（ジュネーブ）のITU本部において開催された。この会合には、日本からの20名を含む、40か国・諸機関の300名が参加した。提出された寄書は150件（うち日本から6件）であった。",
            "2．会合の主な結果",
            "2.1　課題1",
            // A Question outside any Working Party has no bullet.
            "課題1では、テクニカルレポートXSTR.sec-coord（Security standardization coordination）を新規ワークアイテムとして設立した。",
            "2.2　WP1：セキュリティ基盤技術",
            "WP1は、セキュリティアーキテクチャとフレームワークを検討する課題2、サイバーセキュリティを検討する課題4、形式言語を検討する課題12から構成されている。",
            "◦課題2では、今会合で凍結または合意した勧告等は無かった。",
            "◦課題4では、X.1060（Framework for the creation and operation of a cyber defence centre）をTAP承認し、X.1234（Guidelines for incident exchange）をAAP承認した。\
             また、X.1035rev（Password-authenticated key exchange protocol）を凍結した。\
             X.1158（Multi-factor authentication mechanisms using a mobile device）及びX.1159（Delegated non-repudiation architecture based on ITU-T X.813）を合意した。\
             テクニカルレポートXSTR.cti（Cyber threat intelligence overview）を合意した。\
             新規ワークアイテムとして、産業制御システムのセキュリティ指針を定めるX.ics-sec（Security guidelines for industrial control systems）及びX.sup-spam（Supplement on countering spam in messaging）を設立した。\
             X.1500（Overview of cybersecurity information exchange）の承認を延期した。\
             TR.sec-qkd（Security considerations for quantum key distribution）を削除した。\
             同勧告案については、次回会合で再度審議する予定である。",
            "◦課題12は、今会合では審議が実施されなかった。",
            "3．今後の会合の予定",
            "◦中間会合は電子会議で開催される。",
            "◦次回会合の詳細は表に示す。",
            // A report's only table is unnumbered in ja-kanji.
            "■表．今後の会合予定 | SG17会合 / 2020年8月25日〜9月3日 / e-meeting / 全課題の審議\nWPプレナリ会合 | 課題4中間会合 / 2020年6月 / e-meeting / ",
        ]
    );
}

#[test]
fn ja_katakana_links_its_sentences_and_leaves_out_missing_figures() {
    let mut report = kanji();
    report.style.preset = Preset::JaKatakana;
    let m = &mut report.meeting;
    m.city = None;
    m.country = None;
    m.site = None;
    m.mode = Some(MeetingMode::Virtual);
    m.end = None;
    m.ordinal = None;
    m.participants.as_mut().unwrap().delegations = None;
    m.temporary_documents = Some(80);
    m.contributions.as_mut().unwrap().home_note = Some("共同提出1件を含む".to_owned());
    let lines = body_lines(&report);
    assert_eq!(
        lines[..10],
        [
            "1. はじめに",
            "ITU-T SG17 (セキュリティ) の会合が、2020年3月17日(火)に開催された。この会合には、日本からの20名を含む300名が参加した。提出された寄書は150件(うち日本から、共同提出1件を含む6件)で、80件の臨時文書(Temporary Document)が発行された。",
            "2. 会合の主な結果",
            "2.1 課題1",
            "課題1では、新規ワークアイテムとして、テクニカルレポートXSTR.sec-coord (Security standardization coordination) が設立された。",
            "2.2 WP1: セキュリティ基盤技術",
            "WP1は、セキュリティアーキテクチャとフレームワークを検討する課題2、サイバーセキュリティを検討する課題4及び形式言語を検討する課題12から構成されている。",
            "●課題2では、今会合でデターミネーションまたはコンセントされた勧告等は無かった。",
            "●課題4では、X.1060 (Framework for the creation and operation of a cyber defence centre) がTAP投票を経て合意され、X.1234 (Guidelines for incident exchange) がAAPにより承認された。\
             X.1035rev (Password-authenticated key exchange protocol) がデターミネーションされ、X.1158 (Multi-factor authentication mechanisms using a mobile device) とX.1159 (Delegated non-repudiation architecture based on ITU-T X.813) がコンセントされた。\
             また、テクニカルレポートXSTR.cti (Cyber threat intelligence overview) の発行が合意された。\
             さらに、新規ワークアイテムとして、産業制御システムのセキュリティ指針を定めるX.ics-sec (Security guidelines for industrial control systems) とX.sup-spam (Supplement on countering spam in messaging) が設立された。\
             なお、X.1500 (Overview of cybersecurity information exchange) の承認が延期された。\
             なお、TR.sec-qkd (Security considerations for quantum key distribution) が削除された。\
             同勧告案については、次回会合で再度審議する予定である。",
            "●課題12は、今会合では審議が実施されなかった。",
        ]
    );
    assert_eq!(lines[13], "■表1. 今後の会合予定 | SG17会合 / 2020年8月25日～9月3日 / e-meeting / 全課題の審議\nWPプレナリ会合 | 課題4中間会合 / 2020年6月 / e-meeting / ");
}

#[test]
fn english_gets_plain_sentences_of_the_same_shape() {
    let mut report = kanji();
    report.language = Language::En;
    let lines = body_lines(&report);
    assert_eq!(lines[0], "1. はじめに");
    assert_eq!(
        lines[1],
        "The 3rd meeting of ITU-T SG17 (セキュリティ) was held from Tuesday 17 to Thursday 26 March 2020 at ITU本部, ジュネーブ, スイス. It was attended by 300 participants from 40 countries and organizations, including 20 from 日本. 150 contributions were submitted (6 from 日本)."
    );
    assert_eq!(lines[4], "Question 1: As new work items, XSTR.sec-coord (Security standardization coordination) was established.");
    assert_eq!(lines[6], "WP1 consists of Question 2 (セキュリティアーキテクチャとフレームワーク), Question 4 (サイバーセキュリティ) and Question 12 (形式言語).");
    assert_eq!(
        lines[7],
        "•Question 2: no Recommendation was determined or consented at this meeting."
    );
    assert!(lines[8].starts_with("•Question 4: X.1060 (Framework for the creation and operation of a cyber defence centre) was approved under TAP. X.1234 (Guidelines for incident exchange) was approved under AAP. X.1035rev (Password-authenticated key exchange protocol) was determined. X.1158 (Multi-factor authentication mechanisms using a mobile device) and X.1159 (Delegated non-repudiation architecture based on ITU-T X.813) were consented."), "{}", lines[8]);
    assert!(lines[8].ends_with("The approval of X.1500 (Overview of cybersecurity information exchange) was postponed. TR.sec-qkd (Security considerations for quantum key distribution) was deleted. 同勧告案については、次回会合で再度審議する予定である。"), "{}", lines[8]);
    assert_eq!(lines[9], "•Question 12 did not meet at this meeting.");
    assert!(
        lines[13]
            .starts_with("Table 1. 今後の会合予定 | SG17会合 / 25 August – 3 September 2020 / "),
        "{}",
        lines[13]
    );
}

#[test]
fn a_text_override_replaces_the_generated_sentences_and_keeps_the_note() {
    let mut report = kanji();
    let rapporteur_model::Block::Question(q) = &mut report.sections[1].sections[1].blocks[1] else {
        panic!()
    };
    q.text = Some("課題4では、多数の勧告案が審議された。".to_owned());
    assert_eq!(body_lines(&report)[8], "◦課題4では、多数の勧告案が審議された。同勧告案については、次回会合で再度審議する予定である。");
    let wp = report.sections[1].sections[1]
        .working_party
        .as_mut()
        .unwrap();
    wp.intro = Some("WP1は、三つの課題から構成されている。".to_owned());
    assert_eq!(
        body_lines(&report)[6],
        "WP1は、三つの課題から構成されている。"
    );
}

#[test]
fn the_plain_text_has_title_byline_and_every_node() {
    let text = render_text(&generate(&kanji()));
    assert!(text.starts_with("ITU-T SG17第3回会合報告\n\n一般財団法人情報通信研究会\n標準化推進部\n主任研究員\nやまだ はなこ\n山田 花子\n\n1．はじめに\n\n"), "{text}");
    assert!(text.contains("\n\n■表．今後の会合予定\n\n会合名\t開催期間\t開催地\t会合内容\nSG17会合\t2020年8月25日〜9月3日\te-meeting\t全課題の審議 WPプレナリ会合\n"), "{text}");
}
