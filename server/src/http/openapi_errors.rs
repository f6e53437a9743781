//! The statuses an endpoint answers besides 200, by the error type it uses.

use app::api::*;
use schemars::SchemaGenerator;
use serde_json::Value;

/// Which error type an endpoint answers with: every status it may answer
/// besides 200 follows from it.
#[derive(Debug, Clone, Copy)]
pub(super) enum Errors {
    /// `catalog` and `words`: nothing but a malformed call or a fault.
    Read,
    /// Every booking and ticket endpoint.
    Api,
    /// The sign-in endpoints: `ApiError` or a sign-in rule.
    SignIn,
    /// The staff API: `office::api::StaffError`.
    Staff,
}

impl Errors {
    /// The statuses, each with what it means here.
    pub(super) fn statuses(self) -> &'static [(u16, &'static str)] {
        const READ: &[(u16, &str)] = &[
            (
                400,
                "The body is not of the documented form (`bad_request`).",
            ),
            (403, "A call from another site (`bad_request`)."),
            (
                413,
                "The body is over the endpoint's limit (`bad_request`).",
            ),
            (415, "The body is not `application/json` (`bad_request`)."),
            (500, "A server fault (`internal`)."),
            (
                503,
                "More calls in flight than the server takes (`internal`).",
            ),
        ];
        const API: &[(u16, &str)] = &[
            (400, "The body is not of the documented form (`bad_request`)."),
            (403, "A call from another site (`bad_request`)."),
            (404, "An id names nothing (`not_found`)."),
            (409, "The place was taken, the hold ran out, the booking policy or the ticket's life cycle refuses."),
            (413, "The body is over the endpoint's limit (`bad_request`)."),
            (415, "The body is not `application/json` (`bad_request`)."),
            (422, "Fields that do not parse, a time that cannot be booked, no fee (`invalid`, `slot`, `fee`)."),
            (428, "`hold` and `confirm` only: prove a little work first (`proof`): solve the ALTCHA challenge and send the request again with `proof`."),
            (429, "Too many holds or calls from this client (`limited`); see `Retry-After`."),
            (500, "A server fault (`internal`)."),
            (503, "The server or its database is busy (`limited`); see `Retry-After`."),
        ];
        const SIGN_IN: &[(u16, &str)] = &[
            (
                400,
                "The body is not of the documented form (`bad_request`).",
            ),
            (401, "No session signed in (`not_signed_in`)."),
            (
                403,
                "A wrong or expired code, too many tries, or a call from another site.",
            ),
            (404, "An id names nothing (`not_found`)."),
            (
                413,
                "The body is over the endpoint's limit (`bad_request`).",
            ),
            (415, "The body is not `application/json` (`bad_request`)."),
            (422, "A contact or a code that does not parse."),
            (
                429,
                "Too soon, too many codes, or too many calls (`limited`); see `Retry-After`.",
            ),
            (500, "A server fault (`internal`)."),
            (
                503,
                "The server or its database is busy (`limited`); see `Retry-After`.",
            ),
        ];
        const STAFF: &[(u16, &str)] = &[
            (400, "The body is not of the documented form (`bad_request`)."),
            (401, "No staff session (`not_signed_in`)."),
            (403, "A wrong login or password or check-in code, another office's ticket or window, a role that may not, or a call from another site (`refused`)."),
            (404, "An id names nothing (`not_found`)."),
            (409, "The window has a ticket, the ticket is at another window, called too often, outside its check-in window, or its life cycle refuses (`refused`, `ticket`)."),
            (413, "The body is over the endpoint's limit (`bad_request`)."),
            (415, "The body is not `application/json` (`bad_request`)."),
            (422, "A code, login or password of the wrong form (`refused`)."),
            (429, "The account is locked after wrong passwords, the ticket after wrong check-in codes, or too many calls (`refused`, `limited`); see `Retry-After`."),
            (500, "A server fault (`internal`)."),
            (503, "The server or its database is busy (`limited`); see `Retry-After`."),
        ];
        match self {
            Errors::Read => READ,
            Errors::Api => API,
            Errors::SignIn => SIGN_IN,
            Errors::Staff => STAFF,
        }
    }

    pub(super) fn schema(self, out: &mut SchemaGenerator) -> Value {
        match self {
            Errors::Read => out.subschema_for::<ReadError>(),
            Errors::Api => out.subschema_for::<ApiError>(),
            Errors::SignIn => out.subschema_for::<SignInFailure>(),
            Errors::Staff => out.subschema_for::<office::api::StaffError>(),
        }
        .to_value()
    }
}
