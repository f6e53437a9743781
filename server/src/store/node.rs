//! The name of this node (one `cherga` process) that the audit trail
//! records with each change: `--node-name`, else the machine's host name and
//! the port it serves. One per process: in-process tests that start several
//! nodes share the first one's.

use std::sync::OnceLock;

static NODE: OnceLock<String> = OnceLock::new();

/// Names this process's node, if it has no name yet; answers its name.
pub fn name_node(name: impl Into<String>) -> &'static str {
    NODE.get_or_init(|| clean(&name.into()))
}

/// This node's name (the host's, if it was never named).
pub fn node() -> &'static str {
    NODE.get_or_init(|| clean(&host_name()))
}

/// The machine's host name (`HOSTNAME`, else `/etc/hostname`).
pub fn host_name() -> String {
    std::env::var("HOSTNAME")
        .ok()
        .filter(|h| !h.trim().is_empty())
        .or_else(|| std::fs::read_to_string("/etc/hostname").ok())
        .map(|h| h.trim().to_string())
        .filter(|h| !h.is_empty())
        .unwrap_or_else(|| "localhost".into())
}

/// At most 64 printable characters: a name is shown, never trusted.
fn clean(name: &str) -> String {
    name.chars().filter(|c| !c.is_control()).take(64).collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn names_are_printable_and_short() {
        assert_eq!(super::clean("a\nb\u{7}c"), "abc");
        assert_eq!(super::clean(&"x".repeat(100)).len(), 64);
        assert!(!super::host_name().is_empty());
    }
}
