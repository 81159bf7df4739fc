//! Time `write_docx` for the repository's example report and a synthetic thirty-page
//! document (`cargo bench -p rapporteur-docx`); `make bench` compares it with pandoc.

#[path = "../tests/fixtures/mod.rs"]
mod fixtures;

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use rapporteur_docx::write_docx;

fn export(c: &mut Criterion) {
    let options = fixtures::options();
    for (name, doc) in [
        ("example report (8 pages)", fixtures::example_report()),
        ("synthetic 30 pages", fixtures::thirty_pages()),
    ] {
        c.bench_function(&format!("write_docx {name}"), |b| {
            b.iter(|| write_docx(black_box(&doc), &options).expect("the document is written"))
        });
    }
}

criterion_group!(benches, export);
criterion_main!(benches);
