//! Cherga at the office: the staff API's contracts, shared by the server and
//! the office's own front end (the officer's console, the kiosk, the display
//! board), which is built to a WASM of its own (feature `csr`). Neither its
//! code nor its words reach an applicant's download.

pub mod admin_words;
pub mod api;
pub mod audit_words;
pub mod report_words;
pub mod show;
pub mod words;

#[cfg(feature = "csr")]
mod front;
