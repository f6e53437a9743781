//! One file per page; the booking wizard's screens under [`book`].

pub mod book;
mod catalog_page;
mod check_page;
pub mod lazy;
mod my_data_panel;
mod my_tickets_page;
mod not_found_page;
mod service_page;
mod signin_form;
mod ticket_actions;
mod ticket_page;
mod ticket_payments;

pub use catalog_page::CatalogPage;
pub use check_page::CheckPage;
pub use my_tickets_page::MyTicketsPage;
pub use not_found_page::NotFoundPage;
pub use service_page::ServicePage;
pub use ticket_page::TicketPage;
