//! The help pages: their texts for the system administrator (read, and
//! replaced with the change in the audit trail), and each page as the
//! applicant reads it, rendered from Markdown (`http::help`).

use super::Services;
use crate::store::NewStaffEvent;
use domain::help::HelpPage;
use domain::office::staff::Staff;
use domain::Lang;
use office::api::{HelpRequest, HelpText, StaffError};

impl Services {
    /// A page's text, for the system administrator.
    pub async fn admin_help(
        &self,
        staff: &Staff,
        req: &HelpRequest,
    ) -> Result<HelpText, StaffError> {
        staff.may_run_service()?;
        let text = self
            .help_text(req.page, req.lang)
            .await?
            .unwrap_or_default();
        Ok(HelpText {
            page: req.page,
            lang: req.lang,
            text,
        })
    }

    /// Replaces a page's text (the system administrator's only).
    pub async fn admin_help_save(
        &self,
        staff: &Staff,
        req: &HelpText,
    ) -> Result<HelpText, StaffError> {
        staff.may_run_service()?;
        domain::help::check(&req.text).map_err(|cause| StaffError::Help { cause })?;
        let before = self.help_text(req.page, req.lang).await?;
        let now = self.now();
        let detail = serde_json::json!({
            "page": req.page.id(),
            "lang": req.lang.tag(),
            "before": before,
            "after": req.text,
        });
        let event = NewStaffEvent {
            id: super::secrets::ordered_id(now).map_err(|_| StaffError::Internal)?,
            at: now.timestamp(),
            staff: Some(staff.id.clone()),
            office: None,
            event: "help_page",
            detail: Some(detail.to_string()),
        };
        self.store
            .save_help_page(req.page.id(), req.lang.tag(), req.text.clone(), event)
            .await?;
        tracing::info!(staff = %staff.id, page = req.page.id(), "a help page changed");
        Ok(req.clone())
    }

    /// The stored text of `page` in `lang`.
    pub async fn help_text(
        &self,
        page: HelpPage,
        lang: Lang,
    ) -> Result<Option<String>, crate::store::StoreError> {
        self.store.help_page(page.id(), lang.tag()).await
    }
}
