## A server's web page

page-title = Classements du quiz
page-zone = Les jours et les semaines sont comptés selon le fuseau horaire { $zone }.
page-boards = Classements
page-board-week = Cette semaine
page-board-month = Ce mois-ci
page-board-all = Depuis le début
page-streaks = Séries
page-week = Les sept derniers jours
page-archive = Questions passées
page-no-archive = Aucune question n'a encore été dévoilée.
page-question-meta = { $date } · { $category } · { $answered ->
    [one] { $answered } réponse
   *[other] { $answered } réponses
}, { $right ->
    [one] { $right } bonne
   *[other] { $right } bonnes
} ({ $share } %)
page-answer = Réponse :
page-no-answers = Pas encore de réponses.
page-no-streaks = Pas encore de séries.
page-col-player = Joueur
page-col-points = Points
page-col-accuracy = Réussite
page-col-days = Jours d'affilée
page-not-found-title = Introuvable
# $command: the command that gives the new link, shown as code
page-not-found = Ce lien ne mène à aucune page de quiz. Il a peut-être été remplacé : demande le nouveau avec { $command }.
