//! Browser tests, run once per test run by `scripts/test.sh` against the release
//! build. They wait on conditions, never on fixed sleeps.
#![cfg(test)]

mod booking;
mod catalog;
mod keyboard;
mod offline;
mod prerender;
mod service_card;
mod shell;
mod taken;
