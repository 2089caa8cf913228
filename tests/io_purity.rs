//! `src/io` stays pure (ARCHITECTURE.md): no browser crates, no clock, no files, no
//! environment. The browser app and the command line call the same functions, so whatever
//! they need from the outside world they pass in.

use std::path::Path;

const FORBIDDEN: [&str; 10] = [
    "leptos",
    "web_sys",
    "wasm_bindgen",
    "js_sys",
    "gloo",
    "SystemTime",
    "Utc::now",
    "Local::now",
    "std::env",
    "std::fs",
];

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn src_io_touches_no_browser_clock_file_or_environment() {
    let mut files = Vec::new();
    rust_files(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src/io"), &mut files);
    assert!(files.len() >= 5, "src/io has its modules");
    let mut found = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap();
        for (number, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            for word in FORBIDDEN {
                if code.contains(word) {
                    found.push(format!("{}:{}: {word}", file.display(), number + 1));
                }
            }
        }
    }
    assert!(found.is_empty(), "src/io must stay pure:\n{}", found.join("\n"));
}

/// The browser crates the app uses behind the `web` feature.
const UI_CRATES: [&str; 5] = ["leptos", "web_sys", "wasm_bindgen", "js_sys", "gloo"];

/// The whole core (`src/model`, `src/solve`, `src/synth.rs`, `src/io`) and the browser app's pure
/// parts (`src/ui/vm`, `src/ui/i18n`, tested natively) never name a browser crate; only the
/// Leptos components (`src/ui/shell`, `edit`, `plan`) and `src/main.rs` do (ARCHITECTURE.md, Invariants).
#[test]
fn the_core_and_the_view_model_import_no_browser_crate() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = vec![root.join("src/synth.rs")];
    for dir in ["src/model", "src/solve", "src/io", "src/ui/vm", "src/ui/i18n"] {
        rust_files(&root.join(dir), &mut files);
    }
    assert!(files.len() >= 20, "the core and the view-model have their modules");
    let mut found = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap();
        for (number, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            for word in UI_CRATES {
                if code.contains(word) {
                    found.push(format!("{}:{}: {word}", file.display(), number + 1));
                }
            }
        }
    }
    assert!(found.is_empty(), "a browser crate is named outside the Leptos components:\n{}", found.join("\n"));
}

/// Names that read a clock.
const CLOCKS: [&str; 5] = ["Instant", "SystemTime", "web_time", "Utc::now", "Local::now"];

/// The core reads the clock in one place only: `src/solve/deadline.rs`, for the time limit
/// and `stats.solve_ms` (ARCHITECTURE.md, Invariants). Anywhere else in `src/model`,
/// `src/io`, `src/solve` or `src/synth.rs`, a clock could slip into a plan or a file.
#[test]
fn only_the_solver_deadline_reads_a_clock_in_the_core() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = vec![root.join("src/synth.rs")];
    for dir in ["src/model", "src/solve", "src/io"] {
        rust_files(&root.join(dir), &mut files);
    }
    let deadline = root.join("src/solve/deadline.rs");
    assert!(files.contains(&deadline), "the solver's clock lives in src/solve/deadline.rs");
    let mut found = Vec::new();
    for file in files.iter().filter(|file| **file != deadline) {
        let text = std::fs::read_to_string(file).unwrap();
        for (number, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            for word in CLOCKS {
                if code.contains(word) {
                    found.push(format!("{}:{}: {word}", file.display(), number + 1));
                }
            }
        }
    }
    assert!(found.is_empty(), "a clock is read outside src/solve/deadline.rs:\n{}", found.join("\n"));
}
