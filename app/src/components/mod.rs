//! Components shared by pages.

pub mod app;
pub mod error_view;
pub mod lang;
