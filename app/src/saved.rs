//! "My tickets": the ticket links kept in this browser (localStorage), each
//! with a short summary so that the list shows without the network.

use crate::api::TicketView;
use crate::browser::{self, Store};
use chrono::{NaiveDate, NaiveTime};
use domain::Text;
use serde::{Deserialize, Serialize};

/// Where the ticket links are kept.
pub const SAVED_TICKETS: &str = "cherga.tickets";

/// A ticket link kept in this browser.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SavedTicket {
    /// The ticket's id.
    pub id: String,
    /// Its access token.
    pub token: String,
    /// What the list shows (absent in links kept by an older version).
    #[serde(default)]
    pub summary: Option<Summary>,
}

/// What "My tickets" shows of a ticket.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
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
}

impl SavedTicket {
    /// The link that opens the ticket (token in the fragment).
    pub fn href(&self) -> String {
        format!("/tickets/{}#{}", self.id, self.token)
    }
}

/// The kept links, soonest visit first, links without a summary last.
pub fn list(mut saved: Vec<SavedTicket>) -> Vec<SavedTicket> {
    saved.sort_by_key(|s| {
        (
            s.summary.is_none(),
            s.summary.as_ref().map(|x| (x.date, x.start)),
        )
    });
    saved
}

/// `saved` with `ticket` (opened with `token`) added or refreshed.
pub fn remembered(
    mut saved: Vec<SavedTicket>,
    ticket: &TicketView,
    token: &str,
) -> Vec<SavedTicket> {
    saved.retain(|s| s.id != ticket.id);
    saved.push(SavedTicket {
        id: ticket.id.clone(),
        token: token.to_string(),
        summary: Some(Summary {
            number: ticket.number.clone(),
            service: ticket.service_name.clone(),
            office: ticket.office.name.clone(),
            date: ticket.date,
            start: ticket.start,
        }),
    });
    saved
}

/// The links kept in this browser.
pub fn load() -> Vec<SavedTicket> {
    browser::load(Store::Local, SAVED_TICKETS).unwrap_or_default()
}

/// Keeps `ticket`, opened with `token`, in this browser.
pub fn remember(ticket: &TicketView, token: &str) {
    if !token.is_empty() {
        browser::save(
            Store::Local,
            SAVED_TICKETS,
            &remembered(load(), ticket, token),
        );
    }
}

/// Forgets the link of ticket `id` in this browser (the ticket itself stays).
pub fn forget(id: &str) {
    let mut saved = load();
    saved.retain(|s| s.id != id);
    browser::save(Store::Local, SAVED_TICKETS, &saved);
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
        let ids: Vec<_> = list(saved).into_iter().map(|s| s.id).collect();
        assert_eq!(ids, ["soon", "late", "old"]);
    }

    #[test]
    fn links_kept_by_the_first_version_still_read() {
        let kept: Vec<SavedTicket> =
            serde_json::from_str(r#"[{"id":"x","token":"y"}]"#).unwrap_or_default();
        assert_eq!(kept.len(), 1);
        assert_eq!(kept[0].href(), "/tickets/x#y");
    }
}
