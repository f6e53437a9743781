//! How the office's screens read and show things: pure, so tested natively.

use crate::api::BoardCall;
use crate::words::words;
use domain::ticket::{is_record_id, AccessToken, TicketNumber};
use domain::Lang;

/// An office screen, by its address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Screen {
    /// `/staff/console`: the officer's console.
    Console,
    /// `/staff/audit`: the audit trail, an administrator's.
    Audit,
    /// `/staff/reports`: an office's figures, an administrator's.
    Reports,
    /// `/staff/admin`: an office's settings, an administrator's.
    Admin,
    /// `/office/ID/kiosk`: the office's check-in kiosk.
    Kiosk(String),
    /// `/office/ID/board`: the waiting room's display board.
    Board(String),
}

impl Screen {
    /// The screen at `path`, if it is one (the server sends the office's
    /// page for these addresses, the office's app shows them).
    pub fn at(path: &str) -> Option<Screen> {
        let path = path.strip_suffix('/').unwrap_or(path);
        match path {
            "/staff/console" => return Some(Screen::Console),
            "/staff/audit" => return Some(Screen::Audit),
            "/staff/reports" => return Some(Screen::Reports),
            "/staff/admin" => return Some(Screen::Admin),
            _ => {}
        }
        let rest = path.strip_prefix("/office/")?;
        let (office, screen) = rest.split_once('/')?;
        let id_like = !office.is_empty()
            && office.len() <= 64
            && office
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
        match (id_like, screen) {
            (true, "kiosk") => Some(Screen::Kiosk(office.to_string())),
            (true, "board") => Some(Screen::Board(office.to_string())),
            _ => None,
        }
    }

    /// Whether it may use the camera (the kiosk reads QR codes).
    pub fn camera(&self) -> bool {
        matches!(self, Screen::Kiosk(_))
    }
}

/// The id and access token in a ticket's link as its QR code carries it
/// (`https://…/tickets/ID#TOKEN`); `None` for any other text.
pub fn ticket_link(text: &str) -> Option<(String, String)> {
    let (path, token) = text.trim().split_once('#')?;
    let path = path.split_once('?').map_or(path, |(p, _)| p);
    let id = path
        .strip_suffix('/')
        .unwrap_or(path)
        .rsplit_once("/tickets/")?
        .1;
    let token = AccessToken::parse(token)?;
    is_record_id(id).then(|| (id.to_string(), token.as_str().to_string()))
}

/// `m:ss`, for a countdown.
pub fn clock(seconds: u32) -> String {
    format!("{}:{:02}", seconds / 60, seconds % 60)
}

/// What the board says aloud for `call`, in Ukrainian: the number as a
/// Ukrainian voice says it (`Р 17`).
pub fn spoken(call: &BoardCall) -> String {
    let number = TicketNumber::read(&call.number).map_or(call.number.clone(), |n| n.spoken());
    words(Lang::Uk)
        .board_spoken
        .replace("{number}", &number)
        .replace("{window}", &call.window)
}

/// The calls of `now` that `shown` (the calls the board showed last) did
/// not have: newly made or made again, oldest first, to be announced.
pub fn new_calls(shown: &[BoardCall], now: &[BoardCall]) -> Vec<BoardCall> {
    let mut fresh: Vec<BoardCall> = now
        .iter()
        .filter(|c| !shown.iter().any(|s| s == *c))
        .cloned()
        .collect();
    fresh.reverse();
    fresh
}

#[cfg(test)]
mod tests {
    use super::*;

    const ID: &str = "019aee2b07d1a4c06e8e55f2c0a9d41b";

    fn token() -> String {
        "ab".repeat(32)
    }

    #[test]
    fn screens_by_address() {
        assert_eq!(Screen::at("/staff/console"), Some(Screen::Console));
        assert_eq!(Screen::at("/staff/console/"), Some(Screen::Console));
        assert_eq!(Screen::at("/staff/audit"), Some(Screen::Audit));
        assert_eq!(Screen::at("/staff/audits"), None);
        assert_eq!(Screen::at("/staff/reports/"), Some(Screen::Reports));
        assert_eq!(Screen::at("/staff/admin"), Some(Screen::Admin));
        assert_eq!(
            Screen::at("/office/kyiv-podilskyi/kiosk"),
            Some(Screen::Kiosk("kyiv-podilskyi".into()))
        );
        assert_eq!(
            Screen::at("/office/lviv-1/board"),
            Some(Screen::Board("lviv-1".into()))
        );
        for other in [
            "/",
            "/office/x",
            "/office//board",
            "/office/X/board",
            "/office/a/b/board",
            "/staff",
        ] {
            assert_eq!(Screen::at(other), None, "{other}");
        }
        assert!(Screen::at("/office/a/kiosk").is_some_and(|s| s.camera()));
        assert!(!Screen::Console.camera());
    }

    #[test]
    fn a_ticket_link_gives_its_id_and_token() {
        let link = format!("https://cherga.example/tickets/{ID}#{}", token());
        assert_eq!(ticket_link(&link), Some((ID.to_string(), token())));
        let query = format!("/tickets/{ID}?lang=en#{}", token());
        assert_eq!(ticket_link(&query), Some((ID.to_string(), token())));
        assert_eq!(ticket_link(&format!("/tickets/{ID}")), None, "no token");
        assert_eq!(ticket_link(&format!("/tickets/{ID}#short")), None);
        assert_eq!(ticket_link(&format!("/other/{ID}#{}", token())), None);
        assert_eq!(ticket_link(&format!("/tickets/x#{}", token())), None);
    }

    #[test]
    fn countdowns_read_minutes_and_seconds() {
        assert_eq!(clock(120), "2:00");
        assert_eq!(clock(65), "1:05");
        assert_eq!(clock(0), "0:00");
    }

    fn call(number: &str, window: &str, at: i64) -> BoardCall {
        BoardCall {
            number: number.into(),
            window: window.into(),
            at,
        }
    }

    #[test]
    fn the_board_says_the_number_as_seen() {
        assert_eq!(spoken(&call("P-017", "2", 1)), "Талон Р 17, вікно 2");
    }

    #[test]
    fn only_new_calls_are_announced_oldest_first() {
        let shown = vec![call("P-002", "1", 20), call("P-001", "2", 10)];
        let now = vec![
            call("P-004", "2", 40),
            call("P-003", "1", 30),
            call("P-002", "1", 20),
            call("P-001", "2", 10),
        ];
        assert_eq!(
            new_calls(&shown, &now),
            vec![call("P-003", "1", 30), call("P-004", "2", 40)]
        );
        // A recall is made again: a later time.
        let recalled = vec![call("P-001", "2", 50), call("P-002", "1", 20)];
        assert_eq!(new_calls(&shown, &recalled), vec![call("P-001", "2", 50)]);
        assert!(new_calls(&now, &now).is_empty());
    }
}
