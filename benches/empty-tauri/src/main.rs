// The least a Tauri 2 app does: one window on a static page.
fn main() {
    tauri::Builder::default()
        .run(tauri::generate_context!())
        .expect("the empty app could not start");
}
