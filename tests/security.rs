//! What the web view may do, pinned: a change to the capabilities or the CSP fails here
//! until this list is changed with it, in the same commit, for a reason.

use serde_json::Value;
use std::collections::BTreeMap;
use std::path::Path;

fn json(path: &str) -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    serde_json::from_str(&std::fs::read_to_string(&path).unwrap())
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn the_window_has_only_the_permissions_the_ui_uses() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src-tauri/capabilities");
    let files: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(files, ["default.json"], "one capability file");
    let capability = json("src-tauri/capabilities/default.json");
    assert_eq!(capability["windows"], serde_json::json!(["main"]));
    assert_eq!(
        capability["permissions"],
        // The window's own close, which the editor intercepts to save first (listen to the
        // close request, destroy after the save; Ctrl+Q asks for the close), and the two
        // file dialogs (import, export); the app's own commands need none.
        serde_json::json!([
            "core:event:allow-listen",
            "core:event:allow-unlisten",
            "core:window:allow-close",
            "core:window:allow-destroy",
            "dialog:allow-open",
            "dialog:allow-save"
        ])
    );
    assert!(capability.get("remote").is_none(), "no remote URL gets IPC");
}

#[test]
fn the_content_security_policy_allows_the_app_itself_and_nothing_else() {
    let config = json("tauri.conf.json");
    let security = &config["app"]["security"];
    let csp = security["csp"].as_str().expect("a CSP");
    let directives: BTreeMap<&str, Vec<&str>> = csp
        .split(';')
        .map(|d| {
            let mut words = d.split_whitespace();
            (words.next().unwrap(), words.collect())
        })
        .collect();
    let expected: BTreeMap<&str, Vec<&str>> = [
        ("default-src", vec!["'self'"]),
        ("script-src", vec!["'self'"]),
        ("style-src", vec!["'self'"]),
        ("img-src", vec!["'self'", "data:"]),
        ("font-src", vec!["'self'"]),
        // Tauri's IPC, nothing remote.
        ("connect-src", vec!["ipc:", "http://ipc.localhost"]),
        ("object-src", vec!["'none'"]),
        ("base-uri", vec!["'none'"]),
        ("frame-ancestors", vec!["'none'"]),
        ("form-action", vec!["'none'"]),
    ]
    .into_iter()
    .collect();
    assert_eq!(directives, expected);
    // Tauri would otherwise relax the CSP it injects (nonces and hashes stay on).
    assert!(security
        .get("dangerousDisableAssetCspModification")
        .is_none());
    assert_eq!(config["app"]["withGlobalTauri"], false);
}

/// Report text reaches the page only as text: no Svelte `{@html}`, no `innerHTML`.
#[test]
fn the_ui_never_renders_text_as_html() {
    fn walk(dir: &Path, found: &mut Vec<String>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, found);
            } else if path.extension().is_some_and(|e| e == "svelte" || e == "ts") {
                let text = std::fs::read_to_string(&path).unwrap();
                for needle in ["{@html", "innerHTML", "outerHTML", "insertAdjacentHTML"] {
                    if text.contains(needle) {
                        found.push(format!("{}: {needle}", path.display()));
                    }
                }
            }
        }
    }
    let mut found = Vec::new();
    walk(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("ui/src"),
        &mut found,
    );
    assert!(found.is_empty(), "{found:#?}");
}
