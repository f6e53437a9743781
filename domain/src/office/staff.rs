//! Staff: roles, who may do what at which office, and the rules for logins
//! and passwords. The server checks every staff action with [`Staff::may`];
//! the console only hides what it would refuse.

use super::OfficeError;
use crate::catalog::OfficeId;
use crate::ticket::Actor;

/// A staff member's role.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    /// Works at the windows of one office.
    Officer,
    /// Runs one office: its windows, schedules and staff; may do what its
    /// officers do.
    Admin,
    /// Runs the system: every office.
    SystemAdmin,
}

impl Role {
    /// As stored and typed (`officer`, `admin`, `sysadmin`).
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Officer => "officer",
            Role::Admin => "admin",
            Role::SystemAdmin => "sysadmin",
        }
    }

    /// The role stored or typed as `s`.
    pub fn parse(s: &str) -> Option<Role> {
        [Role::Officer, Role::Admin, Role::SystemAdmin]
            .into_iter()
            .find(|r| r.as_str() == s)
    }

    /// Whether the role belongs to one office (every role but the system
    /// administrator's).
    pub fn has_office(self) -> bool {
        self != Role::SystemAdmin
    }
}

/// What staff do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// See an office's queue and tickets (with the applicants' names).
    SeeQueue,
    /// Call, serve, mark absent, transfer, put back; check a ticket in.
    Serve,
    /// Change the office's windows, hours, closures and notices.
    RunOffice,
    /// Add or remove the office's staff.
    ManageStaff,
    /// Read the office's audit trail (who did what, when, from which node).
    ReadAudit,
    /// Read the office's reports (counts and times of its days).
    ReadReports,
}

/// A signed-in staff member.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Staff {
    /// Their id (stable; the history records it).
    pub id: String,
    /// Their role.
    pub role: Role,
    /// Their office (none for a system administrator).
    pub office: Option<OfficeId>,
}

impl Staff {
    /// Whether they may do `action` at `office`: an officer serves and sees
    /// the queue of their own office only; an office's administrator may do
    /// everything at their own office; a system administrator everywhere.
    pub fn may(&self, action: Action, office: &OfficeId) -> Result<(), OfficeError> {
        let own = self.office.as_ref() == Some(office);
        match self.role {
            Role::SystemAdmin => Ok(()),
            _ if !own => Err(OfficeError::OtherOffice),
            Role::Admin => Ok(()),
            Role::Officer => match action {
                Action::SeeQueue | Action::Serve => Ok(()),
                Action::RunOffice
                | Action::ManageStaff
                | Action::ReadAudit
                | Action::ReadReports => Err(OfficeError::Forbidden),
            },
        }
    }

    /// Whether they may change what is the whole service's, not one
    /// office's (the help pages, the holiday calendar): the system
    /// administrator only.
    pub fn may_run_service(&self) -> Result<(), OfficeError> {
        match self.role {
            Role::SystemAdmin => Ok(()),
            Role::Admin | Role::Officer => Err(OfficeError::Forbidden),
        }
    }

    /// The offices whose audit trail they may search, asked for `asked`
    /// (none: every office they may read): a system administrator any
    /// office or all (`None`); an office's administrator their own only; an
    /// officer none.
    pub fn audit_scope(&self, asked: Option<&OfficeId>) -> Result<Option<OfficeId>, OfficeError> {
        match (self.role, asked, &self.office) {
            (Role::SystemAdmin, asked, _) => Ok(asked.cloned()),
            (_, Some(office), _) => self
                .may(Action::ReadAudit, office)
                .map(|()| Some(office.clone())),
            (_, None, Some(own)) => self.may(Action::ReadAudit, own).map(|()| Some(own.clone())),
            (_, None, None) => Err(OfficeError::Forbidden),
        }
    }

    /// Who they are in a ticket's history.
    pub fn actor(&self) -> Actor {
        match self.role {
            Role::Officer => Actor::Officer(self.id.clone()),
            Role::Admin | Role::SystemAdmin => Actor::Admin(self.id.clone()),
        }
    }
}

/// Characters of a login: 3–32 of `a-z`, `0-9`, `.`, `_`, `-`, starting
/// with a letter. Returned lowercased and trimmed.
pub fn login(typed: &str) -> Result<String, OfficeError> {
    let s = typed.trim().to_ascii_lowercase();
    let ok = (3..=32).contains(&s.len())
        && s.starts_with(|c: char| c.is_ascii_lowercase())
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"._-".contains(&b));
    if ok {
        Ok(s)
    } else {
        Err(OfficeError::BadLogin)
    }
}

/// Shortest and longest password a staff account may have (characters).
pub const PASSWORD_CHARS: (usize, usize) = (12, 128);

/// Whether `password` may be set: 12 to 128 characters, not all the same.
pub fn password_ok(password: &str) -> Result<(), OfficeError> {
    let n = password.chars().count();
    let mut chars = password.chars();
    let first = chars.next();
    let varied = chars.any(|c| Some(c) != first);
    if (PASSWORD_CHARS.0..=PASSWORD_CHARS.1).contains(&n) && varied {
        Ok(())
    } else {
        Err(OfficeError::WeakPassword {
            min: PASSWORD_CHARS.0,
            max: PASSWORD_CHARS.1,
        })
    }
}

/// How many wrong passwords an account takes before it is locked for a
/// while (counted on the server for every node, whatever the client).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SignInRule {
    /// Tries in a row that may fail.
    pub max_failures: u32,
    /// Seconds the account is then locked.
    pub lock_seconds: u32,
}

impl Default for SignInRule {
    fn default() -> Self {
        SignInRule {
            max_failures: 5,
            lock_seconds: 900,
        }
    }
}

/// An account's failed tries since its last sign-in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Tries {
    /// Tries counted (each is counted before its password is checked, and
    /// the count cleared by a success).
    pub failures: u32,
    /// Locked until this instant (Unix seconds).
    pub locked_until: Option<i64>,
}

impl SignInRule {
    /// Before a password is checked at `now` (Unix seconds): the account's
    /// count with this try in it, or how long it stays locked. The try that
    /// reaches the limit is still checked; the lock comes after it.
    pub fn reserve(self, tries: Tries, now: i64) -> Result<Tries, OfficeError> {
        let failures = match tries.locked_until {
            Some(until) if until > now => {
                let seconds = u32::try_from(until - now).unwrap_or(u32::MAX);
                return Err(OfficeError::Locked { seconds });
            }
            Some(_) => 0,
            None => tries.failures,
        };
        let failures = failures.saturating_add(1);
        let locked_until =
            (failures >= self.max_failures).then(|| now + i64::from(self.lock_seconds));
        Ok(Tries {
            failures,
            locked_until,
        })
    }
}
