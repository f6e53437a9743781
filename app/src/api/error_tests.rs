//! Tests of `error`.

use super::super::Transient;
use super::*;

#[test]
fn only_a_failed_network_or_server_is_worth_trying_again() {
    let detail = || "x".to_string();
    assert!(ApiError::Transport { detail: detail() }.transient());
    assert!(ApiError::Internal.transient());
    // A limit says when: trying again then may help.
    let busy = Limited::new(domain::limits::Limit::Busy, 2);
    assert!(ApiError::from(busy).transient());
    for fixed in [
        ApiError::Slot {
            cause: SlotError::NoBookingNeeded,
        },
        ApiError::not_found("service"),
        ApiError::BadRequest { detail: detail() },
        ApiError::Invalid { fields: vec![] },
    ] {
        assert!(!fixed.transient(), "{fixed:?}");
    }
    // A read's error says the same as the ApiError of its kind.
    for read in [
        ReadError::BadRequest { detail: detail() },
        ReadError::Transport { detail: detail() },
        ReadError::Internal,
    ] {
        assert_eq!(read.transient(), ApiError::from(read.clone()).transient());
    }
}

#[test]
fn parser_messages_never_echo_values() {
    let e = ApiError::from_server_fn_error(ServerFnErrorErr::Deserialization(
        r#"invalid type: string "Коваль", expected struct Hold at line 1 column 3"#.into(),
    ));
    assert_eq!(
        e,
        ApiError::BadRequest {
            detail: r#"invalid type: string "…", expected struct Hold at line 1 column 3"#.into()
        }
    );
    let long = ApiError::from_server_fn_error(ServerFnErrorErr::Args("x".repeat(1000)));
    assert!(matches!(long, ApiError::BadRequest { detail } if detail.len() == 200));
}

#[test]
fn every_error_has_a_status_and_both_languages() {
    let all = [
        ApiError::not_found("hold"),
        ApiError::BadRequest {
            detail: String::new(),
        },
        ApiError::Invalid { fields: vec![] },
        ApiError::Taken {
            alternatives: vec![],
        },
        ApiError::HoldExpired {
            alternatives: vec![],
        },
        ApiError::Transport {
            detail: String::new(),
        },
        ApiError::Ticket {
            status: TicketStatus::Served,
        },
        ApiError::Limited {
            cause: Limited::new(domain::limits::Limit::Busy, 3),
        },
        ApiError::Proof {
            challenge: "{}".into(),
        },
        ApiError::Internal,
    ];
    for e in all {
        assert!((400..=503).contains(&e.status()));
        assert_ne!(e.message(Lang::Uk), e.message(Lang::En));
    }
}
