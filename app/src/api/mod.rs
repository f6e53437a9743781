//! The contract between the browser and the server: transport types, the typed
//! error, and the server functions. Bodies run only on the server (`ssr`).

mod catalog;
mod error;
mod types;

pub use catalog::*;
pub use error::ApiError;
pub use types::*;

/// What the server puts into the context of every server-function call.
#[cfg(feature = "ssr")]
pub mod context {
    use std::sync::Arc;

    /// The services the server functions call. The catalog is checked by
    /// `domain` before it gets here.
    #[derive(Debug, Clone)]
    pub struct Services {
        /// The catalog in force.
        pub catalog: Arc<domain::catalog::Catalog>,
    }
}
