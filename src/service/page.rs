//! A server's web page: its boards, this week's chart (inline SVG, drawn by
//! the same code as the recap's PNG) and the archive of revealed daily
//! questions. Server-rendered HTML with no script, readable on a phone.
//! Only revealed questions appear: an open question's answer never does.

use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;
use maud::{DOCTYPE, Markup, PreEscaped, html};

use super::{Service, daily, recap, text};
use crate::content::Bank;
use crate::i18n::{Lang, Msg};
use crate::ids::{GuildId, UserId};
use crate::msg;
use crate::quiz::leaderboard::{Period, Sort, Standing, accuracy_percent, period_key, rank};
use crate::quiz::recap::{WINDOW, first_day};
use crate::reply::RecapCard;
use crate::store::{self, BoardKind, Scope, Store, StoreError};

/// Rows per board and questions in the archive.
const BOARD_ROWS: usize = 10;
const ARCHIVE: usize = 30;

/// What the page shows, gathered on a read connection.
struct PageData {
    boards: Vec<(Msg, Vec<Standing>)>,
    streaks: Vec<Standing>,
    week: RecapCard,
    archive: Vec<Revealed>,
    tz: Tz,
}

struct Revealed {
    date: NaiveDate,
    category: String,
    prompt: String,
    right_answer: String,
    explanation: String,
    answered: u32,
    right: u32,
}

/// Whether `token` has the shape of one [`super::page_token`] makes.
fn well_formed(token: &str) -> bool {
    token.len() == 32 && token.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

impl Service {
    /// The page of the server whose token this is, or `None` (a 404) for
    /// any other string, in `browser`'s language (the reader's, if we speak
    /// it), else the server's. Reads off the writer, draws on a blocking thread.
    pub async fn server_page(
        &self,
        token: String,
        now: DateTime<Utc>,
        browser: Option<Lang>,
    ) -> Result<Option<String>, StoreError> {
        if !well_formed(&token) {
            return Ok(None);
        }
        let default_tz = self.core.rules.default_tz;
        let found = self
            .read(move |r| {
                let Some(guild) = r.guild_by_token(&token)? else { return Ok(None) };
                Ok(Some((guild, r.guild_zone(guild, default_tz)?, r.language_of(guild)?)))
            })
            .await?;
        let Some((guild, (tz, built), language)) = found else { return Ok(None) };
        let lang = browser.unwrap_or(language.shown(None));
        if !built {
            self.write(move |w| {
                daily::settle_all(w)?;
                w.store.rebuild_totals(guild, tz)
            })
            .await?;
        }
        let core = std::sync::Arc::clone(&self.core);
        let data = self.read(move |r| gather(r, &core.bank, guild, tz, now, lang)).await?;
        tokio::task::spawn_blocking(move || Some(render(&data, lang)))
            .await
            .map_err(|e| StoreError::Failed { temporary: true, message: format!("drawing the page failed: {e}") })
    }
}

fn gather(
    store: &Store,
    bank: &Bank,
    guild: GuildId,
    tz: Tz,
    now: DateTime<Utc>,
    lang: Lang,
) -> store::Result<PageData> {
    let nobody = UserId(0);
    let mut boards = Vec::new();
    for (period, title) in [
        (Period::Week, msg!("page-board-week")),
        (Period::Month, msg!("page-board-month")),
        (Period::All, msg!("page-board-all")),
    ] {
        let key = period_key(period, now, tz);
        let board = store.board(guild, BoardKind::Daily, &key, Sort::Points, nobody, BOARD_ROWS)?;
        boards.push((title, rank(board.top, Sort::Points)));
    }
    if let Some(season) = store.season(guild, None)? {
        let mut board = store.season_board(guild, &season, now)?;
        board.truncate(BOARD_ROWS);
        boards.push((text::season_title(&season.name, true), board));
    }
    let streaks =
        rank(store.board(guild, BoardKind::Daily, "all", Sort::Streak, nobody, BOARD_ROWS)?.top, Sort::Streak);
    let first = first_day(now.with_timezone(&tz).date_naive());
    let week = recap::week_card(store, bank, Scope::Guild(guild), (first, now - WINDOW, now), lang)?;
    let mut archive = Vec::new();
    for q in store.revealed_questions(Scope::Guild(guild), ARCHIVE)? {
        let Some(found) = super::find_item(store, bank, &q.item_id)? else { continue };
        let translated = super::language::item_in(bank, &found.item, lang);
        let item = translated.as_ref().unwrap_or(&*found.item);
        archive.push(Revealed {
            date: q.local_date,
            category: bank.title_in(&item.category, lang),
            prompt: item.prompt.clone(),
            right_answer: item.right_answer(),
            explanation: item.explanation.clone(),
            answered: q.answered,
            right: q.right,
        });
    }
    Ok(PageData { boards, streaks, week, archive, tz })
}

const STYLE: &str = "
body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;margin:0;color:#1a1a1a;background:#fff;line-height:1.5}
main{max-width:60rem;margin:0 auto;padding:1rem}
h1{font-size:1.6rem;margin:.5rem 0 1rem}h2{font-size:1.25rem;margin-top:2rem;border-bottom:2px solid #08519c}
.boards{display:grid;grid-template-columns:repeat(auto-fit,minmax(16rem,1fr));gap:1rem}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.3rem .4rem;border-bottom:1px solid #ccc}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
figure{margin:0}figure svg{width:100%;height:auto;max-width:40rem;display:block}
figcaption{font-size:.9rem;color:#444}
article{border-bottom:1px solid #ccc;padding:.5rem 0}.meta{color:#444;font-size:.9rem}
.answer{font-weight:600;color:#08519c}
pre{background:#f4f4f4;padding:.5rem;overflow-x:auto;font-size:.9rem}code{font-family:ui-monospace,Menlo,Consolas,monospace}
.question p:first-child{font-weight:600;font-size:1.05rem}
";

fn render(data: &PageData, lang: Lang) -> String {
    let t = |m: Msg| lang.tr(&m);
    let alt = lang.tr(&text::chart_alt(&data.week));
    let chart = match crate::chart::svg(&data.week.chart) {
        Ok(svg) => {
            // The SVG is our own drawing; the label is escaped like any text.
            let label = maud::html! { (alt) }.into_string();
            PreEscaped(svg.replacen("<svg ", &format!("<svg role=\"img\" aria-label=\"{label}\" "), 1))
        }
        Err(e) => {
            tracing::warn!(error = %e, "could not draw the week's chart for the page");
            PreEscaped(String::new())
        }
    };
    let page: Markup = html! {
        (DOCTYPE)
        html lang=(lang.tag()) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                meta name="robots" content="noindex";
                title { (t(msg!("page-title"))) }
                style { (PreEscaped(STYLE)) }
            }
            body {
                main {
                    h1 { (t(msg!("page-title"))) }
                    p class="meta" { (t(msg!("page-zone", zone = data.tz.name()))) }
                    section aria-labelledby="boards" {
                        h2 id="boards" { (t(msg!("page-boards"))) }
                        div class="boards" {
                            @for (title, rows) in &data.boards {
                                (board(&lang.tr(title), rows, lang))
                            }
                            (streak_board(&data.streaks, lang))
                        }
                    }
                    section aria-labelledby="week" {
                        h2 id="week" { (t(msg!("page-week"))) }
                        figure {
                            (chart)
                            figcaption { (alt) }
                        }
                    }
                    section aria-labelledby="archive" {
                        h2 id="archive" { (t(msg!("page-archive"))) }
                        @if data.archive.is_empty() {
                            p { (t(msg!("page-no-archive"))) }
                        }
                        @for q in &data.archive {
                            article {
                                div class="question" { (rich(&q.prompt)) }
                                p class="meta" { (t(msg!(
                                    "page-question-meta",
                                    date = &q.date,
                                    category = &q.category,
                                    answered = q.answered,
                                    right = q.right,
                                    share = accuracy_percent(i64::from(q.right), i64::from(q.answered))
                                ))) }
                                p { (t(msg!("page-answer"))) " " span class="answer" { (inline(&q.right_answer)) } }
                                (rich(&q.explanation))
                            }
                        }
                    }
                }
            }
        }
    };
    page.into_string()
}

/// Question text as HTML: prose in paragraphs with `inline code`, fenced
/// blocks as `<pre><code>` (maud escapes every piece).
fn rich(text: &str) -> Markup {
    use crate::content::code::{Block, split};
    html! {
        @for block in split(text) {
            @match block {
                Block::Prose(p) => p { @for (n, line) in p.lines().enumerate() { @if n > 0 { br; } (inline(line)) } },
                Block::Code { lang, code } => pre { code class=[lang.map(|l| format!("language-{l}"))] { (code) } },
            }
        }
    }
}

/// One line with its `inline code` as `<code>`.
fn inline(line: &str) -> Markup {
    use crate::content::code::{Span, spans};
    html! {
        @for span in spans(line) {
            @match span {
                Span::Text(t) => (t),
                Span::Code(c) => code { (c) },
            }
        }
    }
}

fn board(title: &str, rows: &[Standing], lang: Lang) -> Markup {
    let t = |m: Msg| lang.tr(&m);
    html! {
        div {
            h3 { (title) }
            @if rows.is_empty() {
                p { (t(msg!("page-no-answers"))) }
            } @else {
                table {
                    thead { tr { th scope="col" { "#" } th scope="col" { (t(msg!("page-col-player"))) }
                        th class="n" scope="col" { (t(msg!("page-col-points"))) }
                        th class="n" scope="col" { (t(msg!("page-col-accuracy"))) } } }
                    tbody {
                        @for (i, r) in rows.iter().enumerate() {
                            tr { td { (i + 1) } td { bdi { (r.name) } } td class="n" { (r.points) }
                                td class="n" { (t(msg!(
                                    "figure-accuracy",
                                    share = accuracy_percent(r.correct, r.answered),
                                    correct = r.correct,
                                    answered = r.answered
                                ))) } }
                        }
                    }
                }
            }
        }
    }
}

fn streak_board(rows: &[Standing], lang: Lang) -> Markup {
    let t = |m: Msg| lang.tr(&m);
    html! {
        div {
            h3 { (t(msg!("page-streaks"))) }
            @if rows.is_empty() {
                p { (t(msg!("page-no-streaks"))) }
            } @else {
                table {
                    thead { tr { th scope="col" { "#" } th scope="col" { (t(msg!("page-col-player"))) }
                        th class="n" scope="col" { (t(msg!("page-col-days"))) } } }
                    tbody {
                        @for (i, r) in rows.iter().enumerate() {
                            tr { td { (i + 1) } td { bdi { (r.name) } } td class="n" { (r.streak) } }
                        }
                    }
                }
            }
        }
    }
}

/// What any link that is not a server's page shows.
pub fn not_found(lang: Lang) -> String {
    let t = |m: Msg| lang.tr(&m);
    let page: Markup = html! {
        (DOCTYPE)
        html lang=(lang.tag()) {
            head { meta charset="utf-8"; title { (t(msg!("page-not-found-title"))) } }
            body { main {
                h1 { (t(msg!("page-not-found-title"))) }
                p { (PreEscaped(maud::html! { (t(msg!("page-not-found", command = "\u{E012}"))) }.into_string()
                    .replace('\u{E012}', "<code>/quiz web</code>"))) }
            } }
        }
    };
    page.into_string()
}
