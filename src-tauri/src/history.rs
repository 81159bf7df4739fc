//! The commands of the history: its entries (the saves of each working session, with
//! what changed), the comparison of two revisions, and what starts a new entry.

use rapporteur_core::Comparison;
use rapporteur_storage::{EntryStart, HistoryEntry, ReportId};

library_commands! {
    /// The history of report `id`, newest entry first.
    pub async fn report_history(id: ReportId) -> Vec<HistoryEntry> => |library| library.entries(id);

    /// Report `id` at revision `before` and at revision `after`, side by side.
    pub async fn compare_revisions(id: ReportId, before: u32, after: u32) -> Comparison
        => |library| library.compare(id, before, after);

    /// Makes the next save of report `id` start a new history entry, because of `why` (the
    /// editor brings an earlier revision back, or merges a co-author's edits).
    pub async fn start_history_entry(id: ReportId, why: EntryStart) -> ()
        => |library| library.start_entry(id, why);
}
