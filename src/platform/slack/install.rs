//! Many workspaces: "Add to Slack" through OAuth v2, each workspace's bot
//! token sealed at rest, and the Web API client of the workspace a call is
//! for.
//!
//! `GET /slack/install` hands out a `state` signed with a key derived from
//! `slack.token_key` (HMAC-SHA256 over its expiry and a nonce, good for ten
//! minutes; nothing is written, so no number of anonymous requests can fill
//! anything) and redirects to Slack's authorize page;
//! `GET /slack/oauth/callback` checks the signature and the expiry, uses the
//! nonce up (a row, so a state works once), exchanges the code with
//! `oauth.v2.access` and stores the installation. The token is sealed with
//! XChaCha20-Poly1305 (the `chacha20poly1305` crate) under `slack.token_key`,
//! with the team id as associated data, so neither a copied database nor a
//! row moved to another team yields a token. `app_uninstalled` and
//! `tokens_revoked` forget the installation and pause the workspace's
//! schedules; its data stays (see [`super::events`]).

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use axum::extract::{Query, State};
use axum::http::{StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use secrecy::{ExposeSecret, SecretString};
use serde::Deserialize;
use serde_json::Value;

use super::web_api::WebApi;
use super::{PLATFORM, Slack};
use crate::i18n::{Lang, Msg};
use crate::msg;
use crate::service::Service;
use crate::store::Installation;

/// Where Slack's users approve an install.
const AUTHORIZE_URL: &str = "https://slack.com/oauth/v2/authorize";
/// What the bot asks for: the command, posting, users.info for names and
/// admins, the recap chart, and replies in discussion threads.
pub const SCOPES: &str = "commands,chat:write,users:read,files:write,channels:history,groups:history";
/// How long an install link's `state` stays good.
const STATE_LIFETIME: Duration = Duration::from_secs(10 * 60);
/// The cookie that ties a `state` to the browser it was handed to.
const STATE_COOKIE: &str = "qm_slack_state";
const NONCE_LEN: usize = 24;

/// Seals and opens bot tokens with the configured key, and signs install
/// states with a key derived from it.
pub struct Sealer(XChaCha20Poly1305, [u8; 32]);

type StateMac = hmac::Hmac<sha2::Sha256>;

impl Sealer {
    pub fn new(key: [u8; 32]) -> Sealer {
        use sha2::Digest;
        let state_key: [u8; 32] =
            sha2::Sha256::new().chain_update(b"quizmaster slack oauth state").chain_update(key).finalize().into();
        Sealer(XChaCha20Poly1305::new(&key.into()), state_key)
    }

    fn state_mac(&self, body: &str) -> StateMac {
        use hmac::Mac;
        let mut mac = <StateMac as Mac>::new_from_slice(&self.1).expect("HMAC takes any key length");
        mac.update(body.as_bytes());
        mac
    }

    /// A state good until `expires_ms`: `EXPIRY.NONCE.MAC`.
    fn sign_state(&self, expires_ms: i64) -> String {
        use hmac::Mac;
        let body = format!("{expires_ms}.{}", crate::service::random_hex::<16>());
        let mac = hex::encode(self.state_mac(&body).finalize().into_bytes());
        format!("{body}.{mac}")
    }

    /// The nonce of a state this key signed and that has not expired at `now_ms`.
    fn check_state<'a>(&self, state: &'a str, now_ms: i64) -> Option<&'a str> {
        use hmac::Mac;
        let (body, mac) = state.rsplit_once('.')?;
        let (expires, nonce) = body.split_once('.')?;
        self.state_mac(body).verify_slice(&hex::decode(mac).ok()?).ok()?;
        (expires.parse::<i64>().ok()? > now_ms).then_some(nonce)
    }

    /// The nonce followed by the ciphertext, bound to `team`.
    pub fn seal(&self, team: &str, token: &SecretString) -> Vec<u8> {
        let mut nonce = [0u8; NONCE_LEN];
        rand::fill(&mut nonce);
        let payload = Payload { msg: token.expose_secret().as_bytes(), aad: team.as_bytes() };
        let sealed = self.0.encrypt(XNonce::from_slice(&nonce), payload).unwrap_or_default();
        [nonce.as_slice(), &sealed].concat()
    }

    /// The token, if `sealed` was sealed for `team` under this key.
    pub fn open(&self, team: &str, sealed: &[u8]) -> Option<SecretString> {
        let (nonce, ciphertext) = sealed.split_at_checked(NONCE_LEN)?;
        let payload = Payload { msg: ciphertext, aad: team.as_bytes() };
        let token = self.0.decrypt(XNonce::from_slice(nonce), payload).ok()?;
        String::from_utf8(token).ok().map(SecretString::from)
    }
}

/// A workspace the bot can talk to: its Web API client and who installed it.
#[derive(Clone)]
pub struct Workspace {
    pub api: WebApi,
    pub installer: Option<String>,
}

/// The Web API client of each workspace: its OAuth installation's token,
/// else the configured `bot_token` (a single-workspace setup).
pub struct Workspaces {
    service: Arc<Service>,
    /// With `slack.bot_token`, or no token at all.
    pub default: WebApi,
    has_default: bool,
    sealer: Option<Sealer>,
    /// By team, with when it was read: read again after [`RECHECK`] (not
    /// found) or [`REREAD`] (found), in case another process on the
    /// database installed, reinstalled or uninstalled it meanwhile.
    cache: Mutex<HashMap<String, (Option<Workspace>, Instant)>>,
}

/// How long "not installed" is believed.
const RECHECK: Duration = Duration::from_secs(60);
/// How long an installation read is used before it is read again.
const REREAD: Duration = Duration::from_secs(10 * 60);

impl Workspaces {
    pub fn new(service: Arc<Service>, default: WebApi, has_default: bool, sealer: Option<Sealer>) -> Workspaces {
        Workspaces { service, default, has_default, sealer, cache: Mutex::default() }
    }

    /// The workspace `team`, if the bot is installed there (or configured for it).
    pub async fn get(&self, team: &str) -> Option<Workspace> {
        if let Some((known, at)) = self.cache.lock().unwrap_or_else(PoisonError::into_inner).get(team)
            && at.elapsed() < if known.is_some() { REREAD } else { RECHECK }
        {
            return known.clone();
        }
        let installed = match &self.sealer {
            Some(sealer) => match self.service.installation(PLATFORM, team.to_string()).await {
                Ok(found) => found.and_then(|i| {
                    let token = sealer.open(team, &i.token_sealed);
                    if token.is_none() {
                        tracing::error!(team, "an installation's token does not open with slack.token_key");
                    }
                    token.map(|t| Workspace { api: self.default.with_token(t), installer: Some(i.installer) })
                }),
                Err(e) => {
                    tracing::warn!(team, error = %e, "cannot read the installation");
                    return self.configured();
                }
            },
            None => None,
        };
        let workspace = installed.or_else(|| self.configured());
        self.cache
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .insert(team.to_string(), (workspace.clone(), Instant::now()));
        workspace
    }

    /// The workspace of the configured `bot_token`, if one is set.
    fn configured(&self) -> Option<Workspace> {
        self.has_default.then(|| Workspace { api: self.default.clone(), installer: None })
    }

    pub(super) fn forget(&self, team: &str) {
        self.cache.lock().unwrap_or_else(PoisonError::into_inner).remove(team);
    }

    fn sealer(&self) -> Option<&Sealer> {
        self.sealer.as_ref()
    }
}

/// The app's OAuth credentials.
pub struct OAuth {
    pub client_id: String,
    pub client_secret: SecretString,
}

/// `GET /slack/install`: a fresh signed state, then Slack's authorize page.
pub(super) async fn install(State(slack): State<Arc<Slack>>) -> Response {
    let (Some(oauth), Some(sealer)) = (&slack.oauth, slack.workspaces.sealer()) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let lifetime = chrono::Duration::from_std(STATE_LIFETIME).unwrap_or_default();
    let state = sealer.sign_state((slack.clock.now() + lifetime).timestamp_millis());
    let query =
        serde_urlencoded::to_string([("client_id", oauth.client_id.as_str()), ("scope", SCOPES), ("state", &state)])
            .unwrap_or_default();
    let cookie = format!("{STATE_COOKIE}={state}; Path=/slack; Max-Age=600; HttpOnly; Secure; SameSite=Lax");
    (StatusCode::FOUND, [(header::LOCATION, format!("{AUTHORIZE_URL}?{query}")), (header::SET_COOKIE, cookie)])
        .into_response()
}

#[derive(Debug, Deserialize)]
pub(super) struct Callback {
    code: Option<String>,
    state: Option<String>,
    error: Option<String>,
}

/// `GET /slack/oauth/callback`: the state used up, the code exchanged, the
/// installation stored. Nothing is stored unless all of it succeeds.
pub(super) async fn callback(
    State(slack): State<Arc<Slack>>,
    headers: axum::http::HeaderMap,
    Query(q): Query<Callback>,
) -> Response {
    let (Some(oauth), Some(sealer)) = (&slack.oauth, slack.workspaces.sealer()) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    // The state must be the one handed to this browser (login CSRF).
    let cookie = headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|c| c.trim().strip_prefix(STATE_COOKIE)?.strip_prefix('='))
        .next();
    let now = slack.clock.now();
    let nonce = q
        .state
        .as_deref()
        .filter(|state| cookie == Some(*state))
        .and_then(|state| sealer.check_state(state, now.timestamp_millis()));
    let fresh = match nonce {
        Some(nonce) => slack.service.take_oauth_state(nonce.to_string(), now, STATE_LIFETIME).await,
        None => Ok(false),
    };
    match fresh {
        Ok(true) => {}
        Ok(false) => {
            tracing::warn!("an OAuth callback with an unknown, used or expired state");
            return page(StatusCode::BAD_REQUEST, msg!("install-link-used"));
        }
        Err(e) => {
            tracing::error!(error = %e, "could not check an OAuth state");
            return page(StatusCode::SERVICE_UNAVAILABLE, msg!("install-failed"));
        }
    }
    if q.error.is_some() {
        return page(StatusCode::OK, msg!("install-cancelled"));
    }
    let Some(code) = q.code else { return page(StatusCode::BAD_REQUEST, msg!("install-failed")) };
    let form = [
        ("client_id", oauth.client_id.as_str()),
        ("client_secret", oauth.client_secret.expose_secret()),
        ("code", code.as_str()),
    ];
    let access = match slack.api.post_unauthenticated("oauth.v2.access", &form).await {
        Ok(v) => v,
        Err(e) => {
            tracing::warn!(error = %e, "oauth.v2.access failed");
            return page(StatusCode::BAD_GATEWAY, msg!("install-failed"));
        }
    };
    let Some(installation) = installation_of(&access, sealer, slack.clock.now()) else {
        tracing::warn!("oauth.v2.access gave no team or bot token");
        return page(StatusCode::BAD_GATEWAY, msg!("install-failed"));
    };
    let (team, name, installer) =
        (installation.team.clone(), installation.team_name.clone(), installation.installer.clone());
    if let Err(e) = slack.service.save_installation(installation).await {
        tracing::error!(error = %e, "could not store an installation");
        return page(StatusCode::SERVICE_UNAVAILABLE, msg!("install-failed"));
    }
    slack.workspaces.forget(&team);
    tracing::info!(team, "installed in a workspace");
    if !installer.is_empty() {
        tokio::spawn(welcome(Arc::clone(&slack), team, name.clone(), installer));
    }
    page(StatusCode::OK, msg!("installed", team = &name))
}

/// A direct message to whoever installed the app, saying how to start:
/// the browser tab they installed from is soon closed and forgotten.
async fn welcome(slack: Arc<Slack>, team: String, name: String, installer: String) {
    let Some(workspace) = slack.workspaces.get(&team).await else { return };
    let mut body = super::message(&crate::reply::Reply::info(msg!("installed-welcome", team = &name)));
    body["channel"] = serde_json::json!(installer);
    if let Err(e) = workspace.api.call("chat.postMessage", &body).await {
        tracing::warn!(team, error = %e, "could not send the installer the first steps");
    }
}

/// The installation `oauth.v2.access` describes, its token sealed.
fn installation_of(v: &Value, sealer: &Sealer, now: chrono::DateTime<chrono::Utc>) -> Option<Installation> {
    let team = v["team"]["id"].as_str()?.to_string();
    let token = SecretString::from(v["access_token"].as_str().filter(|t| t.starts_with("xoxb-"))?.to_string());
    Some(Installation {
        platform: PLATFORM,
        enterprise: v["enterprise"]["id"].as_str().map(str::to_string),
        team_name: v["team"]["name"].as_str().unwrap_or(&team).to_string(),
        bot_user: v["bot_user_id"].as_str().unwrap_or_default().to_string(),
        installer: v["authed_user"]["id"].as_str().unwrap_or_default().to_string(),
        token_sealed: sealer.seal(&team, &token),
        installed_at: now,
        team,
    })
}

/// A plain page with one sentence from the catalogue.
fn page(status: StatusCode, sentence: Msg) -> Response {
    let lang = Lang::EnUs;
    let escaped = lang.tr(&sentence).replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;");
    let html = format!(
        "<!doctype html><html lang=\"{}\"><head><meta charset=\"utf-8\"><title>Quizmaster</title>\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"></head>\
         <body><main><h1>Quizmaster</h1><p>{escaped}</p></main></body></html>",
        lang.tag()
    );
    (status, Html(html)).into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sealed_token_opens_only_with_its_key_and_its_team() {
        let sealer = Sealer::new([9; 32]);
        let token = SecretString::from("xoxb-1-secret");
        let sealed = sealer.seal("T1", &token);
        assert!(!sealed.windows(6).any(|w| w == b"secret"), "no clear text");
        assert_eq!(sealer.open("T1", &sealed).map(|t| t.expose_secret().to_string()).as_deref(), Some("xoxb-1-secret"));
        assert!(sealer.open("T2", &sealed).is_none(), "bound to its team");
        assert!(Sealer::new([8; 32]).open("T1", &sealed).is_none(), "bound to its key");
        assert!(sealer.open("T1", &sealed[..10]).is_none());
        assert_ne!(sealer.seal("T1", &token), sealed, "a fresh nonce each time");
    }
}
