//! The audit trail for administrators (`audit`): every change of a ticket
//! and every staff action, with who, when and from which node; and the
//! staff actions recorded besides the sign-ins (`service::staff`).

use super::Services;
use crate::store::{NewStaffEvent, TrailQuery, TrailRow};
use domain::catalog::OfficeId;
use domain::office::staff::Staff;
use office::api::{AuditEntry, AuditList, AuditRequest, StaffError, AUDIT_LIMIT};
use std::collections::HashMap;

fn bad(detail: &str) -> StaffError {
    StaffError::BadRequest {
        detail: detail.into(),
    }
}

impl Services {
    /// Records that staff member `id` signed out.
    pub async fn staff_signed_out(&self, id: &str) -> Result<(), StaffError> {
        let row = self.store.staff_by_id(id).await?;
        let now = self.now();
        let event = NewStaffEvent {
            id: super::secrets::ordered_id(now).map_err(|_| StaffError::Internal)?,
            at: now.timestamp(),
            staff: Some(id.to_string()),
            office: row.and_then(|r| r.office),
            event: "signout",
            detail: None,
        };
        Ok(self.store.record_staff_event(event).await?)
    }

    /// The events `req` asks for, latest first, that `staff` may read.
    pub async fn audit(&self, staff: &Staff, req: &AuditRequest) -> Result<AuditList, StaffError> {
        let office = staff.audit_scope(req.office.clone().map(OfficeId).as_ref())?;
        let number = req
            .number
            .as_deref()
            .map(str::trim)
            .filter(|n| !n.is_empty());
        if req.day.is_none() && number.is_none() && req.staff.is_none() {
            return Err(bad(
                "ask for a day, a ticket's number with its day, or a staff member",
            ));
        }
        let ticket = match (number, req.day) {
            (Some(n), Some(day)) => Some((n.to_uppercase(), day.format("%Y-%m-%d").to_string())),
            (Some(_), None) => return Err(bad("a ticket's number needs the day of its visit")),
            (None, _) => None,
        };
        let during = match req.day {
            Some(day) => {
                let start = |d| domain::slots::kyiv_instant(d, chrono::NaiveTime::MIN);
                let next = day.succ_opt().ok_or_else(|| bad("no such day"))?;
                match (start(day), start(next)) {
                    (Some(a), Some(b)) => Some((a.timestamp(), b.timestamp())),
                    _ => return Err(bad("no such day")),
                }
            }
            None => None,
        };
        let staff_id = match &req.staff {
            Some(login) => {
                let login = domain::office::staff::login(login).unwrap_or_default();
                match self.store.staff_by_login(&login).await? {
                    Some(row) => Some(row.id),
                    // Nobody by that name did anything.
                    None => {
                        return Ok(AuditList {
                            entries: Vec::new(),
                            more: false,
                        })
                    }
                }
            }
            None => None,
        };
        let query = TrailQuery {
            office: office.map(|o| o.0),
            during,
            ticket,
            staff: staff_id,
            limit: i64::try_from(AUDIT_LIMIT).unwrap_or(500) + 1,
        };
        let mut rows = self.store.search_trail(&query).await?;
        rows.sort_by_key(|r| std::cmp::Reverse(r.at));
        let more = rows.len() > AUDIT_LIMIT;
        rows.truncate(AUDIT_LIMIT);
        let logins = self.logins(&rows).await?;
        let entries = rows.into_iter().map(|r| entry(r, &logins)).collect();
        Ok(AuditList { entries, more })
    }

    /// The logins of the staff the rows name, by id.
    async fn logins(&self, rows: &[TrailRow]) -> Result<HashMap<String, String>, StaffError> {
        let mut logins = HashMap::new();
        for r in rows {
            let Some(id) = staff_id(r) else { continue };
            if !logins.contains_key(id) {
                if let Some(row) = self.store.staff_by_id(id).await? {
                    logins.insert(id.to_string(), row.login);
                }
            }
        }
        Ok(logins)
    }
}

/// The account an event names: a ticket's change by `officer:ID` or
/// `admin:ID`, a staff action's own account; none for a ticket's change by
/// the applicant, the system or a payment provider (`liqpay`), nor for a
/// sign-in under a login no account has.
fn staff_id(r: &TrailRow) -> Option<&str> {
    match &r.ticket {
        Some(_) => r.actor.split_once(':').map(|(_, id)| id),
        None => Some(r.actor.as_str()).filter(|a| !a.is_empty()),
    }
}

fn entry(r: TrailRow, logins: &HashMap<String, String>) -> AuditEntry {
    let by = match (staff_id(&r), &r.ticket) {
        (Some(id), _) => logins.get(id).cloned().unwrap_or_else(|| "unknown".into()),
        (None, Some(_)) => r.actor.clone(),
        (None, None) => "unknown".into(),
    };
    let (ticket, number, visit) = match r.ticket {
        Some((id, number, day)) => (Some(id), Some(number), day.parse().ok()),
        None => (None, None, None),
    };
    let (from, to) = r.change.map_or((None, None), |(f, t)| (Some(f), Some(t)));
    AuditEntry {
        at: r.at,
        node: r.node,
        event: r.event,
        by,
        office: r.office,
        ticket,
        number,
        visit,
        from,
        to,
        detail: r.detail,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn actors_name_their_accounts() {
        let row = |actor: &str, ticket: bool| TrailRow {
            at: 0,
            node: String::new(),
            event: String::new(),
            actor: actor.into(),
            office: None,
            ticket: ticket.then(Default::default),
            change: None,
            detail: None,
        };
        assert_eq!(staff_id(&row("officer:abc", true)), Some("abc"));
        assert_eq!(staff_id(&row("admin:x", true)), Some("x"));
        assert_eq!(staff_id(&row("applicant", true)), None);
        assert_eq!(staff_id(&row("liqpay", true)), None);
        assert_eq!(staff_id(&row("abc", false)), Some("abc"));
        assert_eq!(staff_id(&row("", false)), None);
        let logins = HashMap::from([("abc".to_string(), "olena".to_string())]);
        assert_eq!(entry(row("officer:abc", true), &logins).by, "olena");
        assert_eq!(entry(row("liqpay", true), &logins).by, "liqpay");
        assert_eq!(entry(row("gone", false), &logins).by, "unknown");
        assert_eq!(entry(row("", false), &logins).by, "unknown");
    }
}
