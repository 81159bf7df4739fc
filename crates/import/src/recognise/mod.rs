//! The document's paragraphs and tables recognised as a report: title, byline, numbered
//! sections, the summary, Working Parties and their Questions, bullets and schedules.
//! What is not recognised stays, in place, as paragraph blocks.

pub(crate) mod bullet;
mod byline;
mod dates;
mod english;
pub(crate) mod heading;
mod meeting;
mod question;
mod schedule;
mod working_party;

use rapporteur_model::{
    Block, Language, Meeting, Preset, Question, Report, Schedule, Section, Spelled, Style,
    WorkingParty,
};
use rapporteur_prose::phrases;

use crate::error::ImportError;
use crate::notice::{ImportNotice, Typo};
use crate::piece::{Paragraph, Piece, Role};
use rapporteur_format::MAX_REPORT_FILE;

pub(crate) fn other_preset(preset: Preset) -> Preset {
    match preset {
        Preset::JaKatakana => Preset::JaKanji,
        Preset::JaKanji => Preset::JaKatakana,
    }
}

fn is_japanese(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{30FF}' | '\u{4E00}'..='\u{9FFF}')
}

/// A bracket of either preset (prose's glyphs): `Some(true)` opens, `Some(false)` closes.
pub(crate) fn bracket(c: char) -> Option<bool> {
    Preset::ALL.iter().find_map(|&preset| {
        let glyphs = phrases::glyphs(preset);
        (c == glyphs.open || c == glyphs.close).then_some(c == glyphs.open)
    })
}

/// How many brackets are open after `c`, `depth` being open before it.
pub(crate) fn depth_after(depth: usize, c: char) -> usize {
    match bracket(c) {
        Some(true) => depth + 1,
        Some(false) => depth.saturating_sub(1),
        None => depth,
    }
}

/// The report's language, by the sentences only one voice writes: a Question's
/// paragraph opened `課題3では、` or `Question 3:`, a summary `…開催された。` or `… was
/// held …`; where those do not decide, Japanese if any of its text is. A Japanese
/// character alone does not make a report Japanese: an English one may name its author
/// in kanji, or keep the Japanese scopes of its Questions.
fn language_of(pieces: &[Piece]) -> Language {
    let (mut english, mut japanese) = (0usize, 0usize);
    for piece in pieces {
        let text = text_of(piece);
        let text = bullet::strip(text).unwrap_or(text);
        if question::number(text).is_some() || text.contains("開催された") {
            japanese += 1;
        }
        if english::opens_question(text) || text.contains(" was held") {
            english += 1;
        }
    }
    let any_japanese = || {
        pieces.iter().any(|p| text_of(p).chars().any(is_japanese))
            || pieces.iter().any(|p| {
                matches!(p, Piece::Table(rows)
                    if rows.iter().flatten().any(|c| c.chars().any(is_japanese)))
            })
    };
    if english > japanese || (english == japanese && !any_japanese()) {
        Language::En
    } else {
        Language::Ja
    }
}

/// The preset whose own glyphs (prose's: brackets, range mark, bullet, a caption's
/// full-width stop) the text has more of; the default on a tie.
fn preset_of(pieces: &[Piece]) -> Preset {
    let own = |preset: Preset| {
        let g = phrases::glyphs(preset);
        // An ASCII stop is in every text, so it tells nothing.
        let stop = (!g.caption_stop.is_ascii()).then_some(g.caption_stop);
        [Some(g.open), Some(g.range), Some(g.bullet), stop]
    };
    let (kanji_glyphs, katakana_glyphs) = (own(Preset::JaKanji), own(Preset::JaKatakana));
    let (mut kanji, mut katakana) = (0usize, 0usize);
    let mut count = |text: &str| {
        for c in text.chars().map(Some) {
            if kanji_glyphs.contains(&c) {
                kanji += 1;
            } else if katakana_glyphs.contains(&c) {
                katakana += 1;
            }
        }
    };
    for piece in pieces {
        match piece {
            Piece::Paragraph(p) => count(&p.text),
            Piece::Table(rows) => rows.iter().flatten().for_each(|cell| count(cell)),
        }
    }
    if kanji > katakana {
        Preset::JaKanji
    } else {
        Preset::JaKatakana
    }
}

fn text_of(piece: &Piece) -> &str {
    match piece {
        Piece::Paragraph(p) => p.text.trim(),
        Piece::Table(_) => "",
    }
}

pub(crate) fn recognise(
    pieces: Vec<Piece>,
    mut notice: ImportNotice,
) -> Result<(Report, ImportNotice), ImportError> {
    let pieces: Vec<Piece> = pieces
        .into_iter()
        .filter(|p| !matches!(p, Piece::Paragraph(p) if p.text.trim().is_empty()))
        .collect();
    if pieces.is_empty() {
        return Err(ImportError::Empty);
    }
    let language = language_of(&pieces);
    let preset = preset_of(&pieces);

    // The title: the paragraph styled so, else the first one.
    let title_index = pieces
        .iter()
        .position(|p| matches!(p, Piece::Paragraph(p) if p.role == Role::Title))
        .filter(|&i| i < 3)
        .or_else(|| pieces.iter().position(|p| matches!(p, Piece::Paragraph(_))))
        .unwrap_or(0);
    let title = text_of(&pieces[title_index]).to_owned();
    if !title.is_empty() {
        notice.recognised("title", "title");
    }
    let first_heading = pieces
        .iter()
        .enumerate()
        .skip(title_index + 1)
        .find(|(_, p)| matches!(p, Piece::Paragraph(p) if is_heading(p, &[])))
        .map_or(pieces.len(), |(i, _)| i);
    let byline: Vec<&Paragraph> = pieces[title_index + 1..first_heading]
        .iter()
        .filter_map(|p| match p {
            Piece::Paragraph(p) => Some(p),
            Piece::Table(_) => None,
        })
        .collect();
    let all_paragraphs = byline.len() == first_heading - title_index - 1;
    let (authors, body_start) = match byline::read(&byline).filter(|_| all_paragraphs) {
        Some(authors) => (authors, first_heading),
        None => (Vec::new(), title_index + 1),
    };
    for (i, author) in authors.iter().enumerate() {
        notice.recognised(&format!("authors[{i}]"), author.name.clone());
    }

    let mut builder = Builder {
        language,
        preset,
        sections: Vec::new(),
        stack: Vec::new(),
        meeting: None,
        caption: None,
        notice,
        size: 0,
    };
    for piece in &pieces[body_start..] {
        match piece {
            Piece::Paragraph(p) => builder.paragraph(p),
            Piece::Table(rows) => builder.table(rows),
        }
        // Refused as soon as it is certain, before the report takes more memory.
        if builder.size > MAX_REPORT_FILE {
            return Err(ImportError::ReportTooLarge {
                size: builder.size,
                limit: MAX_REPORT_FILE,
            });
        }
    }
    builder.flush_caption();
    while !builder.stack.is_empty() {
        builder.close();
    }
    let meeting = builder.meeting.take().unwrap_or_default();
    let report = Report {
        title,
        language,
        style: Style { preset },
        authors,
        meeting,
        sections: builder.sections,
    };
    Ok((report, builder.notice))
}

/// Whether a paragraph is a heading that may follow the section numbered `current`.
fn is_heading(p: &Paragraph, current: &[u32]) -> bool {
    match (&p.role, heading::parse(&p.text)) {
        (Role::Heading, _) => true,
        (Role::Unknown, Some(h)) => !p.text.contains('\n') && follows(current, &h.number),
        _ => false,
    }
}

/// Whether section `next` may follow section `current`: a later sibling of it or of one
/// of its parents, or its first child.
fn follows(current: &[u32], next: &[u32]) -> bool {
    let Some((&last, parent)) = next.split_last() else {
        return false;
    };
    if next.len() > current.len() + 1 || current.get(..parent.len()) != Some(parent) {
        return false;
    }
    match current.get(parent.len()) {
        Some(&at) => last > at,
        None => last == 1 || current.is_empty(),
    }
}

/// A section being filled, and the Working Party sentence it opened with.
struct Open {
    section: Section,
    number: Vec<u32>,
    /// The opening sentence and the Questions it named with their scopes.
    opening: Option<(String, working_party::Scopes)>,
}

struct Builder {
    language: Language,
    preset: Preset,
    sections: Vec<Section>,
    stack: Vec<Open>,
    meeting: Option<Meeting>,
    /// A table caption waiting for its table: the line as written, and its text.
    caption: Option<(String, Option<String>)>,
    notice: ImportNotice,
    /// The least the report file of the sections and blocks made so far takes: their
    /// text, and what each costs in JSON at the least (see `LEAST_BLOCK`).
    size: u64,
}

/// The fewest bytes a block or section takes in a report file, over its text: the
/// shortest, `{"type": "summary"}`, is 19 bytes before its indentation.
const LEAST_BLOCK: u64 = 19;
/// The fewest a bullet item takes over its text: quotes, comma, line break.
const LEAST_ITEM: u64 = 4;

impl Builder {
    fn section_path(&self) -> String {
        let mut path = String::new();
        let mut siblings = self.sections.len();
        for (depth, open) in self.stack.iter().enumerate() {
            if depth > 0 {
                path.push('.');
            }
            path.push_str(&format!("sections[{siblings}]"));
            siblings = open.section.sections.len();
        }
        path
    }

    /// The path the next block of the current section will have.
    fn block_path(&self) -> String {
        let blocks = self.stack.last().map_or(0, |o| o.section.blocks.len());
        format!("{}.blocks[{blocks}]", self.section_path())
    }

    fn current(&mut self) -> &mut Open {
        if self.stack.is_empty() {
            // Text before the first heading: a section with an empty heading keeps it in
            // place (only a Working Party's section may have none at all).
            self.stack.push(Open {
                section: Section {
                    heading: Some(String::new()),
                    ..Section::default()
                },
                number: vec![1],
                opening: None,
            });
        }
        self.stack.last_mut().expect("a section is open")
    }

    fn push(&mut self, block: Block) {
        self.size += LEAST_BLOCK
            + match &block {
                Block::Paragraph { text, .. } => text.len() as u64,
                Block::Bullets { items, .. } => {
                    items.iter().map(|i| i.len() as u64 + LEAST_ITEM).sum()
                }
                _ => 0,
            };
        self.current().section.blocks.push(block);
    }

    fn free_text(&mut self, text: &str) {
        let path = self.block_path();
        self.notice.free_text(&path, text);
        self.push(Block::Paragraph {
            uid: Default::default(),
            text: text.to_owned(),
            boilerplate: false,
        });
    }

    fn open(&mut self, number: Vec<u32>, text: &str) {
        self.flush_caption();
        let level = number.len().min(self.stack.len() + 1).max(1);
        while self.stack.len() >= level {
            self.close();
        }
        let section = match heading::working_party(text) {
            Some((wp, title)) => Section {
                working_party: Some(WorkingParty {
                    number: wp,
                    title,
                    intro: None,
                }),
                ..Section::default()
            },
            None => Section {
                heading: Some(text.to_owned()),
                ..Section::default()
            },
        };
        self.size += LEAST_BLOCK + text.len() as u64;
        self.stack.push(Open {
            section,
            number,
            opening: None,
        });
        let path = self.section_path();
        let what = match &self
            .stack
            .last()
            .expect("just pushed")
            .section
            .working_party
        {
            Some(wp) => format!("Working Party {}", wp.number),
            None => "heading".to_owned(),
        };
        self.notice.recognised(&path, what);
    }

    /// Closes the innermost section: the Working Party's sentence gives its Questions
    /// their scopes, and is kept as the intro when it is not the generated one.
    fn close(&mut self) {
        self.flush_caption();
        let path = self.section_path();
        let Some(mut open) = self.stack.pop() else {
            return;
        };
        if let (Some(wp), Some((sentence, scopes))) =
            (&mut open.section.working_party, open.opening.take())
        {
            for block in &mut open.section.blocks {
                if let Block::Question(q) = block {
                    if let Some((_, scope)) = scopes.iter().find(|(n, _)| *n == q.number) {
                        q.scope = scope.clone();
                    }
                }
            }
            let questions: Vec<&Question> = open
                .section
                .blocks
                .iter()
                .filter_map(|b| match b {
                    Block::Question(q) => Some(q),
                    _ => None,
                })
                .collect();
            let generated =
                phrases::working_party_sentence(self.language, self.preset, wp, &questions);
            if !generated.is_some_and(|g| same_text(&g, &sentence)) {
                wp.intro = Some(sentence);
                self.notice.kept_as_written(
                    &format!("{path}.working_party.intro"),
                    "Working Party sentence",
                );
            }
        }
        match self.stack.last_mut() {
            Some(parent) => parent.section.sections.push(open.section),
            None => self.sections.push(open.section),
        }
    }

    fn paragraph(&mut self, p: &Paragraph) {
        let text = p.text.trim();
        let current: Vec<u32> = self
            .stack
            .last()
            .map(|o| o.number.clone())
            .unwrap_or_default();
        if is_heading(p, &current) {
            match heading::parse(text) {
                Some(h) => self.open(h.number, &h.text),
                None => {
                    let mut number = current;
                    number.truncate(self.stack.len().max(1));
                    if let Some(last) = number.last_mut() {
                        *last += 1;
                    } else {
                        number.push(1);
                    }
                    self.open(number, text);
                }
            }
            return;
        }
        if let Some(caption) = schedule::caption(text).filter(|_| !text.contains('\n')) {
            self.flush_caption();
            self.caption = Some((text.to_owned(), caption));
            return;
        }
        self.flush_caption();
        let (bulleted, body) = match (&p.role, bullet::strip(text)) {
            (Role::Bullet, _) => (true, text),
            (_, Some(rest)) => (true, rest),
            _ => (false, text),
        };
        if !bulleted && self.meeting.is_none() && self.summary(body) {
            return;
        }
        if !bulleted && self.working_party_sentence(body) {
            return;
        }
        if self.question(body) {
            return;
        }
        if bulleted {
            let path = self.block_path();
            let open = self.current();
            let added = match open.section.blocks.last_mut() {
                Some(Block::Bullets { items, .. }) => {
                    items.push(body.to_owned());
                    LEAST_ITEM
                }
                _ => {
                    open.section.blocks.push(Block::Bullets {
                        uid: Default::default(),
                        item_uids: Default::default(),
                        items: vec![body.to_owned()],
                        boilerplate: false,
                    });
                    self.notice.recognised(&path, "bullets");
                    LEAST_BLOCK + LEAST_ITEM
                }
            };
            self.size += added + body.len() as u64;
            return;
        }
        self.free_text(text);
    }

    /// The summary paragraph: the meeting's facts, and the sentences after them kept as
    /// a paragraph of their own.
    fn summary(&mut self, text: &str) -> bool {
        let (sentences, read) = match self.language {
            Language::Ja => {
                let sentences = split_outside(text, '。', true);
                let read = meeting::read(&sentences);
                (sentences, read)
            }
            Language::En => {
                let sentences = english::sentences(text);
                let read = english::read_summary(&sentences);
                (sentences, read)
            }
        };
        let Some(read) = read else {
            return false;
        };
        let facts: String = sentences[..read.sentences].concat();
        let path = self.block_path();
        for wrong in &read.wrong_weekdays {
            self.notice.kept_as_written(
                &path,
                format!(
                    "weekday ({}) of {} does not match the date",
                    wrong.printed, wrong.date
                ),
            );
        }
        let generated = [self.preset, other_preset(self.preset)]
            .iter()
            .any(|&p| same_text(&phrases::summary(self.language, p, &read.meeting), &facts));
        self.meeting = Some(read.meeting);
        self.notice.recognised("meeting", "meeting facts");
        if generated {
            self.push(Block::summary());
            self.notice.recognised(&path, "summary");
            let rest = sentences[read.sentences..].concat();
            if !rest.trim().is_empty() {
                self.free_text(rest.trim());
            }
        } else {
            self.notice
                .kept_as_written(&path, "summary paragraph (meeting facts read)");
            self.push(Block::Paragraph {
                uid: Default::default(),
                text: text.to_owned(),
                boilerplate: false,
            });
        }
        true
    }

    /// A Working Party's opening sentence, before its first Question.
    fn working_party_sentence(&mut self, text: &str) -> bool {
        let Some(open) = self.stack.last_mut() else {
            return false;
        };
        let Some(wp) = &open.section.working_party else {
            return false;
        };
        let has_question = open
            .section
            .blocks
            .iter()
            .any(|b| matches!(b, Block::Question(_)));
        if has_question || open.opening.is_some() || !text.starts_with(&format!("WP{}", wp.number))
        {
            return false;
        }
        let read = match self.language {
            Language::Ja => working_party::read(text, wp.number),
            Language::En => english::read_working_party(text, wp.number),
        };
        match read {
            Some(scopes) => open.opening = Some((text.to_owned(), scopes)),
            // Not read: kept as the Working Party's intro, which replaces the sentence.
            None => open.opening = Some((text.to_owned(), Vec::new())),
        }
        true
    }

    fn question(&mut self, text: &str) -> bool {
        let in_working_party = self
            .stack
            .last()
            .is_some_and(|o| o.section.working_party.is_some());
        let read = match self.language {
            Language::Ja => question::read(text, self.preset),
            Language::En => english::read_question(text, self.preset),
        };
        let Some(read) = read else {
            return false;
        };
        if !read.understood && !in_working_party {
            return false;
        }
        let path = self.block_path();
        for (found, term) in &read.typos {
            self.notice.typos.push(Typo {
                path: path.clone(),
                found: found.clone(),
                term: (*term).to_owned(),
            });
        }
        let q = &read.question;
        self.notice.recognised(
            &path,
            format!("課題{}: {} outcomes", q.number, q.outcomes.len()),
        );
        if q.text.is_some() {
            self.notice.kept_as_written(
                &format!("{path}.text"),
                format!("課題{} as written", q.number),
            );
        }
        self.push(Block::Question(read.question));
        true
    }

    fn flush_caption(&mut self) {
        if let Some((_, caption)) = self.caption.take() {
            // A caption with no table after it: a schedule with no rows prints the same.
            let path = self.block_path();
            self.notice.recognised(&path, "table caption");
            self.push(Block::Schedule(Schedule {
                uid: Default::default(),
                caption,
                rows: Vec::new(),
            }));
        }
    }

    fn table(&mut self, rows: &[Vec<String>]) {
        let caption = self.caption.take();
        let path = self.block_path();
        match schedule::rows(rows, self.language, self.preset) {
            Some(rows) => {
                self.notice
                    .recognised(&path, format!("schedule: {} rows", rows.len()));
                self.push(Block::Schedule(Schedule {
                    uid: Default::default(),
                    caption: caption.and_then(|(_, text)| text),
                    rows,
                }));
            }
            None => {
                if let Some((line, _)) = caption {
                    self.free_text(&line);
                }
                let text: Vec<String> = rows.iter().map(|row| row.join("\t")).collect();
                self.free_text(&text.join("\n"));
            }
        }
    }
}

/// Whether two texts are the same but for the spaces beside Japanese characters and
/// the runs of white space: where a line broke, a text export cannot say whether a space
/// stood beside a Japanese character (`) が` / `)が`).
pub(crate) fn same_text(a: &str, b: &str) -> bool {
    fn tokens(text: &str) -> impl Iterator<Item = char> + '_ {
        let chars: Vec<char> = text.trim().chars().collect();
        let mut out = Vec::with_capacity(chars.len());
        for (i, &c) in chars.iter().enumerate() {
            if c.is_whitespace() {
                let before = out.last().copied().unwrap_or(' ');
                let after = chars[i + 1..].iter().find(|c| !c.is_whitespace()).copied();
                let beside_japanese = !before.is_ascii() || after.is_some_and(|c| !c.is_ascii());
                if before == ' ' || beside_japanese {
                    continue;
                }
                out.push(' ');
            } else {
                out.push(c);
            }
        }
        out.into_iter()
    }
    tokens(a).eq(tokens(b))
}

/// `text` split at each `mark` outside brackets, keeping the mark at the end of each
/// piece or not: sentences at `。`, items at `、`.
pub(crate) fn split_outside(text: &str, mark: char, keep: bool) -> Vec<&str> {
    let mut out = Vec::new();
    let mut depth = 0usize;
    let mut start = 0;
    for (i, c) in text.char_indices() {
        match bracket(c) {
            Some(_) => depth = depth_after(depth, c),
            None if c == mark && depth == 0 => {
                let end = if keep { i + c.len_utf8() } else { i };
                out.push(&text[start..end]);
                start = i + c.len_utf8();
            }
            _ => {}
        }
    }
    if start < text.len() || !keep {
        out.push(&text[start..]);
    }
    out
}

/// Whether anything after the title was recognised as a part of a report: a section
/// heading, a Working Party, the meeting's facts, a Question or a schedule.
pub(crate) fn has_a_report_part(report: &Report) -> bool {
    fn any(sections: &[Section]) -> bool {
        sections.iter().any(|s| {
            s.heading.as_deref().is_some_and(|h| !h.is_empty())
                || s.working_party.is_some()
                || s.blocks.iter().any(|b| {
                    matches!(
                        b,
                        Block::Question(_) | Block::Schedule(_) | Block::Summary { .. }
                    )
                })
                || any(&s.sections)
        })
    }
    report.meeting != Meeting::default() || any(&report.sections)
}
