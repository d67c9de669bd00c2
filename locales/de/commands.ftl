## Commands that were not understood
# $sub: the subcommand as the help spells it; $given, $extra: what was typed

too-long = Dein Befehl ist { $len } Zeichen lang; erlaubt sind höchstens { $max }.
unknown-subcommand = Unbekannter Unterbefehl `{ $given }`. Mit `/quiz help` bekommst du die Liste.
unknown-subcommand-hint = Unbekannter Unterbefehl `{ $given }`. Meintest du `/quiz { $hint }`? Mit `/quiz help` bekommst du die Liste.
empty-answer = `/quiz answer` braucht deine Antwort, z. B. `/quiz answer B` oder `/quiz answer idempotent`.
board-option = `{ $given }` ist weder ein Zeitraum (week, month, all) noch eine Sortierung (points, streak, accuracy) noch eine Bestenliste (daily, practice)
unexpected = `/quiz { $sub }` erwartet kein `{ $extra }`.
admin-commands = Admin-Befehle: schedule <HH:MM> <Area/City> [days] [close], pause, resume, skip, post-now, reveal-now, status, check, categories <name,name,…|all>, timezone <Area/City>, language <tag|auto>, recap [day] [HH:MM] | off, web rotate, season start <name>, ping <role|off>, threads on|off, review.
unknown-admin = Unbekannter Admin-Befehl `{ $given }`. { admin-commands }
unknown-admin-hint = Unbekannter Admin-Befehl `{ $given }`. Meintest du `{ $admin } { $hint }`? { admin-commands }
# $problem: one of the admin-* messages below
bad-admin = `{ $admin } { $sub }`: { $problem }
bad-player = `/quiz { $sub }`: { $problem }

archive-count = `{ $given }` ist keine Zahl von 1 bis { $max }
admin-takes-nothing = erwartet kein `{ $extra }`
admin-needs-list = braucht eine Liste wie `databases,security` oder `all`
admin-needs-zone = braucht genau eine Zeitzone wie Europe/Berlin
admin-threads = erwartet `on` oder `off`
# $known: the language tags the bot speaks
admin-language = erwartet eine Sprache, die der Bot spricht ({ $known }), oder `auto`
admin-review = erwartet entweder nichts oder approve <n>, reject <n> [reason] bzw. edit <n>
admin-recap = `{ $given }` ist weder ein Tag (mon … sun) noch eine Uhrzeit (HH:MM); `recap off` schaltet den Rückblick ab
admin-ping = `{ $given }` ist keine Rolle: Erwähne die Rolle (@Quiz auf Discord, @quiz-team auf Slack) oder schreib `off`
admin-season-name = der Name ist { $len } Zeichen lang; erlaubt sind höchstens { $max }
admin-season = erwartet `start <name>`, z. B. `season start Spring 2027`
admin-web = erwartet `rotate`; das ersetzt den Web-Link des Servers (`/quiz web` zeigt ihn an)
admin-schedule = braucht eine Uhrzeit und eine Zeitzone, z. B. `09:00 Europe/Berlin weekdays 8h`
admin-schedule-word = `{ $given }` ist weder eine Tagesangabe (daily, weekdays, weekends, mon,wed,fri) noch eine Schlusszeit (8h, 90m, next)

## The commands: what each does (the help list and Discord's descriptions,
## at most 100 characters) and what each option is

cmd-quiz = Backend-Engineering-Quiz: üben, antworten, Bestenliste
cmd-quizadmin = Die Frage des Tages in diesem Kanal verwalten
cmd-play = Eine private Übungsfrage, per Spaced Repetition ausgewählt
cmd-answer = Die heutige Frage beantworten, sonst deine Übungsfrage
cmd-leaderboard = Die Bestenliste dieses Servers oder einer Saison
cmd-stats = Antworten, Trefferquote, Punkte und Streaks
cmd-streak = Deine aktuelle und beste Streak und deine Freezes
cmd-review = Deine Übungskarten: wie viele jetzt und heute noch fällig sind
cmd-web = Link zur Seite dieses Servers: Bestenlisten, Wochendiagramm, frühere Fragen
cmd-archive = Die zuletzt aufgelösten Fragen dieses Kanals samt Antworten, nur für dich
cmd-suggest = Eine Frage für diesen Server vorschlagen; ein Admin prüft sie
cmd-suggestions = Deine Vorschläge und wie es um sie steht
cmd-forget-me = Deine Antworten, Streaks und Übungsdaten auf diesem Server löschen (mit Rückfrage)
cmd-help = Was die Befehle tun
cmd-setup = Diesen Kanal in einem Formular einrichten und sofort die erste Frage posten
cmd-schedule = Eine Tagesfrage zu einer festen Uhrzeit, in einer Zeitzone, an bestimmten Tagen
cmd-pause = Posten anhalten, bis es fortgesetzt wird
cmd-resume = Posten wieder aufnehmen
cmd-skip = Die nächste geplante Frage überspringen
cmd-post-now = Die heutige Frage sofort posten
cmd-reveal-now = Die offene Frage schließen und sofort auflösen
cmd-status = Zeitplan, nächster Post und verbleibende Fragen
cmd-check = Was der Bot in diesem Kanal darf und was ihm fehlt
cmd-categories = Aus welchen Kategorien die Tagesfragen dieses Kanals kommen
cmd-timezone = Die Zeitzone für Wochen und Monate der Bestenliste
cmd-language = Sprache der Tagesfragen, Auflösungen und Rückblicke auf diesem Server (auto: Servereinstellung)
cmd-recap = Wochenrückblick mit Diagramm (Standard: Freitag 16:00) oder off
cmd-web-rotate = Den Web-Link dieses Servers ersetzen; der alte funktioniert dann nicht mehr
cmd-ping = Bei jeder Tagesfrage eine Rolle erwähnen (Slack: Benutzergruppe); off oder leer schaltet ab
cmd-threads = Ein Diskussions-Thread zu jeder Tagesfrage, samt Auflösung
cmd-season = Die Saison abschließen (Endstand bleibt) und eine neue bei null starten
cmd-review-queue = Die offenen Vorschläge, einer nach dem anderen: annehmen, ablehnen oder bearbeiten

opt-category = Nur Fragen aus dieser Kategorie
opt-choice = Der Buchstabe deiner Wahl
opt-text = Eine kurze Textantwort
opt-period = Zeitraum oder Bestenliste einer Saison
opt-sort = Sortieren nach
opt-board = Antworten auf Tagesfragen oder Übungsfragen
opt-season-name = Mit Zeitraum season: Name einer früheren Saison
opt-user = Ein anderer Spieler
opt-count = Wie viele, 1 bis 10 (Standard: 5)
opt-confirm = yes: jetzt löschen
opt-time = Ortszeit, HH:MM (24-Stunden-Format)
opt-zone = IANA-Zeitzone, z. B. Europe/Berlin
opt-language = Eine Sprache oder auto, um der Spracheinstellung des Servers zu folgen
opt-days = daily, weekdays, weekends, mon-fri oder mon,wed,fri
opt-close = Wann die Frage schließt: 8h, 90m oder next
opt-list = Kategorien, durch Kommas getrennt, oder all
opt-day = Der Tag oder off
opt-recap-time = Ortszeit, HH:MM (24-Stunden-Format), in der Zeitzone des Zeitplans
opt-web-action = Was passieren soll
opt-role = Die zu erwähnende Rolle; ohne Angabe wird niemand erwähnt
opt-on = on oder off
opt-season-action = Was passieren soll
opt-season = Name der neuen Saison
opt-review-action = Was mit einem Vorschlag passieren soll
opt-review-number = Die Nummer des Vorschlags
opt-reason = Begründung der Ablehnung (für den Verfasser sichtbar)
# The name Discord shows for one choice of an option; members pick it, and
# the command still receives the word in brackets. $word: the choice.
choice = { $word ->
    [week] Diese Woche
    [month] Dieser Monat
    [all] Gesamt
    [season] Saison
    [points] Punkte
    [streak] Streak
    [accuracy] Trefferquote
    [daily] Tagesfragen
    [practice] Übung
    [yes] Ja
    [auto] Automatisch
    [mon] Montag
    [tue] Dienstag
    [wed] Mittwoch
    [thu] Donnerstag
    [fri] Freitag
    [sat] Samstag
    [sun] Sonntag
    [off] Aus
    [on] An
    [rotate] Link ersetzen
    [approve] Annehmen
    [reject] Ablehnen
    [edit] Bearbeiten
    [quiz] Quizfrage
    [discussion] Diskussion
    [alternate] Im Wechsel
   *[other] { $word }
}
admin-schedule-kind = `{ $given }` ist keine gültige Art von Post: Nimm `kind quiz`, `kind discussion` oder `kind alternate`
opt-kind = Was gepostet wird: eine Quizfrage, eine Diskussion oder beides im Wechsel
opt-suggest-kind = Eine Quizfrage (Standard) oder eine Diskussionsfrage
