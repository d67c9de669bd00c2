//! Data and baselines for the benchmarks (`cargo bench`). Kept in the store
//! because it is SQL: the raw-insert baseline is what the service's answer
//! path is compared against, on the same schema and pragmas.

use std::time::{Duration, Instant};

use super::{ChannelId, GuildId, Platform, PostId, Result, Store};

impl Store {
    /// A guild, a channel and an open post to answer, for a burst.
    pub fn bench_open_post(
        &mut self,
        platform: Platform,
        guild: &str,
        channel: &str,
        item: &str,
    ) -> Result<(GuildId, ChannelId, PostId)> {
        let g = self.ensure_guild(platform, guild)?;
        let c = self.ensure_channel(g, channel)?;
        let post = self.one(
            "INSERT INTO posts (channel_id, local_date, item_id, cycle, state, posted_at)
             VALUES (?1, '2026-01-01', ?2, 0, 'open', 0) RETURNING id",
            sql_params![c, item],
            |r| r.get(0),
        )?;
        Ok((g, c, post))
    }

    /// The storage limit: `users` answer rows for one post, inserted with
    /// prepared statements in transactions of `batch`. Users are created
    /// first and not timed. Returns the time the answer inserts took.
    pub fn bench_raw_answer_inserts(&mut self, post: PostId, users: usize, batch: usize) -> Result<Duration> {
        if self.is_postgres() {
            return self.raw_answer_inserts_through_the_layer(post, users, batch);
        }
        let tx = self.sqlite().transaction()?;
        let first: i64 = {
            let mut ins =
                tx.prepare("INSERT INTO users (platform, external_id, display_name) VALUES ('slack', ?1, ?1)")?;
            let mut first = 0;
            for i in 0..users {
                ins.execute([format!("raw-{i}")])?;
                if i == 0 {
                    first = tx.last_insert_rowid();
                }
            }
            first
        };
        tx.commit()?;
        let started = Instant::now();
        for chunk in (0..users as i64).collect::<Vec<_>>().chunks(batch.max(1)) {
            let tx = self.sqlite().transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
            {
                let mut ins = tx.prepare_cached(
                    "INSERT INTO answers (post_id, user_id, answer, correct, points, answered_at) VALUES (?1, ?2, 'B', 1, 10, ?3)
                     ON CONFLICT (post_id, user_id) DO NOTHING",
                )?;
                for i in chunk {
                    ins.execute(rusqlite::params![post, first + i, i])?;
                }
            }
            tx.commit()?;
        }
        Ok(started.elapsed())
    }

    /// [`Store::bench_raw_answer_inserts`] through the query layer, as
    /// PostgreSQL runs it: the same statements, prepared once, in
    /// transactions of `batch`.
    fn raw_answer_inserts_through_the_layer(&mut self, post: PostId, users: usize, batch: usize) -> Result<Duration> {
        let first: i64 = self.write(|tx| {
            let mut first = 0;
            for i in 0..users {
                let id: i64 = tx.one(
                    "INSERT INTO users (platform, external_id, display_name) VALUES ('slack', ?1, ?1) RETURNING id",
                    sql_params![format!("raw-{i}")],
                    |r| r.get(0),
                )?;
                if i == 0 {
                    first = id;
                }
            }
            Ok(first)
        })?;
        let started = Instant::now();
        for chunk in (0..users as i64).collect::<Vec<_>>().chunks(batch.max(1)) {
            self.write(|tx| {
                for i in chunk {
                    tx.exec(
                        "INSERT INTO answers (post_id, user_id, answer, correct, points, answered_at)
                         VALUES (?1, ?2, 'B', 1, 10, ?3) ON CONFLICT (post_id, user_id) DO NOTHING",
                        sql_params![post, first + i, *i],
                    )?;
                }
                Ok(())
            })?;
        }
        Ok(started.elapsed())
    }

    /// A year of history in one guild: `users` players, one post a day over
    /// `days` days from `start_ms`, and `answers` answers spread over them.
    pub fn bench_seed_history(
        &mut self,
        guild: &str,
        users: usize,
        days: usize,
        answers: usize,
        start_ms: i64,
    ) -> Result<GuildId> {
        let g = self.ensure_guild(Platform::Slack, guild)?;
        let c = self.ensure_channel(g, "quiz")?;
        let tx = self.sqlite().transaction()?;
        let day_ms = 86_400_000i64;
        {
            let mut user =
                tx.prepare("INSERT INTO users (platform, external_id, display_name) VALUES ('slack', ?1, ?2)")?;
            for i in 0..users {
                user.execute(rusqlite::params![format!("u{i}"), format!("player {i}")])?;
            }
            let mut post = tx.prepare(
                "INSERT INTO posts (channel_id, local_date, item_id, cycle, state, posted_at, closes_at) VALUES (?1, ?2, 'x', 0, 'closed', ?3, ?4)",
            )?;
            for d in 0..days as i64 {
                post.execute(rusqlite::params![
                    c,
                    format!("d{d}"),
                    start_ms + d * day_ms,
                    start_ms + d * day_ms + 8 * 3_600_000
                ])?;
            }
        }
        let first_user: i64 = tx.query_row("SELECT MIN(id) FROM users WHERE platform = 'slack'", [], |r| r.get(0))?;
        let first_post: i64 = tx.query_row("SELECT MIN(id) FROM posts WHERE channel_id = ?1", [c], |r| r.get(0))?;
        {
            // Deterministic spread: answer k goes to post k % days and a user
            // chosen so that (post, user) pairs never repeat.
            let mut ans = tx.prepare(
                "INSERT INTO answers (post_id, user_id, answer, correct, points, answered_at) VALUES (?1, ?2, 'B', ?3, ?4, ?5)",
            )?;
            for k in 0..answers {
                let (d, j) = ((k % days) as i64, (k / days) as i64);
                let u = (j * 7919 + d * 104_729) % users as i64;
                let correct = (k * 2654435761usize) % 10 < 7;
                ans.execute(rusqlite::params![
                    first_post + d,
                    first_user + u,
                    correct,
                    if correct { 10 } else { 0 },
                    start_ms + d * day_ms + 60_000 + j
                ])?;
            }
            let mut streak = tx.prepare(
                "INSERT INTO streaks (user_id, channel_id, current, best, freezes, reached_at) VALUES (?1, ?2, ?3, ?3, 0, ?4)",
            )?;
            for u in 0..users as i64 {
                streak.execute(rusqlite::params![first_user + u, c, u % 13, start_ms + u])?;
            }
        }
        tx.commit()?;
        self.sqlite().execute_batch("ANALYZE")?;
        Ok(g)
    }

    /// Players the bot has seen before: `{prefix}{i}` for i in 0..n, named alike.
    pub fn bench_users(&mut self, platform: Platform, prefix: &str, n: usize) -> Result<()> {
        let tx = self.sqlite().transaction()?;
        {
            let mut ins = tx.prepare("INSERT INTO users (platform, external_id, display_name) VALUES (?1, ?2, ?2)")?;
            for i in 0..n {
                ins.execute(rusqlite::params![platform, format!("{prefix}{i}")])?;
            }
        }
        tx.commit()?;
        Ok(())
    }

    /// A player of the seeded history who answered shortly before `before_ms`
    /// and has a running streak: on every board, but (with many players) not
    /// in the top ten, so boards asked by them also compute the asker's rank.
    pub fn bench_asker(&self, before_ms: i64) -> Result<String> {
        Ok(self.sqlite_ref().query_row(
            "SELECT u.external_id FROM answers a JOIN users u ON u.id = a.user_id
             JOIN streaks s ON s.user_id = u.id AND s.current > 0
             WHERE a.answered_at < ?1 ORDER BY a.answered_at DESC LIMIT 1",
            [before_ms],
            |r| r.get(0),
        )?)
    }

    /// How many answers a post has.
    pub fn bench_answer_count(&self, post: PostId) -> Result<i64> {
        Ok(self.sqlite_ref().query_row("SELECT COUNT(*) FROM answers WHERE post_id = ?1", [post], |r| r.get(0))?)
    }
}
