//! The staff API's endpoints in the OpenAPI document.

use super::{schema, Endpoint, Errors};
use serde_json::{json, Value};

/// The staff API's endpoints, in the order of the document.
pub(super) fn endpoints() -> Vec<Endpoint> {
    vec![
        ep!("staff_signin", "Signs a staff member in: the staff session (cookie `cherga.staff`, `SameSite=Strict`).",
            office::api::StaffSignInRequest => office::api::StaffView, Staff,
            json!({ "login": "olena.k", "password": "ранок на Подолі 2026" })),
        ep!("staff_signout", "Ends the staff session.", office::api::NoArguments => (), Staff, json!({})),
        ep!("staff_me", "The staff member signed in, with the office's windows.",
            office::api::NoArguments => office::api::StaffView, Staff, json!({})),
        ep!("console", "A window's queue: its ticket, the waiting in the order they are called, the expected, the absent.",
            office::api::WindowRequest => office::api::ConsoleView, Staff, json!({ "window": "1" })),
        ep!("console_call_next", "The window calls the next ticket of its queue (none when nobody waits).",
            office::api::WindowRequest => office::api::ConsoleView, Staff, json!({ "window": "1" })),
        ep!("console_act", "An action on a ticket of the office's day: check in, recall, start, not here, put back, transfer, serve.",
            office::api::ActRequest => office::api::ConsoleView, Staff,
            json!({ "window": "1", "ticket": "019aee2b07d1a4c06e8e55f2c0a9d41b", "action": "start" })),
        ep!("console_bank_receipt", "Records a receipt paid at a bank outside the system for the ticket at the window; its code then pays for no other ticket.",
            office::api::BankReceiptRequest => office::api::ConsoleView, Staff,
            json!({ "window": "1", "ticket": "019aee2b07d1a4c06e8e55f2c0a9d41b", "recipient": "demo-state-duty", "code": "1A2B-3C4D-5E6F-7A8B", "bank": "ПриватБанк", "amount": 3400 })),
        ep!("audit", "The audit trail, latest first: what happened on a day, a ticket's whole history (its number and visit day), or what a staff member did; for an office's administrator their office, for the system administrator any.",
            office::api::AuditRequest => office::api::AuditList, Staff,
            json!({ "day": "2026-12-07", "staff": "olena.k" })),
        ep!("report", "An office's days from `from` to `to` (at most a year): tickets booked online and walk-in, served, cancelled, annulled (the no-show rate), the waiting from check-in to call and each service's time (median, 90th percentile); for an office's administrator their office, for the system administrator any.",
            office::api::ReportRequest => office::api::ReportView, Staff,
            json!({ "from": "2026-11-01", "to": "2026-11-30" })),
        ep!("admin_office", "An office's settings in force (hours and breaks, windows and their services, closures, notices, online booking and its share) with the catalog's version; for an office's administrator their office, for the system administrator any.",
            office::api::AdminOfficeRequest => office::api::AdminOfficeView, Staff,
            json!({ "office": "kyiv-podilskyi" })),
        ep!("admin_preview", "What new settings would do, saving nothing: the parts changed and the booked tickets left without their time, by day; refused if they break a rule of the catalog or another change was saved since `version`.",
            office::api::AdminChangeRequest => office::api::AdminEffect, Staff,
            admin_example()),
        ep!("admin_save", "Saves new settings as the catalog's next version, in force on every node within seconds; the applicants of the tickets left without their time are told and choose another.",
            office::api::AdminChangeRequest => office::api::AdminEffect, Staff,
            admin_example()),
        ep!("admin_help", "A help page's text in a language (Markdown), for the system administrator.",
            office::api::HelpRequest => office::api::HelpText, Staff,
            json!({ "page": "faq", "lang": "uk" })),
        ep!("admin_help_save", "Replaces a help page's text (Markdown, starting with its title `# …`); the system administrator's only, recorded in the audit trail; shown at once at `/help` or `/faq`.",
            office::api::HelpText => office::api::HelpText, Staff,
            json!({ "page": "faq", "lang": "uk", "text": "# Відповіді на часті запитання\n\n## Чи потрібно записуватися?\n\nТак." })),
        ep!("admin_calendar", "The holiday calendar in force, year by year, with the catalog's version; the system administrator's.",
            office::api::NoArguments => office::api::CalendarView, Staff, json!({})),
        ep!("admin_calendar_preview", "What a year's new holidays and working weekends would do: the booked tickets left without their time in every office, by day; saves nothing.",
            office::api::CalendarChangeRequest => office::api::AdminEffect, Staff, calendar_example()),
        ep!("admin_calendar_save", "Saves a year's holidays and working weekends as the catalog's next version, in force on every node within seconds; the applicants of the tickets left without their time are told.",
            office::api::CalendarChangeRequest => office::api::AdminEffect, Staff, calendar_example()),
        ep!("kiosk_checkin", "An applicant checks in at the office's kiosk: by number and check-in code, or by the QR code's ticket and token.",
            office::api::KioskCheckInRequest => office::api::KioskTicket, Staff,
            json!({ "office": "kyiv-podilskyi", "number": "P-017", "code": "123 456" })),
        ep!("kiosk_services", "The services the office's kiosk gives tickets for today without a booking, with the places left.",
            office::api::KioskServicesRequest => Vec<office::api::WalkInService>, Staff,
            json!({ "office": "kyiv-obolonskyi" })),
        ep!("kiosk_walk_in", "A ticket for today without a booking, at the office's kiosk: checked in, numbered in the walk-in series.",
            office::api::KioskWalkInRequest => office::api::KioskTicket, Staff,
            json!({ "office": "kyiv-obolonskyi", "service": "passport-lost-stolen" })),
    ]
}

/// A change of settings: Podil closed on a day, one window.
fn admin_example() -> Value {
    let day =
        json!({ "open": "09:00:00", "close": "18:00:00", "breaks": [["13:00:00", "13:45:00"]] });
    json!({
        "office": "kyiv-podilskyi",
        "version": 3,
        "settings": {
            "hours": { "mon": day, "tue": day, "wed": day, "thu": day, "fri": day },
            "windows": [{ "id": "1", "services": ["passport-lost-stolen"] }],
            "closures": [{ "from": "2026-12-14", "to": "2026-12-14",
                           "reason": { "uk": "Санітарний день", "en": "Cleaning day" } }],
            "notices": [],
            "online_booking": true,
            "online_services": ["passport-lost-stolen"],
            "online_share_percent": 80
        }
    })
}

/// A year's calendar with one day off more.
fn calendar_example() -> Value {
    json!({
        "version": 3,
        "year": {
            "year": 2026,
            "holiday": [
                { "date": "2026-01-01", "name": { "uk": "Новий рік", "en": "New Year's Day" } },
                { "date": "2026-12-25", "name": { "uk": "Різдво Христове", "en": "Christmas Day" } }
            ],
            "working_weekends": []
        }
    })
}
