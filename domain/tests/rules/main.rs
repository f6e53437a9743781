//! The rules' integration tests, one binary: each module an area, over the
//! seed catalog (`common`) and property tests.
#![cfg(test)]

mod availability;
mod booking_and_tickets;
mod booking_decisions;
mod catalog_checks;
mod common;
mod lottery;
mod notice;
mod office_queue;
mod office_rules;
mod office_settings;
mod office_staff;
mod payments;
mod seed_checklist;
mod seed_fees;
mod signin;
mod slot_at;
mod slots;
mod ticket_ids;
mod ticket_life;
