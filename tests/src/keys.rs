//! Driving the app with the keyboard only: Tab to a control, then Enter or typing.

use crate::{Browser, Error};

/// WebDriver's Tab key.
pub const TAB: &str = "\u{E004}";
/// WebDriver's Enter key.
pub const ENTER: &str = "\u{E007}";

/// How many Tab presses any control may be away on one page.
const MAX_TABS: usize = 120;

impl Browser {
    /// Whether the focused element matches `css`.
    pub async fn focused(&self, css: &str) -> Result<bool, Error> {
        let found = self
            .client
            .execute(
                "const e = document.activeElement; return !!e && e.matches(arguments[0]);",
                vec![serde_json::json!(css)],
            )
            .await?;
        Ok(found.as_bool().unwrap_or(false))
    }

    /// Sends `keys` to the focused element (the page, when none is).
    pub async fn press(&self, keys: &str) -> Result<(), Error> {
        self.client.active_element().await?.send_keys(keys).await?;
        Ok(())
    }

    /// Presses Tab until the focused element matches `css` (waiting for it to
    /// appear first); fails when Tab never reaches it.
    pub async fn tab_to(&self, css: &str) -> Result<(), Error> {
        self.wait_for_count(css, 1).await?;
        for _ in 0..MAX_TABS {
            if self.focused(css).await? {
                return Ok(());
            }
            self.press(TAB).await?;
        }
        Err(format!("Tab never reached {css}").into())
    }

    /// Tabs to the field `css` and types `text`.
    pub async fn tab_and_type(&self, css: &str, text: &str) -> Result<(), Error> {
        self.tab_to(css).await?;
        self.press(text).await
    }

    /// Whether the focused element draws a visible focus outline.
    pub async fn focus_visible(&self) -> Result<bool, Error> {
        let shown = self
            .client
            .execute(
                "const s = getComputedStyle(document.activeElement); \
                 return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2;",
                vec![],
            )
            .await?;
        Ok(shown.as_bool().unwrap_or(false))
    }
}
