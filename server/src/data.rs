//! Loads the catalog and the holiday calendars from their files; `domain` checks
//! them, so a broken file stops the start with a message naming the entry.

use domain::calendar::{WorkingCalendar, YearCalendar};
use domain::catalog::{Catalog, CatalogFile};
use domain::{Lang, Localized};
use std::path::{Path, PathBuf};
use thiserror::Error;

/// The data the server runs on.
#[derive(Debug, Clone)]
pub struct Data {
    /// The checked catalog.
    pub catalog: Catalog,
    /// The working-day calendar.
    pub calendar: WorkingCalendar,
}

/// Why the data could not be loaded.
#[derive(Debug, Error)]
pub enum DataError {
    /// A file could not be read.
    #[error("cannot read {path}: {source}")]
    Read {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// A file is not valid TOML of the expected shape.
    #[error("{path} is malformed: {message}")]
    Parse {
        /// The file.
        path: PathBuf,
        /// The parser's message (line and column).
        message: String,
    },
    /// The content breaks a rule.
    #[error("{path}: {message}")]
    Invalid {
        /// The file.
        path: PathBuf,
        /// The rule broken, in English.
        message: String,
    },
}

fn read(path: &Path) -> Result<String, DataError> {
    std::fs::read_to_string(path).map_err(|source| DataError::Read {
        path: path.to_path_buf(),
        source,
    })
}

fn parse<T: serde::de::DeserializeOwned>(path: &Path) -> Result<T, DataError> {
    toml::from_str(&read(path)?).map_err(|e| DataError::Parse {
        path: path.to_path_buf(),
        message: e.to_string(),
    })
}

/// Loads `dir/catalog.toml` and every `dir/holidays/*.toml`.
pub fn load(dir: &Path) -> Result<Data, DataError> {
    let catalog_path = dir.join("catalog.toml");
    let file: CatalogFile = parse(&catalog_path)?;
    let catalog = file.check().map_err(|e| DataError::Invalid {
        path: catalog_path,
        message: e.message(Lang::En),
    })?;
    let holidays_dir = dir.join("holidays");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&holidays_dir)
        .map_err(|source| DataError::Read {
            path: holidays_dir.clone(),
            source,
        })?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    paths.sort();
    let years = paths
        .iter()
        .map(|p| parse::<YearCalendar>(p))
        .collect::<Result<Vec<_>, _>>()?;
    let calendar = WorkingCalendar::new(years).map_err(|e| DataError::Invalid {
        path: holidays_dir,
        message: e.message(Lang::En),
    })?;
    Ok(Data { catalog, calendar })
}
