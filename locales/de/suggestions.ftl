## Members' suggestions and their review
# Length limits: form titles, form-send/-cancel/-close/-done at most 24 characters (Slack),
# field labels at most 45 and hints at most 100 (Discord).

suggest-title = Frage vorschlagen
suggest-discussion-title = Diskussionsfrage vorschlagen
edit-title = Vorschlag bearbeiten
reject-title = Vorschlag ablehnen
form-send = Senden
form-cancel = Abbrechen
form-close = Schließen
form-done = Quiz
form-failed = Das Formular ließ sich gerade nicht öffnen; bitte führ den Befehl noch mal aus.
reason-label = Begründung (für den Verfasser sichtbar)
reason-hint = Optional, z. B.: wurde letzten Monat schon gefragt
not-saved = Der Vorschlag wurde nicht gespeichert:
retry-label = Korrigieren und erneut senden
retry-gone = Dieses Formular ist nicht mehr gespeichert; öffne es mit dem Befehl neu.
suggest-in-server = Vorschläge sind für die eigenen Fragen eines Servers gedacht: Nutze /quiz suggest auf einem Server.

field-prompt = Frage
field-prompt-hint = Was die Spieler gefragt werden
field-prompt-discussion-hint = Eine offene Frage ohne eindeutig richtige Antwort
field-options = Antwortoptionen, eine pro Zeile
field-options-hint = 3 bis 5 Optionen; bei Freitext-Antwort stattdessen die akzeptierten Antworten
field-notes = Das gehört in eine gute Antwort
field-notes-hint = 2 bis 6 Stichpunkte, einer pro Zeile; werden in der Zusammenfassung gezeigt
field-answer = Richtige Option (Buchstabe)
field-answer-hint = A bis E; leer lassen, wenn die Antwort eingetippt wird
field-explanation = Erklärung
field-explanation-hint = Warum die Antwort stimmt; wird bei der Auflösung gezeigt
field-category = Kategorie
field-category-hint = Eine der Kategorien im Fragenkatalog, z. B. databases

suggestion-saved = Danke! Vorschlag #{ $id } wartet jetzt auf die Prüfung durch einen Admin. `/quiz suggestions` zeigt dir den Stand.
note-head = Hinweis:
more-similar = und { $count ->
    [one] eine weitere Frage
   *[other] { $count } weitere Fragen
} mit derselben Antwort und ähnlichem Wortlaut
similar-warning = ähnelt `{ $id }` (gleiche Antwort): „{ $prompt }“
review-title = Vorschlag #{ $id } von { $author } · { $category } · { $pending } offen
former-member = ein ehemaliges Mitglied
too-many-pending = Du hast hier schon { $max } Vorschläge, die auf Prüfung warten; bitte warte, bis ein Admin sie sich angesehen hat.
unreadable-suggestion = Dieser Vorschlag erfüllt die Regeln für Fragenpakete nicht mehr ({ $why }); er kann nur noch abgelehnt werden.
nothing-to-review = Es warten keine Vorschläge auf Prüfung.
no-such-suggestion = Auf diesem Server wartet kein Vorschlag mit dieser Nummer auf Prüfung.
own-suggestion = Diesen Vorschlag hast du selbst geschrieben, also muss ein anderer Admin ihn annehmen. Es wurde nichts geändert.
no-suggestions = Du hast auf diesem Server noch keine Frage vorgeschlagen: `/quiz suggest` öffnet das Formular.
approved = Vorschlag #{ $id } angenommen: Er gehört jetzt als `{ $slug }` zu den eigenen Fragen dieses Servers.
rejected = Vorschlag #{ $id } abgelehnt; der Verfasser sieht das unter `/quiz suggestions`.
edited = Deine Änderungen an Vorschlag #{ $id } sind gespeichert.
action-approve = Annehmen
action-reject = Ablehnen
action-edit = Bearbeiten
your-suggestions = Deine Vorschläge auf diesem Server:
suggestion-pending = #{ $id } wartet auf Prüfung: { $title }
suggestion-approved = #{ $id } angenommen: { $title }
suggestion-rejected = #{ $id } abgelehnt: { $title }
suggestion-rejected-because = #{ $id } abgelehnt: { $title } (Grund: { $reason })
note-line = Hinweis: { $note }
field-too-long = ist { $len } Zeichen lang; erlaubt sind höchstens { $max }
field-not-a-letter = `{ $given }` ist kein Buchstabe: Gib den Buchstaben der richtigen Option an (A bis E) oder lass das Feld leer, wenn die Zeilen die akzeptierten Antworten auf eine Freitext-Frage sind
# $rule: a pack rule as check-content words it, in English for pack authors
pack-rule = { $rule }
