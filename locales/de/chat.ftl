## Help, general refusals, the console, installs and the web page

help-title = Quizmaster-Befehle
# An admin command's row in the help list: $about is what it does
help-admins-only = Nur Admins: { $about }

sorry = Sorry:
too-fast = Du schickst Befehle schneller, als das Quiz sie annehmen kann. Warte kurz und versuch es noch mal; es wurde nichts gespeichert.
try-again = Die Quiz-Datenbank ist gerade ausgelastet oder nicht erreichbar, deshalb wurde nichts gespeichert. Versuch es bitte gleich noch mal.
our-fault = Bei uns ist etwas schiefgelaufen, es wurde nichts gespeichert. Der Fehler wurde protokolliert.
not-our-button = Dieser Button gehört nicht zum Quiz; es wurde nichts gespeichert.
not-our-command = Das ist kein Quiz-Befehl; probier es mit /quiz help.

forget-me-first = Damit löschst du deine Antworten, Punkte, Streaks und Übungsdaten auf diesem Server endgültig und verschwindest aus seinen Bestenlisten (auch aus vergangenen Saisons). Deine noch offenen Vorschläge werden zurückgezogen; bereits angenommene Fragen von dir bleiben erhalten, werden aber niemandem mehr zugeschrieben. Sonst ändert sich nichts. Wenn du sicher bist: { $confirm }
forgotten = Erledigt: { $answers ->
    [one] 1 Antwort
   *[other] { $answers } Antworten
} und alles, was daraus berechnet wurde, sind von diesem Server gelöscht.

console-banner =
    Quizmaster — lokaler Konsolenmodus.
    Es sind keine Zugangsdaten für Discord oder Slack konfiguriert, daher ist das hier
    ein lokaler Chat mit einem Kanal. Tippe /quiz help für die Befehle, /as NAME, um als
    jemand anderes zu spielen, und /quit (oder Ende der Eingabe) zum Beenden. Wie du eine
    echte Plattform anbindest, steht unter „Connecting Discord and Slack“ in docs/operators.md.
console-as-usage = Verwendung: /as NAME
console-unknown = Befehle beginnen mit /quiz (probier /quiz help), /as NAME oder /quit.
console-bye = Tschüss.
# A reply only one member sees, as the console labels it
console-private = nur für { $user }
console-form = Füll das Formular mit einem `field: value` pro Zeile aus; eine Zeile ohne Feldnamen wird an das vorige Feld angehängt (eine Option pro Zeile). Eine leere Zeile schickt es ab, /cancel verwirft es.
console-form-dropped = Verworfen; es wurde nichts gesendet.
console-you-are = Du bist jetzt { $name }.

installed = Quizmaster ist in { $team } installiert. Lade ihn mit /invite @Quizmaster in euren Quiz-Kanal ein und tippe dort /quiz admin setup: ein Formular ausfüllen, und schon ist die erste Frage da.
installed-welcome = Danke, dass du Quizmaster zu { $team } hinzugefügt hast! Lade mich mit /invite @Quizmaster in euren Quiz-Kanal ein und tippe dort /quiz admin setup: ein Formular ausfüllen (Uhrzeit, Zeitzone, Tage, Kategorien), und schon ist die erste Frage da. Da du mich installiert hast, kannst du alle Befehle unter /quiz admin nutzen; /quiz help zeigt sie alle.
discord-welcome = Hallo, ich bin Quizmaster: jeden Tag eine Frage zum Backend-Engineering, beantwortet direkt hier im Kanal. Wer die Berechtigung „Server verwalten“ hat, kann loslegen: einfach /quizadmin setup in dem Kanal ausführen, in dem die Fragen erscheinen sollen, ein Formular ausfüllen (Uhrzeit, Zeitzone, Tage, Kategorien), und schon ist die erste Frage da. Alle anderen: /quiz gibt euch eine Übungsfrage, /quiz help zeigt alles Weitere.
install-link-used = Dieser Installationslink ist abgelaufen oder wurde schon benutzt, daher wurde nichts installiert. Fang auf der Installationsseite noch mal von vorn an.
install-cancelled = Die Installation wurde in Slack abgebrochen; es wurde nichts installiert.
install-failed = Slack hat die Installation nicht bestätigt, daher wurde nichts gespeichert. Bitte versuch es noch mal.
