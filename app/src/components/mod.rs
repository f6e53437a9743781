//! Components shared by several pages.

pub mod app;
pub mod card;
pub mod checklist_view;
pub mod error_view;
pub mod fee_preview;
pub mod hand_over;
pub mod lang;
pub mod offline;
pub mod questionnaire;
pub mod wizard;
