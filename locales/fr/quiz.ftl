# Quizmaster's words in French, translated from en-US (the source language).
#
# Every message is one id with a value (no attributes). Variables given by
# the code are named in the comment above a message where it is not obvious.
# Every message may also read $admin: how this platform's users type an
# admin command ("/quiz admin" or, on Discord, "/quizadmin").

## Questions, answers and reveals

question-daily = Question du jour
question-practice = Question d'entraînement
# $last: the last choice's letter
how-to-answer-text = Réponds avec /quiz answer <ta réponse>
how-to-answer-letters = Réponds avec /quiz answer <A-{ $last }>
how-to-answer-buttons = Réponds avec un bouton ou /quiz answer <A-{ $last }>
closes-at = clôture : { $at }
suggested-by = Proposée par { $name }.
suggested-by-edited = Proposée par { $name }, modifiée par { $editor }.
edited-by = Modifiée par { $editor }.
# $level: easy, medium or hard, as the bank marks the question
difficulty = { $level ->
    [easy] facile
    [medium] intermédiaire
   *[hard] difficile
}

verdict-correct = Bonne réponse !
verdict-wrong = Pas tout à fait.
verdict-recorded = Réponse enregistrée.
verdict-daily = { $head } Tu as répondu { $answer } à la question du jour ({ $title }).
verdict-practice = { $head } Tu as répondu { $answer } à ta question d'entraînement ({ $title }).
answer-is = Réponse : { $answer }
revealed-when-closed = La réponse et les résultats seront dévoilés à la clôture de la question.
revealed-at = La réponse et les résultats seront dévoilés à la clôture de la question ({ $at }).

reveal-head = Question du jour : la réponse
# $share: the percentage right, 0 to 100
reveal-tally = { $answered ->
    [one] { $answered } réponse
   *[other] { $answered } réponses
}, dont { $correct ->
    [one] { $correct } bonne
   *[other] { $correct } bonnes
} ({ $share } %).
reveal-first = Première bonne réponse : { $name }.

## The channel's archive

archive-empty = Aucune question n'a encore été dévoilée dans ce canal.
archive-head = { $count ->
    [one] La dernière question dévoilée dans ce canal :
   *[other] Les { $count } dernières questions dévoilées dans ce canal :
}
# $title: the question's first words; $answer: its right answer
archive-item = { $date } : { $title } Réponse : { $answer } ({ $right ->
    [one] { $right } bonne réponse
   *[other] { $right } bonnes réponses
} sur { $answered })

## Refusals while answering

empty-bank = La banque de questions est vide.
not-this-channel = Cette question n'appartient pas à ce canal.
not-your-practice = Cette question d'entraînement appartient à quelqu'un d'autre ; lance la tienne avec /quiz.
nothing-open = Aucune question ouverte à laquelle répondre. Tape /quiz pour une question d'entraînement.
practice-closed = Il n'est plus possible de répondre à cette question d'entraînement. Tape /quiz pour en avoir une autre.
already-answered-daily = Tu as déjà répondu { $first } à la question du jour ; seule la première réponse compte. Tape /quiz pour une question d'entraînement.
already-answered = Tu as déjà répondu { $first } à la question du jour ({ $title }) ; seule la première réponse compte.
already-answered-practice = Tu as déjà répondu { $first } à cette question d'entraînement ({ $title }) ; seule la première réponse compte. Tape /quiz pour en avoir une autre.
# $date: the question's local date, 2026-11-26
question-closed = Cette question est clôturée : la réponse à la question du jour du { $date } a été dévoilée.
answer-empty = Ta réponse est vide. Rien n'a été enregistré.
discussion-not-graded = Les questions de discussion n'ont pas de bonne réponse et ne sont pas notées : donne ton avis dans son fil. Rien n'a été enregistré.
# $problem: what is wrong with the letter; $title: the question's first words
answer-needs-letter = { $problem } Cette question ({ $title }) attend une lettre. Rien n'a été enregistré.
answer-not-a-letter = Choisis une lettre de A à { $last }.
answer-out-of-range = Il n'y a pas de choix { $given } : choisis entre A et { $last }.
no-category = Il n'y a pas de catégorie `{ $given }`. Catégories : { $known }.
no-category-hint = Il n'y a pas de catégorie `{ $given }`. Tu voulais dire `{ $hint }` ? Catégories : { $known }.

## Boards, stats and streaks

board-title-daily = Classement · { $period } · { $sort }
board-title-practice = Classement d'entraînement · { $period }
period-week = cette semaine
period-month = ce mois-ci
period-all = depuis le début
sort-points = points
sort-streak = série
sort-accuracy = taux de réussite
board-empty-daily = Aucune réponse sur cette période pour l'instant. Les scores d'entraînement sont sur /quiz leaderboard practice.
board-empty = Aucune réponse sur cette période pour l'instant.
board-you = (toi)
points = { $points ->
    [one] { $points } pt
   *[other] { $points } pts
}
figure-practice = { $correct ->
    [one] { $correct } bonne
   *[other] { $correct } bonnes
} sur { $answered }
figure-streak = { $days } d'affilée
figure-accuracy = { $share } % ({ $correct }/{ $answered })
season-title-current = Saison { $name } · points à ce jour
season-title-final = Saison { $name } · classement final
no-season-answers = Aucune réponse dévoilée dans cette saison pour l'instant.
no-season-running = Aucune saison en cours. Un admin peut en lancer une avec `{ $admin } season start <name>`. Saisons : { $known }.
no-season-called = Il n'y a pas de saison `{ $name }` sur ce serveur. Saisons : { $known }.
seasons-none-yet = aucune pour l'instant
no-player = Aucun joueur nommé { $name } n'a encore participé ici.

stats-title = Stats : { $name }
stats-daily = Questions du jour
stats-daily-figure = { $answered } ({ $correct ->
    [one] { $correct } bonne
   *[other] { $correct } bonnes
}, { $share } %)
stats-points = Points
stats-points-figure = { $points }
stats-streak = Série
stats-streak-figure = { $current } (record : { $best }, { $freezes ->
    [one] { $freezes } joker
   *[other] { $freezes } jokers
})
stats-practice = Entraînement
stats-practice-figure = { $answered ->
    [one] { $answered } réponse
   *[other] { $answered } réponses
}, dont { $correct ->
    [one] { $correct } bonne
   *[other] { $correct } bonnes
} ({ $share } %)
stats-learned = Questions acquises
# $days: the window, 30
stats-retention = Rétention sur les { $days } derniers jours
learned = { $learned } sur { $seen ->
    [one] { $seen } question vue
   *[other] { $seen } questions vues
} (phase d'apprentissage terminée)
retention = { $share } % ({ $right ->
    [one] { $right } bonne réponse
   *[other] { $right } bonnes réponses
} sur { $all })
retention-none = pas encore de réponses
streak-head = Ta série :
streak-line = { $head } { $current } d'affilée (record : { $best }), { $freezes ->
    [one] { $freezes } joker
   *[other] { $freezes } jokers
} en réserve.

## Practice cards

review-none = Pas encore de cartes d'entraînement. /quiz te donne une question ; chaque réponse que tu donnes, à l'entraînement ou à une question du jour, programme une révision de cette question.
review-outlook = { $cards ->
    [one] { $cards } carte
   *[other] { $cards } cartes
} dans ta file de révision. À réviser maintenant : { $due_now }. Plus tard aujourd'hui : { $later_today }.
review-next = Prochaine révision : { $at }.
review-start = /quiz commence par la carte la plus en retard.

## The weekly recap

recap-title = Récap de la semaine · { $first } – { $last }
recap-tally = { $answered ->
    [one] { $answered } réponse
   *[other] { $answered } réponses
} à { $questions ->
    [one] { $questions } question
   *[other] { $questions } questions
}, dont { $right ->
    [one] { $right } bonne
   *[other] { $right } bonnes
} ({ $share } %).
recap-top = Top 5 : { $rows }
recap-top-row = { $rank }. { $name } ({ $figure })
recap-streak = Plus longue série : { $name }, { $days } d'affilée.
recap-hardest = Question la plus difficile : { $prompt } ({ $right ->
    [one] { $right } bonne réponse
   *[other] { $right } bonnes réponses
} sur { $answered }, { $share } %).
chart-per-day = Réponses par jour
chart-answers-axis = réponses
chart-answered = réponses
chart-right = bonnes
chart-per-category = Taux de réussite par catégorie
chart-percent-axis = % de réussite
chart-nothing = Aucune question dévoilée cette semaine pour l'instant
chart-day = { $day } : { $answered ->
    [one] { $answered } réponse
   *[other] { $answered } réponses
}, { $right ->
    [one] { $right } bonne
   *[other] { $right } bonnes
}
chart-alt = Graphique en barres des réponses de la semaine par jour ({ $days }) et du taux de réussite par catégorie.
chart-saved = Graphique : { $path }
question-discussion = Discussion du jour
how-to-discuss = Pas de bonne réponse ici : donne ton avis dans le fil, ou avec /quiz answer <ton avis>
discussion-head = Discussion du jour : le bilan
discussion-took-part = { $count ->
    [0] Personne n'a participé cette fois.
    [one] Une personne a participé.
   *[other] { $count } personnes ont participé.
}
discussion-notes = Ce qu'une bonne réponse devrait aborder :
took-part = Merci de participer : { $count ->
    [one] tu es la première personne à le faire.
   *[other] { $count } personnes ont participé jusqu'ici.
} Les discussions ne sont jamais notées ; continue l'échange dans le fil.
already-took-part = Tu as déjà participé à la discussion du jour. Tu peux compléter ta réponse dans son fil.
stats-discussions = Discussions
stats-discussions-figure = { $joined ->
    [one] { $joined } participation
   *[other] { $joined } participations
} (série : { $streak })
