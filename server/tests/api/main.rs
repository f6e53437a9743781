//! The server's integration tests, one binary: each module an area, every
//! test once on SQLite and once on PostgreSQL (`common::Db`).
#![cfg(test)]

#[macro_use]
mod common;
mod admin;
mod admin_calendar;
mod audit;
mod bad_input;
mod board;
mod bounds;
mod concurrency;
mod conformance;
mod console;
mod console_pay;
mod console_races;
mod crash;
mod endpoints;
mod fixtures;
mod fuzz;
mod guard;
mod help;
mod hold_batch;
mod indexes;
mod kiosk;
mod life;
mod life_keys;
mod life_races;
mod limits;
mod logs;
mod lottery;
mod messages;
mod messages_sms;
mod my_data;
mod nodes;
mod outside;
mod pages;
mod payments;
mod payments_more;
mod proofs;
mod reads;
mod receipts;
mod reports;
mod retention;
mod schemathesis;
mod signin;
mod signin_limits;
mod smtp;
mod staff;
mod staff_demo;
mod startup;
mod tickets;
mod walk_ins;
