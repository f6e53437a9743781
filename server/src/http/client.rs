//! Who the client is: the peer of the connection, or, when the peer is one
//! of the configured reverse proxies (`--trusted-proxies`), the nearest
//! address in `X-Forwarded-For` that is not a proxy. Each proxy appends the
//! address it received the request from, so the entries a client wrote
//! itself stand to the left of the first one a trusted proxy wrote, and are
//! never reached. From any other peer the header is ignored.

use app::api::context::ClientAddr;
use axum::extract::{ConnectInfo, Request};
use axum::http::HeaderMap;
use ipnet::IpNet;
use std::net::{IpAddr, SocketAddr};

/// Puts the request's [`ClientAddr`] among its extensions, for the limits
/// and the server functions.
pub fn identify(proxies: &[IpNet], req: &mut Request) {
    let peer = req
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|c| c.0.ip());
    let client = ClientAddr(client_ip(peer, req.headers(), proxies));
    req.extensions_mut().insert(client);
}

/// The client's address of a request from `peer` with `headers`.
pub fn client_ip(peer: Option<IpAddr>, headers: &HeaderMap, trusted: &[IpNet]) -> Option<IpAddr> {
    let peer = peer.map(canonical)?;
    let is_proxy = |ip: &IpAddr| trusted.iter().any(|net| net.contains(ip));
    if !is_proxy(&peer) {
        return Some(peer);
    }
    let hops: Vec<&str> = headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(str::trim)
        .collect();
    let mut nearest = peer;
    for hop in hops.iter().rev() {
        match hop.parse::<IpAddr>().map(canonical) {
            Ok(ip) if is_proxy(&ip) => nearest = ip,
            Ok(ip) => return Some(ip),
            // Not an address where a proxy writes one: trust nothing further.
            Err(_) => break,
        }
    }
    Some(nearest)
}

/// An IPv4 address written as IPv6 (`::ffff:a.b.c.d`, as a dual-stack socket
/// reports it) is the IPv4 address.
fn canonical(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V6(v6) => v6
            .to_ipv4_mapped()
            .map(IpAddr::V4)
            .unwrap_or(IpAddr::V6(v6)),
        v4 => v4,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    fn forwarded(values: &[&'static str]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for v in values {
            h.append("x-forwarded-for", HeaderValue::from_static(v));
        }
        h
    }

    #[test]
    fn without_trusted_proxies_the_header_is_ignored() {
        let h = forwarded(&["203.0.113.9"]);
        assert_eq!(
            client_ip(Some(ip("198.51.100.7")), &h, &[]),
            Some(ip("198.51.100.7"))
        );
        assert_eq!(client_ip(None, &h, &[]), None);
    }

    #[test]
    fn behind_a_proxy_the_nearest_untrusted_hop_is_the_client() {
        let proxies = [
            "10.0.0.0/8".parse().unwrap(),
            "192.0.2.1/32".parse().unwrap(),
        ];
        // The client forged the first entry; the proxies wrote the rest.
        let h = forwarded(&["1.2.3.4, 203.0.113.9", "10.1.1.1"]);
        assert_eq!(
            client_ip(Some(ip("192.0.2.1")), &h, &proxies),
            Some(ip("203.0.113.9"))
        );
        // A request that did not come through the proxy keeps its peer.
        assert_eq!(
            client_ip(Some(ip("198.51.100.7")), &h, &proxies),
            Some(ip("198.51.100.7"))
        );
        // Garbage where a proxy writes an address: the last proxy stands.
        let bad = forwarded(&["203.0.113.9, not-an-ip, 10.2.2.2"]);
        assert_eq!(
            client_ip(Some(ip("192.0.2.1")), &bad, &proxies),
            Some(ip("10.2.2.2"))
        );
        // No header: the proxy itself.
        assert_eq!(
            client_ip(Some(ip("10.0.0.5")), &HeaderMap::new(), &proxies),
            Some(ip("10.0.0.5"))
        );
    }

    #[test]
    fn a_mapped_ipv4_address_is_the_ipv4_address() {
        let proxies = ["127.0.0.1/32".parse().unwrap()];
        let h = forwarded(&["::ffff:203.0.113.9"]);
        assert_eq!(
            client_ip(Some(ip("::ffff:127.0.0.1")), &h, &proxies),
            Some(ip("203.0.113.9"))
        );
    }
}
