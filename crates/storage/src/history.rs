//! The library as the checks' history: what other reports called each work item.
//!
//! It lives here, in the store, because both the command line and the app's shell check
//! reports against the library and must read the same history in the same way; the
//! checks crate stays free of SQLite (its tests hand it a plain map), and the store owns
//! the `outcomes` index the titles come from. It reads the titles ahead of time rather
//! than implementing `History` on `Store`, because that trait cannot fail and a database
//! error must reach the user, not pass for "no earlier title".

use crate::{ReportId, Store, StoreError};
use rapporteur_checks::EarlierTitle;
use rapporteur_model::Report;
use std::collections::HashMap;

impl Store {
    /// The titles each work item of `report` has in the other reports of the library
    /// (all but `except`, the stored copy of `report` itself), by item id: the history
    /// `rapporteur_checks::check` compares titles with.
    pub fn earlier_titles(
        &self,
        report: &Report,
        except: Option<ReportId>,
    ) -> Result<HashMap<String, Vec<EarlierTitle>>, StoreError> {
        let mut titles = HashMap::new();
        for (_, _, outcome) in report.outcomes() {
            let Some(id) = &outcome.id else { continue };
            if titles.contains_key(id) {
                continue;
            }
            let found = self
                .item_titles(id, except)?
                .into_iter()
                .map(|t| EarlierTitle {
                    title: t.title,
                    report_title: t.report_title,
                    meeting_start: t.meeting_start,
                })
                .collect();
            titles.insert(id.clone(), found);
        }
        Ok(titles)
    }
}
