//! Browser tests, run once per test run by `scripts/test.sh` against the release
//! build. They wait on conditions, never on fixed sleeps.
#![allow(clippy::expect_used, clippy::unwrap_used)]

mod booking;
mod catalog;
mod keyboard;
mod offline;
mod prerender;
mod service_card;
mod shell;
mod taken;
