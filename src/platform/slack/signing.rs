//! Slack's request signatures: the `v0` HMAC-SHA256 over
//! `v0:{timestamp}:{body}` with the signing secret, compared in constant
//! time, and a timestamp no more than five minutes off.

use axum::http::HeaderMap;
use hmac::{Hmac, Mac};
use sha2::Sha256;

/// Requests signed further than this from now are refused.
const MAX_SKEW_SECS: i64 = 5 * 60;

/// The `v0=` signature Slack sends for a request body.
pub fn sign(secret: &str, timestamp: &str, body: &[u8]) -> String {
    format!("v0={}", hex::encode(mac(secret, timestamp, body).finalize().into_bytes()))
}

fn mac(secret: &str, timestamp: &str, body: &[u8]) -> Hmac<Sha256> {
    let mut mac = Hmac::<Sha256>::new_from_slice(secret.as_bytes()).expect("HMAC takes keys of any length");
    mac.update(b"v0:");
    mac.update(timestamp.as_bytes());
    mac.update(b":");
    mac.update(body);
    mac
}

/// Why a request was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
    #[error("no X-Slack-Request-Timestamp or X-Slack-Signature header")]
    Unsigned,
    #[error("the request timestamp is more than five minutes off")]
    Stale,
    #[error("the signature does not match")]
    Forged,
}

/// Checks a request's signature headers against its raw body.
pub fn verify(secret: &str, headers: &HeaderMap, body: &[u8], now_secs: i64) -> Result<(), Refusal> {
    let header = |name: &str| headers.get(name).and_then(|v| v.to_str().ok());
    let (Some(timestamp), Some(signature)) = (header("x-slack-request-timestamp"), header("x-slack-signature")) else {
        return Err(Refusal::Unsigned);
    };
    let ts: i64 = timestamp.trim().parse().map_err(|_| Refusal::Stale)?;
    if (now_secs - ts).abs() > MAX_SKEW_SECS {
        return Err(Refusal::Stale);
    }
    let given = signature.strip_prefix("v0=").and_then(|h| hex::decode(h).ok()).ok_or(Refusal::Forged)?;
    mac(secret, timestamp, body).verify_slice(&given).map_err(|_| Refusal::Forged)
}
