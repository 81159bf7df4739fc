//! The commands that reuse past meetings: a new report from a past one or a template,
//! templates, search, and the registry of work items for autocomplete.

use rapporteur_core::{NewReportMade, Templates, ITEM_LIMIT, SEARCH_LIMIT};
use rapporteur_model::Report;
use rapporteur_storage::{ItemSuggestion, RegistryItem, ReportId, SearchHit};

library_commands! {
    /// A new report for the meeting after report `id`'s.
    pub async fn new_report_from(id: ReportId) -> NewReportMade => |library| library.new_from(id);

    /// A new report from the template `name`.
    pub async fn new_report_from_template(name: String) -> NewReportMade
        => |library| library.new_from_template(&name);

    /// Saves the structure of report `id` as the template `name`.
    pub async fn save_as_template(id: ReportId, name: String) -> ReportId
        => |library| library.save_as_template(id, &name);

    pub async fn list_templates() -> Templates => |library| library.templates();

    /// Deletes the template `name`; the UI keeps its structure for `restore_template`.
    pub async fn delete_template(name: String) -> () => |library| library.delete_template(&name);

    /// Brings back the template `name` just deleted, with `structure`, its report as it was.
    pub async fn restore_template(name: String, structure: Report) -> ReportId
        => |library| library.restore_template(&name, &structure);

    /// Shows the built-in template again after it was hidden (a no-op when it is there).
    pub async fn show_built_in_template() -> () => |library| library.show_built_in_template();

    /// The places in every report where the query's terms occur.
    pub async fn search_reports(query: String) -> Vec<SearchHit>
        => |library| library.search(&query, SEARCH_LIMIT);

    /// The work items whose id contains `query`, with their titles and histories.
    pub async fn find_items(query: String) -> Vec<RegistryItem>
        => |library| library.items(&query, ITEM_LIMIT);

    /// The ids of work items that contain `query`, each with its latest title, for the
    /// outcome id cell's suggestions as the user types in report `report` (whose own ids,
    /// half typed, are not offered).
    pub async fn suggest_items(query: String, report: ReportId) -> Vec<ItemSuggestion>
        => |library| library.suggest_items(&query, report);
}
