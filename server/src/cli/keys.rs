//! Where the secret of the personal keys comes from (`service::keys`): the
//! environment, or a file made at first start that only this user can read.

use crate::service::keys::PersonalKeys;
use clap::Args;
use std::io::Write;
use std::path::{Path, PathBuf};

/// The secret the keys of people, contacts and clients are made with.
#[derive(Debug, Clone, Default, Args)]
pub struct KeyArgs {
    /// The secret itself (32 characters or more, e.g. `openssl rand -hex
    /// 32`); every node over one database needs the same. Given, the file is
    /// not read.
    #[arg(long = "key-secret", env = "CHERGA_KEY_SECRET", hide_env_values = true)]
    pub secret: Option<String>,
    /// The file holding it, made (mode 0600) with a random secret if it is
    /// not there. Default: `cherga.key` beside the SQLite file, or in the
    /// working folder with PostgreSQL.
    #[arg(long = "key-file", env = "CHERGA_KEY_FILE")]
    pub file: Option<PathBuf>,
}

impl KeyArgs {
    /// The keys, from the secret given or the file (made if missing).
    pub fn load(&self, db_url: &str) -> Result<PersonalKeys, String> {
        if let Some(secret) = &self.secret {
            return PersonalKeys::new(secret.trim().as_bytes());
        }
        let file = self.file.clone().unwrap_or_else(|| default_file(db_url));
        let secret =
            read_or_make(&file).map_err(|e| format!("the key file {}: {e}", file.display()))?;
        PersonalKeys::new(secret.trim().as_bytes())
            .map_err(|e| format!("the key file {}: {e}", file.display()))
    }
}

/// `cherga.key` beside the SQLite file; in the working folder otherwise.
fn default_file(db_url: &str) -> PathBuf {
    let beside = db_url
        .strip_prefix("sqlite://")
        .map(|p| p.split('?').next().unwrap_or_default())
        .and_then(|p| Path::new(p).parent())
        .map(Path::to_path_buf);
    beside.unwrap_or_default().join("cherga.key")
}

/// The secret in `file`; a fresh one written there first if there is no
/// such file. Written whole under another name and then linked, so that a
/// second process starting at once reads either nothing or all of it.
fn read_or_make(file: &Path) -> std::io::Result<String> {
    match std::fs::read_to_string(file) {
        // Too short, it is refused by the caller, and left as it is.
        Ok(text) => return Ok(text),
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(e),
        Err(_) => {}
    }
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).map_err(std::io::Error::other)?;
    let secret = domain::ticket::to_hex(&bytes);
    let mut suffix = [0u8; 8];
    getrandom::fill(&mut suffix).map_err(std::io::Error::other)?;
    let tmp = file.with_extension(format!("tmp-{}", domain::ticket::to_hex(&suffix)));
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let written = options.open(&tmp).and_then(|mut f| {
        f.write_all(format!("{secret}\n").as_bytes())?;
        f.sync_all()
    });
    let linked = written.and_then(|()| std::fs::hard_link(&tmp, file));
    let _ = std::fs::remove_file(&tmp);
    match linked {
        Ok(()) => {
            tracing::info!(file = %file.display(), "made the key secret");
            Ok(secret)
        }
        // Another process made it first: its secret.
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => std::fs::read_to_string(file),
        Err(e) => Err(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_file_is_made_once_private_and_read_again() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("k");
        let args = KeyArgs {
            secret: None,
            file: Some(file.clone()),
        };
        let first = args.load("postgres://x").unwrap().fingerprint();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&file).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        assert_eq!(std::fs::read_to_string(&file).unwrap().trim().len(), 64);
        assert_eq!(args.load("postgres://x").unwrap().fingerprint(), first);
        // Nothing left behind but the file.
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
        // The secret given wins over the file.
        let given = KeyArgs {
            secret: Some("s".repeat(40)),
            file: Some(file.clone()),
        };
        assert_ne!(given.load("").unwrap().fingerprint(), first);
        // A file too short is refused, and kept as it is.
        std::fs::write(&file, "short\n").unwrap();
        assert!(args.load("").unwrap_err().contains("32"));
        assert_eq!(std::fs::read_to_string(&file).unwrap(), "short\n");
    }

    #[test]
    fn the_default_file_is_beside_the_sqlite_file() {
        assert_eq!(
            default_file("sqlite://data/cherga.sqlite"),
            PathBuf::from("data/cherga.key")
        );
        assert_eq!(
            default_file("sqlite:///tmp/x/c.sqlite?mode=rwc"),
            PathBuf::from("/tmp/x/cherga.key")
        );
        assert_eq!(
            default_file("postgres://u@h/db"),
            PathBuf::from("cherga.key")
        );
    }
}
