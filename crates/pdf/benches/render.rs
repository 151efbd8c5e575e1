//! Renders a ~20-page audit-like report (cover, score cards, line, bar and heatmap charts, a
//! 320-row table, paragraphs and lists; no logo). Targets: ≤ 100 ms and ≤ 300 KB.
//! `cargo bench -p instagrowth-pdf --bench render`

#[path = "../tests/common/mod.rs"]
mod common;

use criterion::{criterion_group, criterion_main, Criterion};

fn render_audit(c: &mut Criterion) {
    let doc = common::audit_document();
    let bytes = instagrowth_pdf::render(&doc).expect("renders");
    let path = common::write("bench-audit", &bytes);
    println!(
        "audit report: {} pages, {} bytes ({:.1} KB)",
        common::page_count(&path),
        bytes.len(),
        bytes.len() as f64 / 1024.0
    );
    c.bench_function("render 20-page audit", |b| {
        b.iter(|| instagrowth_pdf::render(std::hint::black_box(&doc)).expect("renders"))
    });
}

criterion_group!(benches, render_audit);
criterion_main!(benches);
