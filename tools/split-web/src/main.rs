//! `split-web DIST`: the standalone app (`qudra-web`) built with the `split` feature and split
//! into a main wasm and one chunk per split point, written into Trunk's `DIST` (`make build-web`
//! runs it after `trunk build --release`, which keeps the styles, the workers, the connected
//! app and `index.html`, and whose unsplit build of the app it replaces: Trunk cannot split a
//! wasm, hence this tool. The steps:
//!
//! 1. `cargo rustc --bin qudra-web --no-default-features --features web,split` (profile
//!    `wasm-release`, the main crate's `target/`; no default features, so no HiGHS), linked
//!    with `--emit-relocs` so that the splitter can move code;
//! 2. `wasm_split_cli_support::transform`: the main module, one wasm per split point (and per
//!    piece of code shared by several), and the JS that fetches them;
//! 3. `wasm-bindgen --target web --keep-lld-exports` on the main module (the chunks use its
//!    memory, table and the exports the splitter added);
//! 4. `wasm-opt -Oz` (binaryen 132, as Trunk runs it) on every wasm;
//! 5. every file named `…-HASH.ext`, HASH the content hash of the whole set (they name each
//!    other, so one hash for all), which the servers keep a year (`immutable`), and the names
//!    of the main JS and wasm put into `DIST/index.html`'s `data-js` and `data-wasm`, which
//!    `public/boot.js` reads, in place of Trunk's, whose two files are removed.
//!
//! The tools come from `PATH` (`make setup-web` installs them) and `CARGO`.

use std::collections::BTreeMap;
use std::hash::{DefaultHasher, Hasher};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

/// The app's binary and the base of every file name this tool writes.
const APP: &str = "qudra-web";
/// The attributes of `index.html`'s boot.js tag that name the main module's files (Trunk.toml's
/// `pattern_script`).
const JS_ATTR: &str = "data-js=\"";
const WASM_ATTR: &str = "data-wasm=\"";
/// The features wasm-opt may use: those rustc's wasm32 target emits today. The chunks carry no
/// `target_features` section for binaryen to read, so they are named for every piece.
const WASM_FEATURES: &[&str] = &[
    "--enable-bulk-memory",
    "--enable-mutable-globals",
    "--enable-nontrapping-float-to-int",
    "--enable-sign-ext",
    "--enable-reference-types",
    "--enable-multivalue",
];

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [dist] = args.as_slice() else {
        eprintln!("usage: split-web DIST (run from the repository's root, after `trunk build --release`)");
        return ExitCode::from(2);
    };
    match build(Path::new(dist)) {
        Ok(files) => {
            for (name, size) in files {
                println!("split-web: {dist}/{name} ({size} B)");
            }
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("split-web: {message}");
            ExitCode::FAILURE
        }
    }
}

/// Runs a command, its failure an error naming it.
fn run(command: &mut Command) -> Result<(), String> {
    let shown = format!("{command:?}");
    let status = command.status().map_err(|e| format!("cannot run {shown}: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{shown} failed ({status})"))
    }
}

fn read(path: &Path) -> Result<Vec<u8>, String> {
    std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

fn write(path: &Path, data: &[u8]) -> Result<(), String> {
    std::fs::write(path, data).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

/// `text` with `from` replaced by `to`, which must occur exactly once (else the generated
/// code is not what this tool knows, and the error says which file and which text).
fn replace_once(text: &str, from: &str, to: &str, file: &str) -> Result<String, String> {
    match text.matches(from).count() {
        1 => Ok(text.replacen(from, to, 1)),
        n => Err(format!("{file}: expected `{from}` once, found it {n} times")),
    }
}

/// `index` with the file the attribute `attr` names (`/qudra-web-….js`, Trunk's) replaced by
/// `/name`; returns the new text and the name replaced. The attribute must occur once and name
/// one of Trunk's files of the app.
fn repoint(index: &str, attr: &str, name: &str) -> Result<(String, String), String> {
    if index.matches(attr).count() != 1 {
        return Err(format!("index.html: expected one `{attr}…\"` (Trunk.toml's pattern_script)"));
    }
    let start = index.find(attr).map(|at| at + attr.len()).unwrap_or_default();
    let end =
        index[start..].find('"').map(|len| start + len).ok_or_else(|| format!("index.html: `{attr}` is not closed"))?;
    let old = index[start..end].trim_start_matches('/');
    if !old.starts_with(&format!("{APP}-")) || old.contains('/') {
        return Err(format!("index.html: `{attr}{old}\"` does not name Trunk's build of {APP}"));
    }
    Ok((format!("{}/{name}{}", &index[..start], &index[end..]), old.to_string()))
}

/// Builds, splits, binds, optimises and names the app's files; returns each written file's
/// name and size.
fn build(dist: &Path) -> Result<Vec<(String, usize)>, String> {
    let index_path = dist.join("index.html");
    let index = String::from_utf8(read(&index_path)?).map_err(|e| format!("{}: {e}", index_path.display()))?;
    let work = PathBuf::from("target/split-web");
    if work.exists() {
        std::fs::remove_dir_all(&work).map_err(|e| format!("cannot empty {}: {e}", work.display()))?;
    }
    let split_dir = work.join("split");
    let bound_dir = work.join("bound");

    // 1. The app, linked with its relocations.
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_string());
    run(Command::new(cargo).args([
        "rustc",
        "--bin",
        APP,
        "--no-default-features",
        "--features",
        "web,split",
        "--profile",
        "wasm-release",
        "--target",
        "wasm32-unknown-unknown",
        "--",
        "-Clink-arg=--emit-relocs",
    ]))?;
    let linked = read(Path::new("target/wasm32-unknown-unknown/wasm-release/qudra-web.wasm"))?;

    // 2. Split. The main module imports the chunks' loaders from `link`, which imports
    // `initSync` from the main module's JS: both renamed in step 5.
    let main_wasm = split_dir.join("main.wasm");
    let link = format!("./{APP}-split.js");
    let main_js = format!("./{APP}.js");
    let mut options = wasm_split_cli_support::Options::new(&linked);
    options.output_dir = &split_dir;
    options.main_out_path = &main_wasm;
    options.link_name = &link;
    options.main_module = &main_js;
    let split = wasm_split_cli_support::transform(options).map_err(|e| format!("splitting the app's wasm: {e:#}"))?;

    // 3. The main module's JS glue, keeping the exports the chunks need.
    run(Command::new("wasm-bindgen")
        .args(["--target", "web", "--no-typescript", "--keep-lld-exports", "--out-name", APP, "--out-dir"])
        .arg(&bound_dir)
        .arg(&main_wasm))?;

    // 4. Every wasm optimised for size, as Trunk does its own.
    let mut wasms = vec![(format!("{APP}_bg.wasm"), bound_dir.join(format!("{APP}_bg.wasm")))];
    for chunk in &split.split_modules {
        let name = chunk
            .file_name()
            .and_then(|n| n.to_str())
            .ok_or_else(|| format!("a chunk without a name: {}", chunk.display()))?;
        wasms.push((name.to_string(), chunk.clone()));
    }
    let mut pieces = BTreeMap::new();
    for (name, path) in &wasms {
        let optimised = work.join(format!("opt-{name}"));
        run(Command::new("wasm-opt").arg("-Oz").args(WASM_FEATURES).arg(path).arg("-o").arg(&optimised))?;
        pieces.insert(name.clone(), read(&optimised)?);
    }
    let main_glue =
        String::from_utf8(read(&bound_dir.join(format!("{APP}.js")))?).map_err(|e| format!("{APP}.js: {e}"))?;
    let link_glue =
        String::from_utf8(read(&split_dir.join(&link[2..]))?).map_err(|e| format!("{}: {e}", &link[2..]))?;

    // 5. One content hash for the whole set, then every name carries it.
    let mut hasher = DefaultHasher::new();
    hasher.write(main_glue.as_bytes());
    hasher.write(link_glue.as_bytes());
    for (name, data) in &pieces {
        hasher.write(name.as_bytes());
        hasher.write(data);
    }
    let hash = format!("{:016x}", hasher.finish());
    let hashed = |name: &str| match name.split_once('.') {
        Some((stem, ext)) => match stem.strip_suffix("_bg") {
            Some(stem) => format!("{stem}-{hash}_bg.{ext}"),
            None => format!("{stem}-{hash}.{ext}"),
        },
        None => format!("{name}-{hash}"),
    };
    let link_name = hashed(&link[2..]);
    let main_js_name = hashed(&main_js[2..]);
    let main_wasm_name = hashed(&format!("{APP}_bg.wasm"));
    // wasm-bindgen imports the loaders' module once per group of imports.
    let from_link = format!("from \"{link}\"");
    if !main_glue.contains(&from_link) {
        return Err(format!("the main JS: no `{from_link}`"));
    }
    let main_glue = main_glue.replace(&from_link, &format!("from \"./{link_name}\""));
    let mut link_glue = replace_once(
        &link_glue,
        &format!("from \"{main_js}\""),
        &format!("from \"./{main_js_name}\""),
        "the split JS",
    )?;
    let mut files = vec![(main_js_name.clone(), main_glue.into_bytes()), (link_name, Vec::new())];
    for (name, data) in pieces {
        if name == format!("{APP}_bg.wasm") {
            files.push((main_wasm_name.clone(), data));
        } else {
            let renamed = hashed(&name);
            link_glue =
                replace_once(&link_glue, &format!("\"./{name}\""), &format!("\"./{renamed}\""), "the split JS")?;
            files.push((renamed, data));
        }
    }
    files[1].1 = link_glue.into_bytes();

    // Trunk's own build of the app (unsplit, which `trunk serve` still shows) leaves dist/.
    let (index, trunk_js) = repoint(&index, JS_ATTR, &main_js_name)?;
    let (index, trunk_wasm) = repoint(&index, WASM_ATTR, &main_wasm_name)?;
    for old in [trunk_js, trunk_wasm] {
        let path = dist.join(&old);
        std::fs::remove_file(&path).map_err(|e| format!("cannot remove Trunk's {}: {e}", path.display()))?;
    }
    let mut written = Vec::new();
    for (name, data) in &files {
        write(&dist.join(name), data)?;
        written.push((name.clone(), data.len()));
    }
    write(&index_path, index.as_bytes())?;
    Ok(written)
}
