//! Counts of the meeting that must agree: on-site and remote participants make the
//! total, and the home country's share is no more than the whole.

use crate::findings::{FindingKind, Found};
use rapporteur_model::Report;

pub(crate) fn check(report: &Report) -> Vec<Found> {
    let mut found = Vec::new();
    let more_than = |part: Option<u32>, total: Option<u32>| part.zip(total).filter(|(p, t)| p > t);
    if let Some(p) = &report.meeting.participants {
        // Only when all three are given: a missing figure is simply not printed.
        if let (Some(total), Some(on_site), Some(remote)) = (p.total, p.on_site, p.remote) {
            if u64::from(on_site) + u64::from(remote) != u64::from(total) {
                let sum = FindingKind::Sum {
                    total,
                    on_site,
                    remote,
                };
                found.push(("meeting.participants.total".to_owned(), sum));
            }
        }
        if let Some((home, total)) = more_than(p.home, p.total) {
            let kind = FindingKind::HomeParticipants { home, total };
            found.push(("meeting.participants.home".to_owned(), kind));
        }
    }
    if let Some(c) = &report.meeting.contributions {
        if let Some((home, total)) = more_than(c.home, c.total) {
            let kind = FindingKind::HomeContributions { home, total };
            found.push(("meeting.contributions.home".to_owned(), kind));
        }
    }
    found
}
