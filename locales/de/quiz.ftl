# Quizmaster's words in German (informal "du"), translated from en-US.
#
# Every message is one id with a value (no attributes). Variables given by
# the code are named in the comment above a message where it is not obvious.
# Every message may also read $admin: how this platform's users type an
# admin command ("/quiz admin" or, on Discord, "/quizadmin").
#
# Terms: Bestenliste (leaderboard), Streak (die), Freeze (der, pl. Freezes),
# Übung/Übungsfrage (practice), Frage des Tages/Tagesfrage (question of the day),
# Auflösung/auflösen (reveal), Vorschlag (suggestion), Saison (season).

## Questions, answers and reveals

question-daily = Frage des Tages
question-practice = Übungsfrage
# $last: the last choice's letter
how-to-answer-text = Antworte mit /quiz answer <deine Antwort>
how-to-answer-letters = Antworte mit /quiz answer <A-{ $last }>
how-to-answer-buttons = Antworte per Button oder mit /quiz answer <A-{ $last }>
closes-at = Antwortschluss: { $at }
suggested-by = Vorgeschlagen von { $name }.
suggested-by-edited = Vorgeschlagen von { $name }, bearbeitet von { $editor }.
edited-by = Bearbeitet von { $editor }.
# $level: easy, medium or hard, as the bank marks the question
difficulty = { $level ->
    [easy] leicht
    [medium] mittel
   *[hard] schwer
}

verdict-correct = Richtig!
verdict-wrong = Nicht ganz.
verdict-recorded = Antwort gespeichert.
verdict-daily = { $head } Deine Antwort auf die heutige Frage ({ $title }): { $answer }.
verdict-practice = { $head } Deine Antwort auf deine Übungsfrage ({ $title }): { $answer }.
answer-is = Antwort: { $answer }
revealed-when-closed = Antwort und Ergebnisse gibt es, sobald die Frage schließt.
revealed-at = Antwort und Ergebnisse gibt es, sobald die Frage schließt ({ $at }).

reveal-head = Frage des Tages: die Auflösung
# $share: the percentage right, 0 to 100
reveal-tally = { $answered ->
    [one] 1 Antwort
   *[other] { $answered } Antworten
}, davon { $correct } richtig ({ $share } %).
reveal-first = Am schnellsten richtig: { $name }.

## The channel's archive

archive-empty = In diesem Kanal wurde noch keine Frage aufgelöst.
archive-head = { $count ->
    [one] Die zuletzt aufgelöste Frage in diesem Kanal:
   *[other] Die letzten { $count } aufgelösten Fragen in diesem Kanal:
}
# $title: the question's first words; $answer: its right answer
archive-item = { $date }: { $title } Antwort: { $answer } ({ $right } von { $answered } richtig)

## Refusals while answering

empty-bank = Der Fragenkatalog ist leer.
not-this-channel = Diese Frage gehört nicht zu diesem Kanal.
not-your-practice = Diese Übungsfrage gehört jemand anderem; hol dir mit /quiz deine eigene.
nothing-open = Gerade ist keine Frage offen. Tippe /quiz für eine Übungsfrage.
practice-closed = Diese Übungsfrage lässt sich nicht mehr beantworten. Tippe /quiz für eine neue.
already-answered-daily = Du hast die heutige Frage schon mit { $first } beantwortet; es zählt die erste Antwort. Tippe /quiz für eine Übungsfrage.
already-answered = Du hast die heutige Frage ({ $title }) schon mit { $first } beantwortet; es zählt die erste Antwort.
already-answered-practice = Du hast diese Übungsfrage ({ $title }) schon mit { $first } beantwortet; es zählt die erste Antwort. Tippe /quiz für eine neue.
# $date: the question's local date, 2026-11-26
question-closed = Diese Frage ist geschlossen: Die Tagesfrage vom { $date } wurde bereits aufgelöst.
answer-empty = Deine Antwort ist leer. Es wurde nichts gespeichert.
discussion-not-graded = Eine Diskussionsfrage hat keine richtige Antwort, die bewertet werden könnte: Schreib deine Sicht in den Thread. Es wurde nichts gespeichert.
# $problem: what is wrong with the letter; $title: the question's first words
answer-needs-letter = { $problem } Diese Frage ({ $title }) wird mit einem Buchstaben beantwortet. Es wurde nichts gespeichert.
answer-not-a-letter = Wähl einen Buchstaben von A bis { $last }.
answer-out-of-range = Option { $given } gibt es nicht: Wähl einen Buchstaben von A bis { $last }.
no-category = Die Kategorie `{ $given }` gibt es nicht. Kategorien: { $known }.
no-category-hint = Die Kategorie `{ $given }` gibt es nicht. Meintest du `{ $hint }`? Kategorien: { $known }.

## Boards, stats and streaks

board-title-daily = Bestenliste · { $period } · { $sort }
board-title-practice = Übungs-Bestenliste · { $period }
period-week = diese Woche
period-month = dieser Monat
period-all = gesamt
sort-points = Punkte
sort-streak = Streak
sort-accuracy = Trefferquote
board-empty-daily = In diesem Zeitraum gibt es noch keine Antworten. Die Übungspunkte findest du unter /quiz leaderboard practice.
board-empty = In diesem Zeitraum gibt es noch keine Antworten.
board-you = (du)
points = { $points } Pkt.
figure-practice = { $correct } von { $answered } richtig
figure-streak = { $days } in Folge
figure-accuracy = { $share } % ({ $correct }/{ $answered })
season-title-current = Saison { $name } · Zwischenstand
season-title-final = Saison { $name } · Endstand
no-season-answers = In dieser Saison gibt es noch keine Antworten auf aufgelöste Fragen.
no-season-running = Gerade läuft keine Saison. Ein Admin startet eine mit `{ $admin } season start <name>`. Saisons: { $known }.
no-season-called = Auf diesem Server gibt es keine Saison `{ $name }`. Saisons: { $known }.
seasons-none-yet = noch keine
no-player = Hier hat noch niemand namens { $name } mitgespielt.

stats-title = Statistik für { $name }
stats-daily = Tagesfragen
stats-daily-figure = { $answered } ({ $correct } richtig, { $share } %)
stats-points = Punkte
stats-points-figure = { $points }
stats-streak = Streak
stats-streak-figure = { $current } (Rekord { $best }, { $freezes ->
    [one] 1 Freeze
   *[other] { $freezes } Freezes
})
stats-practice = Übung
stats-practice-figure = { $answered } beantwortet, { $correct } richtig ({ $share } %)
stats-learned = Gelernt
# $days: the window, 30
stats-retention = Behaltensquote, letzte { $days } Tage
learned = { $learned } von { $seen } gesehenen Fragen (Lernphase abgeschlossen)
retention = { $share } % ({ $right } von { $all } Antworten richtig)
retention-none = noch keine Antworten
streak-head = Deine Streak:
streak-line = { $head } { $current } in Folge (Rekord { $best }), { $freezes ->
    [one] 1 Freeze
   *[other] { $freezes } Freezes
} auf Lager.

## Practice cards

review-none = Noch keine Übungskarten. /quiz gibt dir eine Frage; jede Antwort, ob beim Üben oder auf eine Tagesfrage, plant diese Frage zur Wiederholung ein.
review-outlook = { $cards ->
    [one] 1 Karte
   *[other] { $cards } Karten
} in deinem Wiederholungsstapel. Jetzt fällig: { $due_now }. Später am Tag: { $later_today }.
review-next = Als Nächstes fällig: { $at }.
review-start = /quiz beginnt mit der am längsten überfälligen Karte.

## The weekly recap

recap-title = Wochenrückblick · { $first } – { $last }
recap-tally = { $answered ->
    [one] 1 Antwort
   *[other] { $answered } Antworten
} auf { $questions ->
    [one] 1 Frage
   *[other] { $questions } Fragen
}, davon { $right } richtig ({ $share } %).
recap-top = Top 5: { $rows }
recap-top-row = { $rank }. { $name } ({ $figure })
recap-streak = Längste Streak: { $name }, { $days } in Folge.
recap-hardest = Schwerste Frage: { $prompt } ({ $right } von { $answered } richtig, { $share } %).
chart-per-day = Antworten pro Tag
chart-answers-axis = Antworten
chart-answered = beantwortet
chart-right = richtig
chart-per-category = Anteil richtiger Antworten nach Kategorie
chart-percent-axis = % richtig
chart-nothing = Diese Woche noch keine aufgelösten Fragen
chart-day = { $day }: { $answered } beantwortet, { $right } richtig
chart-alt = Balkendiagramm der Antworten pro Tag in dieser Woche ({ $days }) und des Anteils richtiger Antworten nach Kategorie.
chart-saved = Diagramm: { $path }
question-discussion = Diskussion des Tages
how-to-discuss = Hier gibt es keine richtige Antwort: Teile deine Sicht im Thread oder mit /quiz answer <deine Sicht>
discussion-head = Diskussion des Tages: Zusammenfassung
discussion-took-part = { $count ->
    [0] Diesmal hat niemand mitdiskutiert.
    [one] Eine Person hat mitdiskutiert.
   *[other] { $count } Leute haben mitdiskutiert.
}
discussion-notes = Das gehört in eine gute Antwort:
took-part = Danke fürs Mitmachen: { $count ->
    [one] Du machst den Anfang.
   *[other] Bisher haben { $count } Leute mitgemacht.
} Diskussionen werden nie bewertet; diskutiere im Thread weiter.
already-took-part = Du hast bei der heutigen Diskussion schon mitgemacht. Ergänze gern etwas im Thread.
stats-discussions = Diskussionen
stats-discussions-figure = { $joined }-mal mitdiskutiert (Streak { $streak })
