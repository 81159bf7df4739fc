//! The same document and options give the same bytes, whatever was exported before and
//! on whichever thread: the lead compares exports in tests and users diff them.

mod fixtures;

use rapporteur_docx::write_docx;

#[test]
fn the_same_document_gives_the_same_bytes() {
    let export = |doc: &rapporteur_prose::Document| write_docx(doc, &fixtures::options()).unwrap();
    let first = export(&fixtures::every_node_kind());
    // Another document in between, on this thread and on a fresh one.
    export(&fixtures::hostile());
    assert!(
        first == export(&fixtures::every_node_kind()),
        "differs on the same thread"
    );
    let elsewhere = std::thread::spawn(move || export(&fixtures::every_node_kind()))
        .join()
        .unwrap();
    assert!(first == elsewhere, "differs on another thread");
}

#[test]
fn the_dates_given_are_the_dates_written() {
    let mut options = fixtures::options();
    let first = write_docx(&fixtures::every_node_kind(), &options).unwrap();
    options.modified += chrono::Duration::days(1);
    assert!(first != write_docx(&fixtures::every_node_kind(), &options).unwrap());
}
