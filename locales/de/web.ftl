## A server's web page

page-title = Quiz-Bestenlisten
page-zone = Tage und Wochen werden in der Zeitzone { $zone } gezählt.
page-boards = Bestenlisten
page-board-week = Diese Woche
page-board-month = Dieser Monat
page-board-all = Gesamt
page-streaks = Streaks
page-week = Die letzten sieben Tage
page-archive = Frühere Fragen
page-no-archive = Es wurde noch keine Frage aufgelöst.
page-question-meta = { $date } · { $category } · { $answered } beantwortet, { $right } richtig ({ $share } %)
page-answer = Antwort:
page-no-answers = Noch keine Antworten.
page-no-streaks = Noch keine Streaks.
page-col-player = Spieler
page-col-points = Punkte
page-col-accuracy = Trefferquote
page-col-days = Tage in Folge
page-not-found-title = Nicht gefunden
# $command: the command that gives the new link, shown as code
page-not-found = Dieser Link führt zu keiner Quiz-Seite. Vielleicht wurde er ersetzt: Hol dir den neuen mit { $command }.
