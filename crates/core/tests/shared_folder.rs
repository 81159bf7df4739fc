//! The shared-folder mode on real folders and real database files: two or three
//! libraries linked to one folder (as a sync service would give each of them) converge;
//! each writes only its own files; the same files read again change nothing; a file a
//! sync service has not finished writing, or a damaged or foreign one, is left out with
//! a coded error and taken once whole; files arriving in any order give the same report.

use rapporteur_core::{ErrorCode, FolderSync, Library};
use std::fs;
use std::path::{Path, PathBuf};

const EXAMPLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../examples/sg17-2025-12.report.json"
);

/// A library at `dir/name.sqlite3` whose author is `author`.
fn library(dir: &Path, name: &str, author: &str) -> Library {
    let mut library = Library::open(&dir.join(format!("{name}.sqlite3"))).unwrap();
    library.set_author_name(author).unwrap();
    library
}

/// Report `id` of `from` shared with `to`: the id of `to`'s copy.
fn share(dir: &Path, from: &mut Library, id: i64, to: &mut Library) -> i64 {
    let file = dir.join(format!("share-{id}.rapporteur"));
    from.share(id, &file).unwrap();
    to.import_files(&[file]).unwrap()[0].id
}

fn edit(library: &mut Library, id: i64, change: impl FnOnce(&mut rapporteur_model::Report)) {
    let mut report = library.report(id).unwrap().report;
    change(&mut report);
    library.save(id, &report).unwrap();
}

fn title(library: &Library, id: i64) -> String {
    library.report(id).unwrap().report.title
}

/// Every file under `dir`, relative to it, sorted.
fn files(dir: &Path) -> Vec<PathBuf> {
    fn walk(root: &Path, dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(root, &path, out);
            } else {
                out.push(path.strip_prefix(root).unwrap().to_owned());
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, dir, &mut out);
    out.sort();
    out
}

/// A temporary folder, and a folder "shared" in it.
fn folder() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let shared = dir.path().join("shared");
    fs::create_dir(&shared).unwrap();
    (dir, shared)
}

/// Aoki's library with the example and Suzuki's with a copy of it, both linked to
/// `shared`: each library with its report's id.
fn linked_pair(dir: &Path, shared: &Path) -> (Library, i64, Library, i64) {
    let mut aoki = library(dir, "aoki", "青木");
    let mut suzuki = library(dir, "suzuki", "鈴木");
    let a = aoki.import_files(&[PathBuf::from(EXAMPLE)]).unwrap()[0].id;
    let s = share(dir, &mut aoki, a, &mut suzuki);
    aoki.link_folder(a, shared).unwrap();
    suzuki.link_folder(s, shared).unwrap();
    (aoki, a, suzuki, s)
}

fn report_json(library: &Library, id: i64) -> String {
    rapporteur_format::write_report(&library.report(id).unwrap().report)
}

fn revisions(library: &Library, id: i64) -> usize {
    library.history(id).unwrap().len()
}

#[test]
fn two_libraries_linked_to_one_folder_converge_each_writing_only_its_own_files() {
    let dir = tempfile::tempdir().unwrap();
    let shared = dir.path().join("OneDrive/SG17 報告");
    fs::create_dir_all(&shared).unwrap();
    let mut aoki = library(dir.path(), "aoki", "青木");
    let mut suzuki = library(dir.path(), "suzuki", "鈴木");
    let a = aoki.import_files(&[PathBuf::from(EXAMPLE)]).unwrap()[0].id;
    let s = share(dir.path(), &mut aoki, a, &mut suzuki);

    let linked = aoki.link_folder(a, &shared).unwrap();
    assert!(linked.wrote.is_some(), "the first look writes this copy");
    assert!(linked.refused.is_empty());
    assert_eq!(linked.link.dir, shared.to_string_lossy());
    assert!(linked.link.synced_at.is_some());
    let linked = suzuki.link_folder(s, &shared).unwrap();
    assert!(!linked.merged.changed, "the same report: nothing comes in");
    assert_eq!(linked.wrote, None, "nothing the folder lacks");

    edit(&mut aoki, a, |r| r.title = "青木の題".into());
    let wrote = aoki.sync_folder(a).unwrap();
    assert!(wrote.wrote.is_some());
    let came: FolderSync = suzuki.sync_folder(s).unwrap();
    assert!(came.merged.changed);
    assert_eq!(came.merged.summary.from, ["青木"]);
    assert_eq!(title(&suzuki, s), "青木の題");
    assert_eq!(came.link.arrived_from, ["青木"]);
    assert!(came.link.arrived_at.is_some());
    assert_eq!(
        came.wrote, None,
        "the merge alone holds nothing the folder lacks"
    );

    edit(&mut suzuki, s, |r| {
        r.meeting.city = Some("ジュネーブ（鈴木）".into())
    });
    suzuki.sync_folder(s).unwrap();
    let came = aoki.sync_folder(a).unwrap();
    assert_eq!(came.merged.summary.from, ["鈴木"]);
    assert_eq!(report_json(&aoki, a), report_json(&suzuki, s));
    assert_eq!(
        suzuki.linked_folder(s).unwrap().unwrap().arrived_from,
        ["青木"],
        "what came in last, and from whom, is kept with the link"
    );

    // One folder for the document, one within it per installation, each holding only
    // files its installation wrote, numbered in order.
    let all = files(&shared);
    let writers: std::collections::BTreeSet<_> =
        all.iter().map(|f| f.parent().unwrap().to_owned()).collect();
    assert_eq!(writers.len(), 2, "{all:?}");
    assert!(all.iter().all(|f| f.components().count() == 3), "{all:?}");
    let aoki_dir = aoki.report_folder(a).unwrap();
    assert_eq!(aoki_dir, suzuki.report_folder(s).unwrap());
    let names: Vec<String> = all
        .iter()
        .map(|f| f.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert!(
        names.contains(&"000001.rapporteur-update".to_owned()),
        "{names:?}"
    );
    assert!(
        names.contains(&"000002.rapporteur-update".to_owned()),
        "{names:?}"
    );

    // Unlinked, the report stays as it is and the files stay for the others.
    assert!(suzuki.unlink_folder(s).unwrap());
    assert_eq!(suzuki.linked_folder(s).unwrap(), None);
    assert_eq!(
        suzuki.sync_folder(s).unwrap_err().code,
        ErrorCode::SharedFolderNotLinked
    );
    assert_eq!(files(&shared), all);
}

#[test]
fn the_same_files_read_again_change_nothing() {
    let (dir, shared) = folder();
    let (mut aoki, a, mut suzuki, s) = linked_pair(dir.path(), &shared);
    edit(&mut aoki, a, |r| r.title = "一度だけ".into());
    aoki.sync_folder(a).unwrap();
    assert!(suzuki.sync_folder(s).unwrap().merged.changed);
    let (json, kept, on_disk) = (
        report_json(&suzuki, s),
        revisions(&suzuki, s),
        files(&shared),
    );
    for _ in 0..3 {
        let again = suzuki.sync_folder(s).unwrap();
        assert!(!again.merged.changed);
        assert!(again.merged.summary.is_empty());
        assert_eq!(again.wrote, None);
        let again = aoki.sync_folder(a).unwrap();
        assert!(!again.merged.changed);
        assert_eq!(again.wrote, None);
    }
    assert_eq!(report_json(&suzuki, s), json);
    assert_eq!(revisions(&suzuki, s), kept);
    assert_eq!(files(&shared), on_disk, "no file written for nothing");
}

#[test]
fn a_half_synced_damaged_or_foreign_file_is_left_out_then_taken_once_whole() {
    let (dir, shared) = folder();
    let (mut aoki, a, mut suzuki, s) = linked_pair(dir.path(), &shared);
    edit(&mut aoki, a, |r| r.title = "届くまで待つ".into());
    let written = PathBuf::from(aoki.sync_folder(a).unwrap().wrote.unwrap());
    let whole = fs::read(&written).unwrap();
    let writer = written.parent().unwrap().to_owned();
    // Another report's file, put in this report's folder by mistake: taken, it would make
    // the folder's copy another report's, and every look would fail.
    let elsewhere = dir.path().join("elsewhere");
    fs::create_dir(&elsewhere).unwrap();
    let other = aoki.create_blank().unwrap();
    let other_file = aoki.link_folder(other, &elsewhere).unwrap().wrote.unwrap();
    let other_report = fs::read(other_file).unwrap();
    // Each state a sync service can leave a file in, with what the user is told.
    let cases: [(&[u8], &str); 5] = [
        (&[], "cut_short"),
        (&whole[..10], "cut_short"),
        (&whole[..whole.len() * 2 / 3], "unreadable"),
        (b"<html>a sync service's error page</html>", "foreign"),
        (&other_report, "foreign"),
    ];
    let before = (revisions(&suzuki, s), report_json(&suzuki, s));
    for (bytes, found) in cases {
        fs::write(&written, bytes).unwrap();
        let look = suzuki.sync_folder(s).unwrap();
        assert!(!look.merged.changed, "{found}");
        assert_eq!(look.refused.len(), 1, "{found}: {:?}", look.refused);
        let refused = &look.refused[0];
        assert_eq!(refused.code, ErrorCode::SharedFolderFileRefused);
        assert_eq!(
            refused.params.path.as_deref(),
            Some(&*written.to_string_lossy())
        );
        assert_eq!(refused.params.found.as_deref(), Some(found));
        assert_eq!(
            refused.params.detail, None,
            "the user's message carries no library words"
        );
        assert_eq!((revisions(&suzuki, s), report_json(&suzuki, s)), before);
        assert_eq!(
            fs::read(&written).unwrap(),
            bytes,
            "the file is left as it is"
        );
    }
    // A file being written under another name (a sync service's partial file) is not
    // one of the folder's files at all.
    fs::write(
        writer.join(".000001.rapporteur-update.partial"),
        &whole[..5],
    )
    .unwrap();
    fs::write(&written, &whole).unwrap();
    let look = suzuki.sync_folder(s).unwrap();
    assert!(look.refused.is_empty(), "{:?}", look.refused);
    assert!(look.merged.changed);
    assert_eq!(title(&suzuki, s), "届くまで待つ");
}

#[test]
fn files_arriving_in_any_order_give_the_same_report() {
    let dir = tempfile::tempdir().unwrap();
    let shared = dir.path().join("shared");
    let late = dir.path().join("late");
    fs::create_dir(&shared).unwrap();
    fs::create_dir(&late).unwrap();
    let mut aoki = library(dir.path(), "aoki", "青木");
    let mut suzuki = library(dir.path(), "suzuki", "鈴木");
    let mut tanaka = library(dir.path(), "tanaka", "田中");
    let a = aoki.import_files(&[PathBuf::from(EXAMPLE)]).unwrap()[0].id;
    let s = share(dir.path(), &mut aoki, a, &mut suzuki);
    let t = share(dir.path(), &mut aoki, a, &mut tanaka);
    aoki.link_folder(a, &shared).unwrap();
    suzuki.link_folder(s, &shared).unwrap();
    for round in 0..3 {
        edit(&mut aoki, a, |r| r.title = format!("青木 {round}"));
        aoki.sync_folder(a).unwrap();
        edit(&mut suzuki, s, |r| {
            r.meeting.city = Some(format!("鈴木 {round}"));
        });
        suzuki.sync_folder(s).unwrap();
    }
    aoki.sync_folder(a).unwrap();
    assert_eq!(report_json(&aoki, a), report_json(&suzuki, s));

    // Tanaka's sync service delivers the same files into Tanaka's folder newest first;
    // Tanaka's app looks after each one.
    tanaka.link_folder(t, &late).unwrap();
    let document = aoki.report_folder(a).unwrap();
    let mut delivered: Vec<PathBuf> = files(&document);
    delivered.reverse();
    let target = tanaka.report_folder(t).unwrap();
    for file in delivered {
        let to = target.join(&file);
        fs::create_dir_all(to.parent().unwrap()).unwrap();
        fs::copy(document.join(&file), &to).unwrap();
        let look = tanaka.sync_folder(t).unwrap();
        assert!(
            look.refused.is_empty(),
            "a file waiting for an earlier one is not damaged"
        );
    }
    assert_eq!(report_json(&tanaka, t), report_json(&aoki, a));
    assert_eq!(title(&tanaka, t), "青木 2");
}

#[test]
fn a_folder_that_is_not_there_is_refused_by_its_code() {
    let dir = tempfile::tempdir().unwrap();
    let mut aoki = library(dir.path(), "aoki", "青木");
    let a = aoki.import_files(&[PathBuf::from(EXAMPLE)]).unwrap()[0].id;
    let missing = dir.path().join("未接続のドライブ");
    let err = aoki.link_folder(a, &missing).unwrap_err();
    assert_eq!(err.code, ErrorCode::SharedFolderMissing);
    assert_eq!(aoki.linked_folder(a).unwrap(), None);
    let shared = dir.path().join("shared");
    fs::create_dir(&shared).unwrap();
    aoki.link_folder(a, &shared).unwrap();
    fs::rename(&shared, dir.path().join("moved")).unwrap();
    let err = aoki.sync_folder(a).unwrap_err();
    assert_eq!(err.code, ErrorCode::SharedFolderMissing);
    assert_eq!(err.params.path.as_deref(), Some(&*shared.to_string_lossy()));
}

#[test]
fn writing_after_a_save_merges_nothing_until_the_editor_asks() {
    let (dir, shared) = folder();
    let (mut aoki, a, mut suzuki, s) = linked_pair(dir.path(), &shared);
    edit(&mut aoki, a, |r| r.title = "青木の題".into());
    assert!(aoki.write_folder(a).unwrap().is_some());
    assert_eq!(aoki.write_folder(a).unwrap(), None, "written once");
    edit(&mut suzuki, s, |r| r.meeting.city = Some("ソウル".into()));
    let kept = revisions(&suzuki, s);
    assert!(suzuki.write_folder(s).unwrap().is_some());
    assert_eq!(
        revisions(&suzuki, s),
        kept,
        "Aoki's edit is not merged behind the editor"
    );
    assert_ne!(title(&suzuki, s), "青木の題");
    assert!(suzuki.sync_folder(s).unwrap().merged.changed);
    assert!(aoki.sync_folder(a).unwrap().merged.changed);
    assert_eq!(report_json(&aoki, a), report_json(&suzuki, s));
    assert_eq!(title(&aoki, a), "青木の題");
    assert_eq!(
        aoki.report(a).unwrap().report.meeting.city.as_deref(),
        Some("ソウル")
    );
}
