//! Writes the sample reports to target/pdf-samples/ (`cargo run -p instagrowth-pdf --example
//! sample`), to look at them: `pdftoppm -png -r 60 target/pdf-samples/audit.pdf target/pdf-samples/audit`.

#[path = "../tests/common/mod.rs"]
mod common;

fn main() {
    // The first render also parses the two fonts (once per process).
    let started = std::time::Instant::now();
    let every = common::document(common::every_block());
    let bytes = instagrowth_pdf::render(&every).expect("renders");
    let elapsed = started.elapsed();
    let path = common::write("every-block", &bytes);
    println!(
        "{} ({} bytes, first render {elapsed:?})",
        path.display(),
        bytes.len()
    );

    let started = std::time::Instant::now();
    let audit = common::audit_document();
    let bytes = instagrowth_pdf::render(&audit).expect("renders");
    let elapsed = started.elapsed();
    let path = common::write("audit", &bytes);
    println!(
        "{} ({} bytes, {} pages, {elapsed:?})",
        path.display(),
        bytes.len(),
        common::page_count(&path)
    );
}
