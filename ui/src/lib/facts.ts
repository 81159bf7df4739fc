// The meeting facts shown on the report screen, as label/value pairs; missing facts are left out.

import type { Meeting } from "../bindings";
import { formatDateRange, type Lang } from "./format";
import type { Messages } from "./i18n";

export type FactKey = keyof Messages["report"]["facts"];
export type Fact = { key: FactKey; label: string; value: string };

const present = (n: number | null | undefined): n is number => typeof n === "number";

export function meetingFacts(meeting: Meeting, t: Messages, lang: Lang): Fact[] {
  const values: [FactKey, string][] = [];
  const home = meeting.home_country ?? null;

  const group = [meeting.organization, meeting.group].filter(Boolean).join(" ");
  values.push(["group", meeting.group_topic ? t.groupWithTopic(group, meeting.group_topic) : group]);
  if (present(meeting.ordinal)) values.push(["ordinal", t.ordinal(meeting.ordinal)]);
  values.push(["dates", formatDateRange(meeting.start, meeting.end, lang)]);
  values.push(["place", t.place(meeting.city ?? null, meeting.country ?? null, meeting.site ?? null)]);
  if (meeting.mode) values.push(["mode", t.modes[meeting.mode]]);

  const p = meeting.participants;
  if (p) {
    const parts: string[] = [];
    if (present(p.total)) parts.push(t.participants.total(p.total));
    if (present(p.on_site)) parts.push(t.participants.onSite(p.on_site));
    if (present(p.remote)) parts.push(t.participants.remote(p.remote));
    if (present(p.home)) parts.push(t.participants.home(p.home, home));
    if (present(p.delegations)) parts.push(t.participants.delegations(p.delegations));
    values.push(["participants", parts.join(t.separator)]);
  }

  const c = meeting.contributions;
  if (c) {
    const parts: string[] = [];
    if (present(c.total)) parts.push(t.contributions.total(c.total));
    if (present(c.home)) {
      const count = t.contributions.home(c.home, home);
      parts.push(c.home_note ? t.note(count, c.home_note) : count);
    } else if (c.home_note) {
      parts.push(c.home_note);
    }
    values.push(["contributions", parts.join(t.separator)]);
  }

  if (present(meeting.temporary_documents)) {
    values.push(["temporaryDocuments", t.temporaryDocuments(meeting.temporary_documents)]);
  }

  return values.filter(([, value]) => value !== "").map(([key, value]) => ({ key, label: t.report.facts[key], value }));
}
