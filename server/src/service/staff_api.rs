//! The staff API's sign-in and who is signed in, the office's rules in
//! force, the wire error's conversions, and the sweep that annuls the
//! applicants said not here once their grace time is over.

use super::staff::{self as accounts, StaffFailure};
use super::Services;
use crate::store::StoreError;
use domain::catalog::{Office, OfficeId, Window};
use domain::office::queue::QueueRule;
use domain::office::staff::{Action as May, SignInRule, Staff};
use domain::office::{CallRule, CheckInRule};
use office::api::*;

/// The office's rules in force (flags of `serve`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct OfficeRules {
    /// The queue's order.
    pub queue: QueueRule,
    /// Calls and the grace time.
    pub calls: CallRule,
    /// The check-in window.
    pub checkin: CheckInRule,
    /// Sign-in tries per account.
    pub signin: SignInRule,
}

/// The office's side of the services: its rules, and the display boards
/// connected to this node.
#[derive(Debug, Clone)]
pub(super) struct OfficeSide {
    /// The rules in force.
    pub rules: OfficeRules,
    /// The boards following each office.
    pub boards: std::sync::Arc<super::board::Boards>,
    /// The check-in codes' key: all nodes' (`share_office_secrets`), until
    /// then one of this node's own, never a fixed one (none without
    /// randomness: then no code is made).
    pub checkin_key: std::sync::Arc<String>,
}

impl Default for OfficeSide {
    fn default() -> Self {
        let key = super::secrets::random::<32>()
            .map(|b| domain::ticket::to_hex(&b))
            .unwrap_or_default();
        OfficeSide {
            rules: OfficeRules::default(),
            boards: Default::default(),
            checkin_key: std::sync::Arc::new(key),
        }
    }
}

impl From<StoreError> for StaffError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::Busy => StaffError::Limited {
                cause: domain::limits::Limited::new(
                    domain::limits::Limit::Busy,
                    super::BUSY_RETRY_SECONDS,
                ),
            },
            StoreError::NotFound(what) => StaffError::NotFound { what: what.into() },
            StoreError::Stale => StaffError::Stale,
            StoreError::Ticket(domain::ticket::TransitionError::NotAllowed { status, .. }) => {
                StaffError::Ticket { status }
            }
            _ => StaffError::Internal,
        }
    }
}

impl From<StaffFailure> for StaffError {
    fn from(e: StaffFailure) -> Self {
        match e {
            StaffFailure::Refused(cause) => StaffError::Refused { cause },
            StaffFailure::Store(e) => e.into(),
            _ => StaffError::Internal,
        }
    }
}

impl Services {
    /// The rules of the office in force.
    pub fn office_rules(&self) -> OfficeRules {
        self.office.rules
    }

    /// The same services with `rules`.
    pub fn with_office_rules(mut self, rules: OfficeRules) -> Self {
        self.office.rules = rules;
        self
    }

    /// Signs in with a login and password.
    pub async fn staff_sign_in(&self, req: &StaffSignInRequest) -> Result<Staff, StaffError> {
        let signin = self.office.rules.signin;
        Ok(accounts::sign_in(&self.store, signin, &req.login, &req.password, self.now()).await?)
    }

    /// The staff member of a session's id; a removed or disabled account is
    /// signed out at once.
    pub async fn staff_of(&self, id: &str) -> Result<(Staff, String), StaffError> {
        let row = self.store.staff_by_id(id).await?;
        let row = row.filter(|r| !r.disabled).ok_or(StaffError::NotSignedIn)?;
        let staff = Staff {
            id: row.id,
            role: row.role,
            office: row.office.map(OfficeId),
        };
        Ok((staff, row.login))
    }

    /// Who `staff` is, with their office's windows.
    pub fn staff_view(&self, staff: &Staff, login: String) -> StaffView {
        let current = self.state();
        let office = staff
            .office
            .as_ref()
            .and_then(|o| current.catalog.office(o));
        let services = |w: &Window| {
            w.services
                .iter()
                .filter_map(|s| current.catalog.service(s))
                .map(|s| ServiceRef {
                    id: s.id.0.clone(),
                    name: s.name.clone(),
                    prefix: s.board_prefix,
                })
                .collect()
        };
        StaffView {
            login,
            role: staff.role.as_str().into(),
            office: staff.office.as_ref().map(|o| o.0.clone()),
            office_name: office.map(|o| o.name.clone()),
            windows: office
                .map(|o| {
                    o.windows
                        .iter()
                        .map(|w| WindowView {
                            id: w.id.clone(),
                            services: services(w),
                        })
                        .collect()
                })
                .unwrap_or_default(),
        }
    }

    /// The office and window a request names, once `staff` may serve there.
    pub(super) fn window_of<'a>(
        &self,
        current: &'a super::CatalogState,
        staff: &Staff,
        office: Option<&str>,
        window: &str,
    ) -> Result<(&'a Office, &'a Window), StaffError> {
        let id = match (office, &staff.office) {
            (Some(o), _) => OfficeId(o.to_string()),
            (None, Some(own)) => own.clone(),
            (None, None) => {
                return Err(StaffError::NotFound {
                    what: "office".into(),
                })
            }
        };
        staff.may(May::Serve, &id).inspect_err(|_| {
            tracing::warn!(staff = %staff.id, office = %id, "a staff action at another office refused");
        })?;
        let office = current.catalog.office(&id).ok_or(StaffError::NotFound {
            what: "office".into(),
        })?;
        let window =
            office
                .windows
                .iter()
                .find(|w| w.id == window)
                .ok_or(StaffError::NotFound {
                    what: "window".into(),
                })?;
        Ok((office, window))
    }
}

impl Services {
    /// Annuls the tickets said not here whose grace time after the last
    /// call is over; returns how many.
    pub async fn annul_absent(&self) -> Result<u64, StaffError> {
        let now = self.now().timestamp();
        let called_by = now - i64::from(self.office.rules.calls.grace_seconds);
        Ok(self.store.annul_absent(called_by, now).await?)
    }

    /// [`Services::annul_absent`] every `period`, for as long as the
    /// server runs (every node: the queue's lock makes each annulment once).
    pub async fn annul_absent_every(self, period: std::time::Duration) {
        let mut every = tokio::time::interval(period);
        loop {
            every.tick().await;
            if let Ok(n @ 1..) = self.annul_absent().await {
                tracing::info!(tickets = n, "annulled the absent after their grace time");
            }
        }
    }
}
