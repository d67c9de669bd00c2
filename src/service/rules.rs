//! The rules the service plays by, from the settings.

use chrono_tz::Tz;

use crate::quiz::ratelimit::RateRules;
use crate::quiz::schedule::Close;
use crate::quiz::scoring::ScoringRules;
use crate::quiz::streak::StreakRules;

/// The rules the service plays by (from config).
#[derive(Debug, Clone)]
pub struct Rules {
    pub scoring: ScoringRules,
    pub streak: StreakRules,
    /// Leaderboard zone for servers that set none.
    pub default_tz: Tz,
    pub max_input_chars: usize,
    /// How late a post may still go out after downtime.
    pub grace: chrono::Duration,
    /// When daily questions close, for schedules that do not say.
    pub default_close: Close,
    /// Commands per user.
    pub rate: RateRules,
    /// Where the servers' web pages are reached, when they are served.
    pub web_url: Option<String>,
    /// The key server pages' tokens are derived from; set with `web_url`.
    pub page_key: Option<[u8; 32]>,
}

impl Rules {
    /// The rules the settings give (the web page's address is added by the app
    /// once its listener is known).
    pub fn from_settings(settings: &crate::config::Settings) -> Rules {
        Rules {
            scoring: settings.quiz.scoring(),
            streak: settings.quiz.streak(),
            default_tz: settings.quiz.timezone.0,
            max_input_chars: settings.quiz.max_input_chars,
            grace: settings.schedule.grace.0,
            default_close: settings.schedule.close.0,
            rate: RateRules { burst: settings.quiz.rate_burst, per_second: settings.quiz.rate_per_second },
            web_url: None,
            page_key: None,
        }
    }
}

/// The configuration's defaults: they are written once, in `config`.
impl Default for Rules {
    fn default() -> Self {
        Rules::from_settings(&crate::config::Settings::default())
    }
}
