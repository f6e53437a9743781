//! "My tickets": the ticket links kept in this browser (localStorage), each
//! with a short summary so that the list shows without the network, merged
//! with the signed-in contact's tickets from the server when online.

use crate::api::TicketView;
use crate::browser::{self, Store};
use chrono::{Datelike, NaiveDate, NaiveTime};
use domain::ticket::TicketStatus;
use domain::Text;
use serde::{Deserialize, Serialize};

/// Where the ticket links are kept.
pub const SAVED_TICKETS: &str = "cherga.tickets";

/// A ticket link kept in this browser.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SavedTicket {
    /// The ticket's id.
    pub id: String,
    /// Its access token (empty for a ticket the server listed to a signed-in
    /// contact: the session opens it).
    pub token: String,
    /// What the list shows (absent in links kept by an older version).
    #[serde(default)]
    pub summary: Option<Summary>,
}

/// What "My tickets" shows of a ticket.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summary {
    /// The board number.
    pub number: String,
    /// The service's name.
    pub service: Text,
    /// The office's name.
    pub office: Text,
    /// The date.
    pub date: NaiveDate,
    /// Starts.
    pub start: NaiveTime,
    /// As last seen (absent in links kept by an older version: booked).
    #[serde(default = "booked")]
    pub status: TicketStatus,
}

fn booked() -> TicketStatus {
    TicketStatus::Booked
}

impl Summary {
    /// What the list shows of `ticket`.
    pub fn of(ticket: &TicketView) -> Summary {
        Summary {
            number: ticket.number.clone(),
            service: ticket.service_name.clone(),
            office: ticket.office.name.clone(),
            date: ticket.date,
            start: ticket.start,
            status: ticket.status,
        }
    }

    /// Still to come: active, and its day not over by `today`.
    pub fn upcoming(&self, today: NaiveDate) -> bool {
        self.status.as_of(self.date, today).is_active()
    }
}

impl SavedTicket {
    /// The link that opens the ticket (token in the fragment, if kept).
    pub fn href(&self) -> String {
        href(&self.id, "", &self.token)
    }
}

/// The address of ticket `id`'s page, with `query` (`""` or `"?…"`) and the
/// token, if any, in the fragment, which browsers never send to a server.
pub fn href(id: &str, query: &str, token: &str) -> String {
    match token {
        "" => format!("/tickets/{id}{query}"),
        token => format!("/tickets/{id}{query}#{token}"),
    }
}

/// The kept links as the list shows them on `today`: the visits to come,
/// soonest first; then the others (past, cancelled), latest first; links
/// without a summary last.
pub fn list(mut saved: Vec<SavedTicket>, today: NaiveDate) -> Vec<SavedTicket> {
    saved.sort_by_key(|s| match &s.summary {
        Some(x) if x.upcoming(today) => (0, x.date.num_days_from_ce(), x.start),
        Some(x) => (1, -x.date.num_days_from_ce(), x.start),
        None => (2, 0, NaiveTime::MIN),
    });
    saved
}

/// `saved` merged with the tickets the server lists for the contact signed
/// in: a ticket in both keeps its token and takes the server's summary; one
/// only on the server is added without a token.
pub fn merged(mut saved: Vec<SavedTicket>, server: &[TicketView]) -> Vec<SavedTicket> {
    for t in server {
        match saved.iter_mut().find(|s| s.id == t.id) {
            Some(s) => s.summary = Some(Summary::of(t)),
            None => saved.push(SavedTicket {
                id: t.id.clone(),
                token: String::new(),
                summary: Some(Summary::of(t)),
            }),
        }
    }
    saved
}

/// `saved` with `ticket` (opened with `token`) added or refreshed.
pub fn remembered(
    mut saved: Vec<SavedTicket>,
    ticket: &TicketView,
    token: &str,
) -> Vec<SavedTicket> {
    let kept = saved
        .iter()
        .position(|s| s.id == ticket.id)
        .map(|i| saved.remove(i));
    // A ticket opened by the session keeps the token this browser had.
    let token = match kept {
        Some(k) if token.is_empty() => k.token,
        _ => token.to_string(),
    };
    saved.push(SavedTicket {
        id: ticket.id.clone(),
        token,
        summary: Some(Summary::of(ticket)),
    });
    saved
}

/// The links kept in this browser.
pub fn load() -> Vec<SavedTicket> {
    browser::load(Store::Local, SAVED_TICKETS).unwrap_or_default()
}

/// Keeps `ticket`, opened with `token` (empty: by the session), in this
/// browser.
pub fn remember(ticket: &TicketView, token: &str) {
    save(&remembered(load(), ticket, token));
}

/// Keeps `saved` in this browser.
pub fn save(saved: &[SavedTicket]) {
    browser::save(Store::Local, SAVED_TICKETS, &saved);
}

/// After signing out: the tickets without a token cannot be opened any more
/// from this browser, so they are forgotten.
pub fn signed_out(mut saved: Vec<SavedTicket>) -> Vec<SavedTicket> {
    saved.retain(|s| !s.token.is_empty());
    saved
}

/// Forgets the link of ticket `id` in this browser (the ticket itself stays).
pub fn forget(id: &str) {
    let mut saved = load();
    saved.retain(|s| s.id != id);
    save(&saved);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::sample::ticket;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, d).unwrap_or_default()
    }

    fn opened(id: &str, date: NaiveDate) -> TicketView {
        TicketView {
            id: id.into(),
            ..ticket(date)
        }
    }

    #[test]
    fn remembering_a_ticket_again_refreshes_it_instead_of_adding_a_copy() {
        let saved = remembered(vec![], &opened("a", day(4)), "t1");
        let saved = remembered(saved, &opened("b", day(2)), "t2");
        let saved = remembered(saved, &opened("a", day(7)), "t3");
        assert_eq!(saved.len(), 2);
        let a = saved.iter().find(|s| s.id == "a").cloned();
        assert_eq!(a.as_ref().map(|s| s.token.as_str()), Some("t3"));
        assert_eq!(a.and_then(|s| s.summary).map(|s| s.date), Some(day(7)));
    }

    #[test]
    fn the_list_shows_the_soonest_visit_first_and_old_links_last() {
        let old = SavedTicket {
            id: "old".into(),
            token: "t0".into(),
            summary: None,
        };
        let saved = remembered(vec![old], &opened("late", day(9)), "t1");
        let saved = remembered(saved, &opened("soon", day(3)), "t2");
        let saved = remembered(saved, &opened("long-ago", day(1)), "t3");
        let saved = remembered(saved, &opened("yesterday", day(2)), "t4");
        let cancelled = TicketView {
            status: TicketStatus::Cancelled,
            ..opened("cancelled", day(4))
        };
        let saved = remembered(saved, &cancelled, "t5");
        let ids: Vec<_> = list(saved, day(3)).into_iter().map(|s| s.id).collect();
        assert_eq!(
            ids,
            ["soon", "late", "cancelled", "yesterday", "long-ago", "old"]
        );
    }

    #[test]
    fn the_servers_list_merges_into_the_kept_one_and_tokens_stay() {
        let kept = remembered(vec![], &opened("a", day(4)), "ta");
        let moved = TicketView {
            number: "P-100".into(),
            ..opened("a", day(8))
        };
        let merged = merged(kept, &[moved, opened("b", day(5))]);
        assert_eq!(merged.len(), 2);
        assert_eq!(merged[0].href(), "/tickets/a#ta");
        assert_eq!(
            merged[0]
                .summary
                .as_ref()
                .map(|s| (s.number.as_str(), s.date)),
            Some(("P-100", day(8)))
        );
        // Only on the server: opened by the session, no token in the link.
        assert_eq!(merged[1].href(), "/tickets/b");
        // Opened again by the session, the kept token stays.
        let again = remembered(merged.clone(), &opened("a", day(8)), "");
        let a = again.iter().find(|s| s.id == "a").map(SavedTicket::href);
        assert_eq!(a.as_deref(), Some("/tickets/a#ta"));
        // Signed out: what only the session opened is forgotten.
        let left: Vec<_> = signed_out(merged).into_iter().map(|s| s.id).collect();
        assert_eq!(left, ["a"]);
    }

    #[test]
    fn links_kept_by_the_first_version_still_read() {
        let kept: Vec<SavedTicket> =
            serde_json::from_str(r#"[{"id":"x","token":"y"}]"#).unwrap_or_default();
        assert_eq!(kept.len(), 1);
        assert_eq!(kept[0].href(), "/tickets/x#y");
        assert_eq!(href("x", "?moved", "y"), "/tickets/x?moved#y");
        assert_eq!(href("x", "?moved", ""), "/tickets/x?moved");
        let summary: Option<Summary> = serde_json::from_str(
            r#"{"number":"P-1","service":{"uk":"а","en":"a"},"office":{"uk":"б","en":"b"},"date":"2026-12-04","start":"09:00:00"}"#,
        )
        .ok();
        assert_eq!(summary.map(|s| s.status), Some(TicketStatus::Booked));
    }
}
