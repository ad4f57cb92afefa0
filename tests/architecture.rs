//! The shape of the code, checked on every run (README, "How the code is laid out"): the lower
//! layers import no feature, no feature reaches into another's pages or handlers, every file
//! starts by saying what it holds, the features stack without a cycle (no two import each
//! other, directly or round a circle), and no file is over 500 lines. `cargo test --test
//! architecture -- --nocapture` prints the import graph.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The features: each one folder of `src/`, in the same shape.
const FEATURES: &[&str] = &[
    "accounts",
    "alerts",
    "applications",
    "audit",
    "casework",
    "fairs",
    "home",
    "matches",
    "media",
    "organisations",
    "preferences",
    "seekers",
    "vacancies",
];

/// What every feature may use and which may use no feature, nor the server, nor the app.
const LOWER: &[&str] = &["components", "domain", "ui", "i18n", "error", "coded"];

/// The most lines a file may have: past it, a file holds more than one thing.
const MAX_LINES: usize = 500;

fn rust_files(dir: &Path, into: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, into);
        } else if path.extension().is_some_and(|e| e == "rs") {
            into.push(path);
        }
    }
}

/// Every `.rs` file of `folders`, relative to the crate, with its text.
fn sources(folders: &[&str]) -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for folder in folders {
        rust_files(&root.join(folder), &mut files);
    }
    let mut out: Vec<(String, String)> = files
        .into_iter()
        .map(|path| {
            let text = std::fs::read_to_string(&path).unwrap();
            (path.strip_prefix(root).unwrap().to_string_lossy().replace('\\', "/"), text)
        })
        .collect();
    out.sort();
    out
}

/// The top-level module a file of `src/` belongs to: `src/seekers/pages/cv.rs` → `seekers`.
fn module_of(file: &str) -> &str {
    let rest = file.strip_prefix("src/").unwrap_or(file);
    let first = rest.split('/').next().unwrap_or(rest);
    first.strip_suffix(".rs").unwrap_or(first)
}

/// Each `crate::a::b…` path a file names, as (`a`, `b…`).
fn crate_paths(text: &str) -> Vec<(String, String)> {
    let mut found = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find("crate::") {
        // `$crate::` in macros names the same crate.
        let path: String =
            rest[at + 7..].chars().take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':').collect();
        let mut parts = path.split("::");
        let top = parts.next().unwrap_or("").to_string();
        let next = parts.next().unwrap_or("").to_string();
        found.push((top, next));
        rest = &rest[at + 7..];
    }
    found
}

/// Which top-level modules each module imports, with one file that does for each.
fn import_graph() -> BTreeMap<String, BTreeMap<String, String>> {
    let mut graph: BTreeMap<String, BTreeMap<String, String>> = BTreeMap::new();
    for (file, text) in sources(&["src"]) {
        let from = module_of(&file).to_string();
        for (to, _) in crate_paths(&text) {
            if to != from && !to.is_empty() {
                graph.entry(from.clone()).or_default().entry(to).or_insert_with(|| file.clone());
            }
        }
    }
    graph
}

#[test]
fn the_lower_layers_import_no_feature_and_nothing_server_only() {
    let mut wrong = Vec::new();
    for (file, text) in sources(&["src"]) {
        if !LOWER.contains(&module_of(&file)) {
            continue;
        }
        for (to, _) in crate_paths(&text) {
            if FEATURES.contains(&to.as_str()) || to == "server" || to == "app" {
                wrong.push(format!("{file} imports crate::{to}"));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn no_feature_reaches_into_another_features_pages_or_handlers() {
    let mut wrong = Vec::new();
    for (file, text) in sources(&["src"]) {
        let from = module_of(&file);
        for (to, part) in crate_paths(&text) {
            if to != from
                && FEATURES.contains(&from)
                && FEATURES.contains(&to.as_str())
                && (part == "pages" || part == "handlers")
            {
                wrong.push(format!(
                    "{file} uses crate::{to}::{part}: use that feature's api, store or a component it shares"
                ));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// A cycle among `features` in `uses` (feature → the features it imports), as the path that
/// closes it; `None` when they stack, each importing only features below it.
fn cycle_in(features: &[&str], uses: &dyn Fn(&str, &str) -> bool) -> Option<Vec<String>> {
    // Depth-first search; a feature met again while still on the path closes a cycle.
    fn visit(
        at: &str,
        features: &[&str],
        uses: &dyn Fn(&str, &str) -> bool,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(start) = path.iter().position(|f| f == at) {
            let mut cycle = path[start..].to_vec();
            cycle.push(at.to_string());
            return Some(cycle);
        }
        if done.contains(at) {
            return None;
        }
        path.push(at.to_string());
        for next in features.iter().filter(|next| uses(at, next)) {
            if let Some(cycle) = visit(next, features, uses, path, done) {
                return Some(cycle);
            }
        }
        path.pop();
        done.insert(at.to_string());
        None
    }
    let mut done = BTreeSet::new();
    features.iter().find_map(|f| visit(f, features, uses, &mut Vec::new(), &mut done))
}

#[test]
fn a_cycle_among_features_is_found() {
    let edges = [("a", "b"), ("b", "c"), ("c", "a"), ("d", "a")];
    let uses = |x: &str, y: &str| edges.contains(&(x, y));
    assert_eq!(cycle_in(&["a", "b", "c", "d"], &uses), Some(vec!["a".into(), "b".into(), "c".into(), "a".into()]));
    let stacked = |x: &str, y: &str| edges[..2].contains(&(x, y));
    assert_eq!(cycle_in(&["a", "b", "c", "d"], &stacked), None);
}

#[test]
fn features_stack_without_a_cycle() {
    let graph = import_graph();
    for (from, to) in &graph {
        if FEATURES.contains(&from.as_str()) {
            println!(
                "{from} → {}",
                to.keys().filter(|t| FEATURES.contains(&t.as_str())).cloned().collect::<Vec<_>>().join(", ")
            );
        }
    }
    let uses = |a: &str, b: &str| graph.get(a).is_some_and(|to| to.contains_key(b));
    let pairs = FEATURES
        .iter()
        .flat_map(|a| FEATURES.iter().map(move |b| (a, b)))
        .filter(|(a, b)| a < b && uses(a, b) && uses(b, a))
        .count();
    println!("feature pairs importing each other both ways: {pairs}");
    if let Some(cycle) = cycle_in(FEATURES, &uses) {
        let steps: Vec<String> =
            cycle.windows(2).map(|w| format!("{} → {} ({})", w[0], w[1], graph[&w[0]][&w[1]])).collect();
        panic!(
            "features import each other in a circle — move the shared part down, or let the app wire the \
             higher one's part into the lower one's page:\n{}",
            steps.join("\n")
        );
    }
}

#[test]
fn no_file_is_over_500_lines() {
    let long: Vec<_> = sources(&["src", "tests", "benches"])
        .into_iter()
        .filter(|(_, text)| text.lines().count() > MAX_LINES)
        .map(|(file, _)| file)
        .collect();
    assert!(long.is_empty(), "over {MAX_LINES} lines: {long:?} — split along what the parts are");
}

#[test]
fn every_file_starts_by_saying_what_it_holds() {
    let missing: Vec<_> = sources(&["src", "tests", "benches"])
        .into_iter()
        .filter(|(_, text)| !text.starts_with("//!"))
        .map(|(file, _)| file)
        .collect();
    assert!(missing.is_empty(), "files without a `//!` first comment: {missing:?}");
}

#[test]
fn the_import_reader_sees_paths_as_the_compiler_does() {
    let text = "use crate::seekers::pages::cv::CvPage;\n$crate::server::db::DbError";
    assert_eq!(
        crate_paths(text),
        [("seekers".to_string(), "pages".to_string()), ("server".to_string(), "db".to_string())]
    );
    assert_eq!(module_of("src/seekers/pages/cv.rs"), "seekers");
    assert_eq!(module_of("src/ui.rs"), "ui");
}
