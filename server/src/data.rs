//! Loads the catalog and the holiday calendars from their files; `domain` checks
//! them, so a broken file stops with a message naming the entry.

use domain::calendar::{WorkingCalendar, YearCalendar};
use domain::catalog::{Catalog, CatalogFile};
use domain::{Lang, Localized};
use std::path::{Path, PathBuf};
use thiserror::Error;

/// The data files, parsed and checked.
#[derive(Debug, Clone)]
pub struct Data {
    /// The file as written (stored on import).
    pub file: CatalogFile,
    /// The years as written (stored on import).
    pub years: Vec<YearCalendar>,
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

/// Checks a catalog file and calendars as they come (from files or storage).
pub fn check(
    file: CatalogFile,
    years: Vec<YearCalendar>,
    origin: &Path,
) -> Result<Data, DataError> {
    let catalog = file.clone().check().map_err(|e| DataError::Invalid {
        path: origin.to_path_buf(),
        message: e.message(Lang::En),
    })?;
    let calendar = WorkingCalendar::new(years.clone()).map_err(|e| DataError::Invalid {
        path: origin.to_path_buf(),
        message: e.message(Lang::En),
    })?;
    Ok(Data {
        file,
        years,
        catalog,
        calendar,
    })
}

/// Loads a catalog file and every `*.toml` of a holidays folder.
pub fn load_files(catalog_path: &Path, holidays_dir: &Path) -> Result<Data, DataError> {
    let file: CatalogFile = parse(catalog_path)?;
    let mut paths: Vec<PathBuf> = std::fs::read_dir(holidays_dir)
        .map_err(|source| DataError::Read {
            path: holidays_dir.to_path_buf(),
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
    check(file, years, catalog_path)
}

/// Loads `dir/catalog.toml` and `dir/holidays/*.toml`.
pub fn load(dir: &Path) -> Result<Data, DataError> {
    load_files(&dir.join("catalog.toml"), &dir.join("holidays"))
}

/// The help pages in `dir/help/ID.LANG.md` (`guide.uk.md`…), each checked
/// (`domain::help::check`): `(id, lang, text)`. A page without its file is
/// left out (the administrator may write it).
pub fn help_pages(dir: &Path) -> Result<Vec<(String, String, String)>, DataError> {
    let mut pages = Vec::new();
    for page in domain::help::HelpPage::ALL {
        for lang in Lang::ALL {
            let path = dir
                .join("help")
                .join(format!("{}.{}.md", page.id(), lang.tag()));
            if !path.exists() {
                continue;
            }
            let text = read(&path)?;
            domain::help::check(&text).map_err(|e| DataError::Invalid {
                path: path.clone(),
                message: e.message(Lang::En),
            })?;
            pages.push((page.id().to_string(), lang.tag().to_string(), text));
        }
    }
    Ok(pages)
}
