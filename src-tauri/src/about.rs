//! The About box: what this app is, where it keeps its data, and what it ships of others.

use crate::{CommandError, ErrorCode};
use rapporteur_storage::backups_dir;
use serde::{Deserialize, Serialize};
use specta::Type;
use tauri::AppHandle;

/// The lists of third-party packages, written into the UI's build by its build step
/// (`ui/vite.config.ts`: cargo-license over Cargo.lock, rollup-plugin-license over what
/// the UI bundle contains) and embedded in the app with the rest of the UI.
const CRATES: &str = "licenses/crates.json";
const UI_PACKAGES: &str = "licenses/ui.json";

/// The configuration the bundler reads; the copyright is taken from it, where the
/// packages get theirs (the app's runtime copy of the configuration leaves it out).
const TAURI_CONF: &str = include_str!("../../tauri.conf.json");

/// One third-party package the app is built from.
#[derive(Debug, Clone, Serialize, Deserialize, Type, PartialEq, Eq)]
pub struct ThirdParty {
    pub name: String,
    pub version: String,
    /// An SPDX expression, as the package declares it.
    pub license: String,
    #[serde(default)]
    pub repository: Option<String>,
}

/// What the About box shows.
#[derive(Debug, Serialize, Type)]
pub struct About {
    pub name: String,
    pub version: String,
    pub identifier: String,
    pub copyright: String,
    pub license: String,
    /// The database the app works on (`RAPPORTEUR_DB`, or the app's data folder).
    pub database: String,
    /// The folder of its rolling backups.
    pub backups: String,
    /// The Rust crates compiled into the app.
    pub crates: Vec<ThirdParty>,
    /// The npm packages bundled into its window.
    pub ui_packages: Vec<ThirdParty>,
}

/// The app's name, version, copyright and licence (set once: the version and licence in
/// the workspace's Cargo.toml, the name and copyright in tauri.conf.json), its data
/// folders and the third-party packages it ships.
#[tauri::command]
#[specta::specta]
pub async fn about(app: AppHandle) -> Result<About, CommandError> {
    let database = rapporteur_core::database_path(None)?;
    let package = app.package_info();
    let config = app.config();
    let assets = app.asset_resolver();
    let list = |path: &str| -> Result<Vec<ThirdParty>, CommandError> {
        let asset = assets.get(path.to_owned()).ok_or_else(|| {
            CommandError::new(
                ErrorCode::Io,
                format!("{path} is missing from this build of the UI (npm --prefix ui run build)"),
            )
        })?;
        serde_json::from_slice(asset.bytes())
            .map_err(|e| CommandError::new(ErrorCode::Io, format!("{path}: {e}")))
    };
    Ok(About {
        name: package.name.clone(),
        version: package.version.to_string(),
        identifier: config.identifier.clone(),
        copyright: copyright(),
        license: env!("CARGO_PKG_LICENSE").to_owned(),
        backups: backups_dir(&database).display().to_string(),
        database: database.display().to_string(),
        crates: list(CRATES)?,
        ui_packages: list(UI_PACKAGES)?,
    })
}

fn copyright() -> String {
    let conf: serde_json::Value =
        serde_json::from_str(TAURI_CONF).expect("tauri.conf.json is read at build time too");
    conf["bundle"]["copyright"]
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_copyright_is_the_packages_one() {
        assert!(
            super::copyright().starts_with("©"),
            "{}",
            super::copyright()
        );
    }
}
