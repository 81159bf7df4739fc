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
        // close request, destroy after the save; Ctrl+Q asks for the close); the app's own
        // commands need none. No dialog permission: the shell shows the file dialogs
        // itself and remembers the files chosen, which alone its commands read or write.
        serde_json::json!([
            "core:event:allow-listen",
            "core:event:allow-unlisten",
            "core:window:allow-close",
            "core:window:allow-destroy"
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

/// Calls `command` with `args` through the app's own IPC handler (Tauri's mock runtime);
/// gives its result, or its error as the page would receive it.
fn invoke(
    webview: &tauri::WebviewWindow<tauri::test::MockRuntime>,
    command: &str,
    args: Value,
) -> Result<Value, Value> {
    tauri::test::get_ipc_response(
        webview,
        tauri::webview::InvokeRequest {
            cmd: command.into(),
            callback: tauri::ipc::CallbackFn(0),
            error: tauri::ipc::CallbackFn(1),
            url: "tauri://localhost".parse().unwrap(),
            body: tauri::ipc::InvokeBody::Json(args),
            headers: Default::default(),
            invoke_key: tauri::test::INVOKE_KEY.to_string(),
        },
    )
    .map(|body| body.deserialize().unwrap())
}

/// A page made to run hostile script names files itself: every command that reads or
/// writes a file refuses a path the user did not choose in a file dialog (or hand to the
/// app from the desktop), and nothing is read or written.
#[test]
fn the_commands_refuse_a_path_the_user_did_not_choose() {
    let dir = tempfile::tempdir().unwrap();
    // The app's database, for this process (the only test here that opens one).
    std::env::set_var("RAPPORTEUR_DB", dir.path().join("reports.sqlite3"));
    let chosen_by_the_user = dir.path().join("chosen.txt");
    let answer = chosen_by_the_user.clone();
    let app = tauri::test::mock_builder()
        .invoke_handler(rapporteur_app::file_commands())
        .manage(rapporteur_app::AppState::default())
        // The user at the dialog: always picks the same file.
        .manage(rapporteur_app::Dialogs::answered_by(move |_| {
            Some(answer.clone())
        }))
        .build(tauri::test::mock_context(tauri::test::noop_assets()))
        .unwrap();
    let webview = tauri::WebviewWindowBuilder::new(&app, "main", Default::default())
        .build()
        .unwrap();
    let reports = || invoke(&webview, "list_reports", serde_json::json!({})).unwrap();
    let before = reports();
    assert_eq!(before.as_array().unwrap().len(), 1, "the example: {before}");

    let victim = dir.path().join("victim.txt");
    std::fs::write(&victim, "kept").unwrap();
    let secret = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/sg17-2025-12.report.json");
    let db = dir.path().join("reports.sqlite3");
    for (command, args) in [
        (
            "export_report",
            serde_json::json!({ "id": 1, "format": "text", "path": victim }),
        ),
        (
            "export_report",
            serde_json::json!({ "id": 1, "format": "json", "path": db }),
        ),
        ("import_report_file", serde_json::json!({ "path": secret })),
        (
            "import_report_file",
            serde_json::json!({ "path": "/etc/passwd" }),
        ),
        ("open_file", serde_json::json!({ "path": secret })),
    ] {
        let err = invoke(&webview, command, args.clone()).unwrap_err();
        assert_eq!(err["code"], "not_chosen", "{command} {args}: {err}");
        let path = args["path"].as_str().unwrap();
        assert!(
            err["message"]
                .as_str()
                .unwrap()
                .starts_with(&format!("{path}: not a file chosen in")),
            "{err}"
        );
    }
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "kept");
    assert_eq!(reports(), before, "nothing was imported");

    // The file the user chose in the export dialog is written, and only for writing.
    let filter = serde_json::json!({ "name": "text", "extensions": ["txt"] });
    let chosen = invoke(
        &webview,
        "choose_export_file",
        serde_json::json!({ "title": "export", "fileName": "r.txt", "filter": filter }),
    )
    .unwrap();
    assert_eq!(chosen, serde_json::json!(chosen_by_the_user));
    let args = serde_json::json!({ "id": 1, "format": "text", "path": chosen });
    assert_eq!(
        invoke(&webview, "export_report", args).unwrap(),
        serde_json::json!({ "template": null, "own_styles": [] })
    );
    assert!(std::fs::read_to_string(&chosen_by_the_user)
        .unwrap()
        .starts_with("ITU-T SG17第2回会合報告\n"));
    let err = invoke(
        &webview,
        "import_report_file",
        serde_json::json!({ "path": chosen }),
    )
    .unwrap_err();
    assert_eq!(
        err["code"], "not_chosen",
        "chosen to write, not to read: {err}"
    );
    // A Word template is read only from the file chosen in its dialog, and so is a
    // colleague's copy to merge (co-authoring names no file either); a file that is not
    // one is refused, naming it.
    for (command, args, refused) in [
        (
            "choose_word_template",
            serde_json::json!({ "id": 1, "title": "template", "filterName": "Word" }),
            "word_template_refused",
        ),
        (
            "merge_copy",
            serde_json::json!({ "id": 1, "title": "merge", "filterName": "co-authoring" }),
            "share_file_not_one",
        ),
    ] {
        let err = invoke(&webview, command, args).unwrap_err();
        assert_eq!(err["code"], refused, "{err}");
        assert_eq!(err["params"]["path"], serde_json::json!(chosen_by_the_user));
    }

    // The share file is written where the user chose in the save dialog.
    let shared = invoke(
        &webview,
        "share_report",
        serde_json::json!({ "id": 1, "title": "share", "fileName": "r.rapporteur", "filterName": "co-authoring" }),
    )
    .unwrap();
    assert_eq!(shared, serde_json::json!(chosen_by_the_user));
    assert!(std::fs::read(&chosen_by_the_user)
        .unwrap()
        .starts_with(b"rapporteur.share\n"));
    // Its own copy merged back brings nothing.
    let merged = invoke(
        &webview,
        "merge_copy",
        serde_json::json!({ "id": 1, "title": "merge", "filterName": "co-authoring" }),
    )
    .unwrap();
    assert_eq!(merged["changed"], serde_json::json!(false), "{merged}");
    assert_eq!(merged["summary"]["conflicts"], serde_json::json!([]));
    assert_eq!(reports(), before, "nothing added");
}
