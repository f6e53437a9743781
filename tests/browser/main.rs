//! Browser tests, run once per test run by `scripts/test.sh` against the release
//! build. They wait on conditions, never on fixed sleeps.
#![cfg(test)]

mod admin_day;
mod booking;
mod catalog;
mod keyboard;
mod life;
mod office;
mod office_admin;
mod offline;
mod pay;
mod prerender;
mod proof;
mod service_card;
mod shell;
#[path = "../../server/tests/api/smtp.rs"]
mod smtp;
mod taken;
