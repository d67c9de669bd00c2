//! The Web API client: bot token auth, `ok: false` as errors, 429 and 5xx
//! retried within a call, and the scheduler's deliveries.

use std::time::Duration as StdDuration;

use secrecy::{ExposeSecret, SecretString};
use serde_json::{Value, json};

use super::{PLATFORM, message};
use crate::ids::{Part, Platform};
use crate::scheduler::SendResult;
use crate::service::Outbound;

/// The Web API client: bot token auth, `ok: false` as errors, 429 honoured.
#[derive(Clone)]
pub struct WebApi {
    http: reqwest::Client,
    base: String,
    token: SecretString,
}

/// How many times a call is tried when Slack says 429 or fails with 5xx.
const ATTEMPTS: u32 = 4;
/// The longest Retry-After honoured before giving up on this pass.
const MAX_RETRY_AFTER: StdDuration = StdDuration::from_secs(30);

impl WebApi {
    pub fn new(base: &str, token: SecretString) -> WebApi {
        let http = reqwest::Client::builder()
            .timeout(StdDuration::from_secs(10))
            .build()
            .unwrap_or_else(|_| reqwest::Client::new());
        WebApi { http, base: base.trim_end_matches('/').to_string(), token }
    }

    /// Calls a Web API method with a JSON body; returns the response JSON when `ok`.
    pub async fn call(&self, method: &str, body: &Value) -> Result<Value, String> {
        let url = format!("{}/{method}", self.base);
        self.post_json(&url, body, true).await.and_then(|v| {
            if v["ok"].as_bool() == Some(true) {
                Ok(v)
            } else {
                Err(format!("{method}: {}", v["error"].as_str().unwrap_or("ok is not true")))
            }
        })
    }

    /// Posts a message to a slash command's or an action's `response_url`.
    pub async fn respond(&self, response_url: &str, body: &Value) -> Result<(), String> {
        self.post_json(response_url, body, false).await.map(|_| ())
    }

    async fn post_json(&self, url: &str, body: &Value, auth: bool) -> Result<Value, String> {
        let mut last = String::new();
        for attempt in 1..=ATTEMPTS {
            let mut req = self.http.post(url).json(body);
            if auth {
                req = req.bearer_auth(self.token.expose_secret());
            }
            let resp = match req.send().await {
                Ok(r) => r,
                Err(e) => {
                    last = format!("request failed: {}", e.without_url());
                    tokio::time::sleep(backoff(attempt)).await;
                    continue;
                }
            };
            let status = resp.status();
            if status == reqwest::StatusCode::TOO_MANY_REQUESTS {
                let wait = resp
                    .headers()
                    .get("retry-after")
                    .and_then(|v| v.to_str().ok())
                    .and_then(|v| v.trim().parse::<u64>().ok())
                    .map_or_else(|| backoff(attempt), StdDuration::from_secs);
                last = format!("rate limited (retry after {}s)", wait.as_secs());
                if wait > MAX_RETRY_AFTER {
                    break;
                }
                tokio::time::sleep(wait).await;
                continue;
            }
            if status.is_server_error() {
                last = format!("HTTP {status}");
                tokio::time::sleep(backoff(attempt)).await;
                continue;
            }
            if !status.is_success() {
                return Err(format!("HTTP {status}"));
            }
            let text = resp.text().await.map_err(|e| format!("reading the response: {}", e.without_url()))?;
            // response_url answers plain `ok`; the Web API answers JSON.
            return Ok(serde_json::from_str(&text).unwrap_or(Value::Null));
        }
        Err(last)
    }

    /// Sends a question or a reveal from the scheduler. A reveal replaces the
    /// question message (buttons gone) when its `ts` is known.
    pub async fn deliver(&self, out: &Outbound) -> SendResult {
        let mut body = message(&out.reply);
        body["channel"] = json!(out.to.channel);
        match (out.part, out.message_ref.as_deref()) {
            (Part::Reveal, Some(ts)) => {
                body["ts"] = json!(ts);
                self.call("chat.update", &body).await?;
                Ok(None)
            }
            _ => {
                let v = self.call("chat.postMessage", &body).await?;
                Ok(v["ts"].as_str().map(str::to_string))
            }
        }
    }
}

impl crate::scheduler::Deliver for WebApi {
    fn platform(&self) -> Platform {
        PLATFORM
    }

    /// Slack offers no de-duplication key for chat.postMessage.
    fn dedupes(&self) -> bool {
        false
    }

    fn deliver<'a>(
        &'a self,
        out: &'a Outbound,
    ) -> std::pin::Pin<Box<dyn std::future::Future<Output = SendResult> + Send + 'a>> {
        Box::pin(WebApi::deliver(self, out))
    }
}

fn backoff(attempt: u32) -> StdDuration {
    StdDuration::from_millis(200 * 2u64.pow(attempt.min(5)))
}
