fn main() {
    // tauri.conf.json sits beside Cargo.toml at the root; the capabilities stay with the
    // shell's sources.
    tauri_build::try_build(
        tauri_build::Attributes::new().capabilities_path_pattern("./src-tauri/capabilities/**/*"),
    )
    .expect("tauri-build failed");
}
