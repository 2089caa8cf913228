//! The README's examples are what the command line prints: each fenced block after a
//! `<!-- readme-test … -->` comment lists `$ qudra …` commands and their output, and this test
//! runs every one in a scratch folder holding `data/` and the files of `tests/fixtures/readme/`
//! and compares, line for line (only the
//! milliseconds a solve took may differ). Edit the README or the code, and this says when the
//! two drift apart.

mod common;

use std::fs;
use std::path::Path;
use std::process::Command;

use common::cli::{repo, scratch, QUDRA};

const MARKER: &str = "<!-- readme-test";

/// One shown command: its arguments after `qudra`, and the lines shown below it.
struct Example {
    args: Vec<String>,
    shown: Vec<String>,
}

/// The examples of every marked block, in order.
fn examples(readme: &str) -> Vec<Example> {
    let mut examples: Vec<Example> = Vec::new();
    for (_, after) in readme.match_indices(MARKER).map(|(at, _)| readme.split_at(at)) {
        let mut lines = after.lines().skip(1);
        assert_eq!(lines.next().map(str::trim), Some("```text"), "a fenced text block follows each marker");
        for line in lines.take_while(|line| line.trim() != "```") {
            match line.strip_prefix("$ qudra ") {
                Some(command) => {
                    assert!(!command.contains(['"', '\'', '\\']), "keep README commands unquoted: {command}");
                    examples
                        .push(Example { args: command.split_whitespace().map(String::from).collect(), shown: vec![] });
                }
                None => examples.last_mut().expect("a `$ qudra` line first").shown.push(line.to_string()),
            }
        }
    }
    examples
}

/// The line with every `<digits> ms` figure written `N ms`.
fn mask_ms(line: &str) -> String {
    let words: Vec<&str> = line.split(' ').collect();
    let mut masked: Vec<&str> = Vec::new();
    for (i, word) in words.iter().enumerate() {
        let is_ms = words.get(i + 1).is_some_and(|next| next.starts_with("ms"));
        if is_ms && !word.is_empty() && word.chars().all(|c| c.is_ascii_digit()) {
            masked.push("N");
        } else {
            masked.push(word);
        }
    }
    masked.join(" ")
}

fn copy_into(dir: &Path, name: &str) {
    fs::create_dir_all(dir.join(Path::new(name).parent().unwrap())).unwrap();
    fs::copy(repo(name), dir.join(name)).unwrap();
}

#[test]
fn the_readme_shows_what_the_commands_print() {
    let readme = fs::read_to_string(repo("README.md")).unwrap();
    let examples = examples(&readme);
    assert!(examples.len() >= 4, "the README's demo, validate and pins blocks are marked for this test");
    assert!(examples.iter().any(|example| example.args.first().map(String::as_str) == Some("solve")));
    let dir = scratch("examples");
    for name in ["data/demo-2027.json", "data/needs-template.csv", "data/sessions-template.csv"] {
        copy_into(&dir, name);
    }
    // The README's small examples (broken.json, pinned.json) sit beside data/.
    for entry in fs::read_dir(repo("tests/fixtures/readme")).unwrap() {
        let path = entry.unwrap().path();
        fs::copy(&path, dir.join(path.file_name().unwrap())).unwrap();
    }
    for example in examples {
        let out = Command::new(QUDRA).args(&example.args).current_dir(&dir).output().unwrap();
        let printed = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
        let printed: Vec<String> = printed.lines().map(mask_ms).collect();
        let shown: Vec<String> = example.shown.iter().map(|line| mask_ms(line)).collect();
        assert_eq!(
            shown,
            printed,
            "README.md shows `qudra {}` printing other lines than it does",
            example.args.join(" ")
        );
    }
}

#[test]
fn masking_keeps_everything_but_the_milliseconds() {
    assert_eq!(mask_ms("x (692 allocations, 3 ms)"), "x (692 allocations, N ms)");
    assert_eq!(mask_ms("12 items"), "12 items");
}
