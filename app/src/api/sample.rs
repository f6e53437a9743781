//! A ticket for unit tests of what the app does with one.

use super::{OfficeView, OnlineStatus, TicketView};
use chrono::{NaiveDate, NaiveTime};
use domain::catalog::{OfficeId, ServiceId};
use domain::ticket::TicketStatus;
use domain::Text;

/// Ticket `P-007` on `date`, 9:20–9:40 at Kyiv Podilskyi.
pub fn ticket(date: NaiveDate) -> TicketView {
    TicketView {
        id: "abc".into(),
        number: "P-007".into(),
        status: TicketStatus::Booked,
        service: ServiceId("passport-lost-stolen".into()),
        service_name: Text::new("Паспорт; картка", "Passport"),
        office: OfficeView {
            id: OfficeId("kyiv-podilskyi".into()),
            name: Text::new("Подільський", "Podilskyi"),
            region: Text::new("Київ", "Kyiv"),
            city: Text::new("Київ", "Kyiv"),
            address: Text::new("вул. Кирилівська, 1", "1 Kyrylivska St"),
            notices: vec![],
            online: OnlineStatus::Open,
        },
        date,
        start: NaiveTime::from_hms_opt(9, 20, 0).unwrap_or_default(),
        end: NaiveTime::from_hms_opt(9, 40, 0).unwrap_or_default(),
        checklist: vec![],
        quote: None,
        ready_date: None,
        access_token: None,
        checkin_code: None,
        queue: None,
        called_to: None,
        payments: Vec::new(),
        erased: false,
        disrupted: None,
    }
}
