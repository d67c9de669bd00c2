## Channel administration
# $rule: the schedule as typed back, "09:00 Europe/Berlin weekdays, schließt nach 8h"
# $at, $next, $due, $since: instants, shown in each reader's zone where the platform can
# (no preposition before them: Discord shows a full date, Slack may show "heute 09:00")

not-admin-discord = Nur Mitglieder mit der Berechtigung „Server verwalten“ können /quizadmin nutzen. Bitte jemanden, der sie hat, den Befehl auszuführen oder dir die Berechtigung zu geben (Servereinstellungen → Rollen). Es wurde nichts geändert.
not-admin-slack = Nur Workspace-Admins und -Inhaber, das Mitglied, das Quizmaster installiert hat, und die Mitglieder aus der Bot-Einstellung slack.admins können /quiz admin nutzen. Frag eine dieser Personen oder bitte den Betreiber des Bots, deine Mitglieds-ID zu slack.admins hinzuzufügen. Es wurde nichts geändert.
not-admin-console = Nur Admins können /quiz admin nutzen. Es wurde nichts geändert.

schedule-rule = { $time } { $zone } { $days }, schließt { $close }
not-scheduled = Dieser Kanal hat noch keinen Zeitplan. Einrichten kannst du ihn mit { $admin } schedule <HH:MM> <Area/City> [days] [close].
never-posts = Mit diesem Zeitplan wird nie etwas gepostet.
scheduled = Geplant: { $rule }. Nächste Frage: { $next }.
already-paused = Der Zeitplan ist schon pausiert. Mit { $admin } resume geht es weiter.
paused = Pausiert: keine Tagesfragen bis { $admin } resume. Tage ohne Frage unterbrechen keine Streak.
resumed = Weiter geht’s. Nächste Frage: { $next }.
running = Der Zeitplan läuft bereits; da gibt es nichts fortzusetzen.
nothing-to-skip = Der Zeitplan ist pausiert, es gibt also nichts zu überspringen.
already-skipped = Die Frage vom { $date } wird bereits übersprungen; für eine längere Pause nimm { $admin } pause.
skipped = Die Frage vom { $date } wird übersprungen (geplant: { $due }). Übersprungene Tage unterbrechen keine Streak.
already-posted = Die Frage vom { $date } wurde in diesem Kanal schon gepostet; die nächste kommt am nächsten geplanten Tag.
posted = Frage in diesem Kanal gepostet. Schluss und Auflösung: { $at }.
posted-no-close = Frage in diesem Kanal gepostet. Auflösen kannst du sie mit { $admin } reveal-now.
closed-unseen = Geschlossen. Die Frage ist nie in diesem Kanal angekommen, also gibt es nichts aufzulösen; der Tag zählt als ausgefallen und unterbricht keine Streak.
revealed = Geschlossen: Die Auflösung wird gerade in diesem Kanal gepostet.
already-revealed = Diese Frage wurde bereits aufgelöst.
nothing-to-reveal = In diesem Kanal ist keine Tagesfrage offen, die sich auflösen ließe.
categories-all = Die Tagesfragen kommen jetzt aus allen Kategorien ({ $pool ->
    [one] 1 Frage
   *[other] { $pool } Fragen
}).
categories-set = Die Tagesfragen kommen jetzt aus { $chosen } ({ $pool ->
    [one] 1 Frage
   *[other] { $pool } Fragen
}).
zone-set = Wochen und Monate der Bestenliste richten sich jetzt nach { $zone }.
# $language: the language's name in itself (language-name)
language-set = Neue Sprache für Tagesfragen, Auflösungen und Rückblicke auf diesem Server: { $language }. Nachrichten, die nur ein Mitglied sieht, bleiben in dessen eigener Sprache, sofern der Bot sie spricht.
language-auto = Die Sprache richtet sich auf diesem Server jetzt nach dessen eigener Spracheinstellung, derzeit { $language }.
# $tag: a language tag the bot speaks. Each language is named in itself, the
# same in every catalogue.
language-name = { $tag ->
    [de] Deutsch
    [es-ES] español
    [fr] français
    [pt-BR] português (Brasil)
    [ja] 日本語
   *[en-US] English (US)
}
not-a-zone = `{ $given }` ist keine IANA-Zeitzone wie Europe/Berlin oder America/New_York.
not-a-zone-hint = `{ $given }` ist keine IANA-Zeitzone wie Europe/Berlin oder America/New_York. Meintest du { $hint }?

status-schedule = Zeitplan: { $rule }.
status-schedule-paused = Zeitplan: { $rule } (pausiert).
status-skipped = Die Frage vom { $date } wird übersprungen.
status-next = Nächster Post: { $at }.
status-open = Offene Frage: { $date }, Antwortschluss: { $at }.
status-open-no-close = Offene Frage: { $date }.
status-pool = Fragenpool: noch { $left } von { $total } Fragen in dieser Runde ({ $categories }).
status-pool-all = alle Kategorien
status-no-question = Gerade ist keine Frage offen.
status-language = Sprache: { $language }.
status-language-auto = Sprache: { $language } (auto: nach der Spracheinstellung des Servers).
status-no-schedule = Kein Zeitplan: { $admin } schedule <HH:MM> <Area/City> [days] [close] legt einen an.

## What stops the bot from posting, and what to do about it
# $fix: one of the delivery-fix messages (each is its own sentence after a full stop, so they start in upper case)

delivery-problem = Problem seit { $since }: Der Bot konnte die Tagesfrage hier nicht posten. { $fix }. Sobald ein Post hier wieder klappt, läuft der Zeitplan von selbst weiter; { $admin } post-now versucht es sofort.
delivery-problem-threads = Problem seit { $since }: Die Tagesfrage ist rausgegangen, aber der Bot konnte ihren Thread nicht nutzen. { $grant } oder schalte Threads mit { $admin } threads off ab.
fix-discord-no-access = Er kann diesen Kanal nicht sehen. Gib seiner Rolle hier „Kanal anzeigen“ (Kanaleinstellungen, Berechtigungen)
fix-discord-permissions = Er darf hier nicht posten. Gib seiner Rolle hier „Kanal anzeigen“, „Nachrichten senden“ und „Nachrichtenverlauf anzeigen“
fix-not-allowed = Er darf hier nicht posten. Erlaube es ihm
fix-channel-gone = Der Kanal oder die Nachricht mit der Frage existiert nicht mehr. Richte den Zeitplan in einem anderen Kanal ein
fix-archived = Dieser Kanal ist archiviert. Heb die Archivierung auf oder richte den Zeitplan in einem anderen Kanal ein
fix-slack-not-in-channel = Er ist nicht in diesem Kanal. Lade ihn mit /invite @Quizmaster ein
fix-not-in-channel = Er ist kein Mitglied dieses Kanals. Füg ihn hinzu
fix-slack-removed = Sein Token funktioniert hier nicht mehr. Installiere die App in diesem Workspace neu
fix-removed = Er wurde entfernt oder sein Token funktioniert nicht mehr. Füg ihn wieder hinzu
grant-threads-discord = Gib seiner Rolle hier „Öffentliche Threads erstellen“ und „Nachrichten in Threads senden“
grant-threads = Erlaube ihm, hier in Threads zu antworten

# Discord's permissions, as its (German) settings name them; quoted because they
# stand in running text (check-all-granted, check-missing)
perm-view-channel = „Kanal anzeigen“
perm-send-messages = „Nachrichten senden“
perm-embed-links = „Links einbetten“
perm-read-message-history = „Nachrichtenverlauf anzeigen“
perm-create-public-threads = „Öffentliche Threads erstellen“
perm-send-messages-in-threads = „Nachrichten in Threads senden“

check-console = Der lokale Kanal braucht keine Berechtigungen.
check-unknown = Diese Plattform verrät nicht im Voraus, was der Bot in einem Kanal darf; { $admin } status zeigt, ob es beim letzten Post ein Problem gab.
check-all-granted = Der Bot hat hier alles, was er braucht: { $needed }.
check-missing = Dem Bot fehlt hier: { $missing }. Deshalb kann die Tagesfrage in diesem Kanal nicht laufen. So behebst du das: Öffne die Kanaleinstellungen → Berechtigungen, wähle die Rolle des Bots (oder den Bot selbst) und erlaube { $missing }.

## Recap, seasons, pings, threads, the web page

recap-off = Der Wochenrückblick ist für diesen Kanal jetzt aus.
recap-was-off = Der Wochenrückblick war für diesen Kanal schon aus.
recap-needs-schedule = Der Wochenrückblick hängt an der Tagesfrage: Leg zuerst mit `schedule <HH:MM> <Area/City>` einen Zeitplan an.
# $day: the weekday's number, 1 (Monday) to 7 (Sunday)
recap-set = Der Wochenrückblick kommt jetzt jeden { $day ->
    [1] Montag
    [2] Dienstag
    [3] Mittwoch
    [4] Donnerstag
    [5] Freitag
    [6] Samstag
   *[7] Sonntag
} um { $time } { $zone }. Nächster Rückblick: { $next }.

season-taken = Auf diesem Server gab es schon eine Saison namens `{ $name }`; wähl bitte einen anderen Namen.
season-started = Die Saison { $name } hat begonnen; ihre Bestenliste startet bei null. Die Gesamtwertung zählt weiter.
season-over = Die Saison { $old } ist vorbei; ihr Endstand ({ $players } Spieler) bleibt erhalten: `/quiz leaderboard season { $old }`.

ping-set-role = Jede Tagesfrage hier erwähnt jetzt diese Rolle und sonst niemanden. `ping off` stellt das ab.
ping-set-group = Jede Tagesfrage hier erwähnt jetzt diese Benutzergruppe und sonst niemanden. `ping off` stellt das ab.
ping-off = Tagesfragen erwähnen hier niemanden mehr.
threads-off = Tagesfragen öffnen hier keinen Thread mehr.
threads-on-discord = Jede Tagesfrage öffnet hier einen Thread zum Diskutieren, und die Auflösung wird auch dort gepostet. Der Bot braucht dafür „Öffentliche Threads erstellen“ und „Nachrichten in Threads senden“: `check` zeigt, ob er beides hat.
threads-on = Die Auflösung jeder Tagesfrage wird zusätzlich als Antwort in ihren Thread gepostet.
thread-name = Frage des Tages · { $date }
thread-name-discussion = Diskussion des Tages · { $date }

web-off = Dieser Bot stellt keine Webseiten bereit (sein Betreiber hat `web.listen` nicht gesetzt).
web-link = Bestenlisten, Wochendiagramm und Archiv dieses Servers: { $url }
web-link-note = Jeder mit dem Link kann die Seite sehen; ein Admin kann ihn mit `web rotate` ersetzen.
web-rotated = Der alte Link funktioniert nicht mehr. Hier der neue: { $url }

## Times, zones, days and close times as typed
# $given: what was typed

not-a-time = `{ $given }` ist keine Uhrzeit: Gib sie als HH:MM im 24-Stunden-Format an, z. B. 09:30
not-days = `{ $given }` ist keine gültige Tagesangabe: Nutze daily, weekdays, weekends, einen Bereich wie mon-fri oder eine Liste wie mon,wed,fri
not-a-duration = `{ $given }` ist keine Dauer wie 2h, 90m oder 1h30m
not-a-close = `{ $given }` ist keine gültige Schlusszeit: Nutze eine Dauer wie 8h, 90m oder 1h30m, oder `next`
close-too-long = `{ $given }` ist länger als eine Woche; nimm `next`, um beim nächsten Post zu schließen
close-next = beim nächsten Post
# $duration: as typed, 8h or 1h30m
close-after = nach { $duration }

## Setting up a channel in one form
setup-title = Tagesfrage einrichten
setup-time = Uhrzeit (HH:MM, 24-Stunden-Format)
setup-time-hint = 09:00
setup-zone = Zeitzone (Region/Stadt)
setup-zone-hint = Europe/Berlin, America/New_York, Asia/Tokyo
setup-days = Tage
setup-days-hint = weekdays, daily, weekends oder mon,wed,fri
setup-categories = Kategorien
setup-categories-hint = all oder Namen wie databases, apis
setup-not-saved = Es ist noch nichts eingerichtet. Korrigiere Folgendes und schick das Formular noch mal ab:
schedule-kind = { $kind ->
    [discussion] Jeder Post ist eine Diskussionsfrage, über die im Thread diskutiert wird.
   *[alternate] Die Posts wechseln sich ab: erst eine Quizfrage, dann eine Diskussionsfrage.
}
