# Quizmaster in a container: built from this tree, run on Debian as the
# unprivileged user quizmaster (uid 10001), with the database in the volume
# /data (QUIZMASTER__DATABASE__PATH=/data/quizmaster.db).
#
# Build:
#   docker build -t quizmaster .
#
# Discord (settings come from QUIZMASTER__SECTION__KEY variables, as
# everywhere; docs/operators.md lists them):
#   docker run -d --name quizmaster --restart unless-stopped \
#     -e QUIZMASTER__DISCORD__TOKEN=… -v quizmaster:/data quizmaster
#
# Slack in Socket Mode: QUIZMASTER__SLACK__APP_TOKEN=xapp-…,
# QUIZMASTER__SLACK__BOT_TOKEN=xoxb-… and QUIZMASTER__SLACK__ADMINS=U…
# instead. To keep tokens off the command line, put them in a file only you
# can read (chmod 600) and pass --env-file FILE instead of -e.
#
# Check the settings first; every FAIL line names the setting and its fix:
#   docker run --rm -e QUIZMASTER__DISCORD__TOKEN=… -v quizmaster:/data \
#     quizmaster doctor
# Logs go to stderr: docker logs -f quizmaster.
#
# With no platform configured the bot is the local console quiz, which reads
# commands from stdin: run it with -it
#   docker run --rm -it -v quizmaster:/data quizmaster
# Without -i its input is empty, so it ends at once.
#
# A listener (web.listen, slack.listen, discord.interactions_listen) must
# bind 0.0.0.0 inside the container to be reached through -p; publish it on
# the host's loopback for your proxy, e.g. -p 127.0.0.1:9090:9090 with
# QUIZMASTER__WEB__LISTEN=0.0.0.0:9090, and set web.public_url.
#
# A host folder instead of the volume must be writable by uid 10001.
#
# With PostgreSQL instead of the SQLite file in /data, see compose.yaml:
# the bot and a PostgreSQL server, started with `docker compose up -d`.

FROM rust:1-bookworm AS builder
WORKDIR /src
COPY . .
RUN cargo build --release --locked

FROM debian:bookworm-slim
# The bot speaks HTTPS to Discord and Slack; curl is for the health check.
# Both are left unpinned so that a rebuild picks up Debian's updates.
# hadolint ignore=DL3008
RUN apt-get update \
    && apt-get install -y --no-install-recommends ca-certificates curl \
    && rm -rf /var/lib/apt/lists/*
RUN groupadd --gid 10001 quizmaster \
    && useradd --uid 10001 --gid quizmaster --no-create-home --home-dir /data \
        --shell /usr/sbin/nologin quizmaster \
    && install -d -o quizmaster -g quizmaster -m 0700 /data
COPY --from=builder /src/target/release/quizmaster /usr/local/bin/quizmaster
USER 10001:10001
WORKDIR /data
VOLUME /data
ENV QUIZMASTER__DATABASE__PATH=/data/quizmaster.db
# Healthy while the web listener (QUIZMASTER__WEB__LISTEN, which compose.yaml
# sets) answers /healthz; with no web listener there is nothing to ask, and
# the container counts as healthy while the process runs.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD ["sh", "-c", "[ -z \"$QUIZMASTER__WEB__LISTEN\" ] || curl -fsS -o /dev/null \"http://127.0.0.1:${QUIZMASTER__WEB__LISTEN##*:}/healthz\""]
# The bot stops cleanly on SIGTERM (docker stop): it finishes what is in
# flight, closes the database and exits 0.
ENTRYPOINT ["quizmaster"]
CMD ["run"]
