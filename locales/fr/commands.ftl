## Commands that were not understood
# $sub: the subcommand as the help spells it; $given, $extra: what was typed

too-long = Ta commande fait { $len } caractères ; la limite est de { $max }.
unknown-subcommand = Sous-commande inconnue : `{ $given }`. Tape `/quiz help` pour voir la liste.
unknown-subcommand-hint = Sous-commande inconnue : `{ $given }`. Tu voulais dire `/quiz { $hint }` ? Tape `/quiz help` pour voir la liste.
empty-answer = Il manque ta réponse à `/quiz answer`, par exemple `/quiz answer B` ou `/quiz answer idempotent`.
board-option = `{ $given }` n'est ni une période (week, month, all), ni un tri (points, streak, accuracy), ni un classement (daily, practice)
unexpected = `/quiz { $sub }` n'accepte pas `{ $extra }`.
admin-commands = Commandes admin : schedule <HH:MM> <Area/City> [days] [close], pause, resume, skip, post-now, reveal-now, status, check, categories <name,name,…|all>, timezone <Area/City>, language <tag|auto>, recap [day] [HH:MM] | off, web rotate, season start <name>, ping <role|off>, threads on|off, review.
unknown-admin = Commande admin inconnue : `{ $given }`. { admin-commands }
unknown-admin-hint = Commande admin inconnue : `{ $given }`. Tu voulais dire `{ $admin } { $hint }` ? { admin-commands }
# $problem: one of the admin-* messages below
bad-admin = `{ $admin } { $sub }` : { $problem }
bad-player = `/quiz { $sub }` : { $problem }

archive-count = `{ $given }` n'est pas un nombre entre 1 et { $max }
admin-takes-nothing = n'accepte pas `{ $extra }`
admin-needs-list = attend une liste comme `databases,security`, ou `all`
admin-needs-zone = attend un seul fuseau horaire, comme Europe/Berlin
admin-threads = attend `on` ou `off`
# $known: the language tags the bot speaks
admin-language = attend une langue que le bot parle ({ $known }), ou `auto`
admin-review = s'utilise seul, ou avec approve <n>, reject <n> [reason] ou edit <n>
admin-recap = `{ $given }` n'est ni un jour (mon … sun) ni une heure (HH:MM) ; `recap off` désactive le récap
admin-ping = `{ $given }` n'est pas un rôle : mentionne-le (@Quiz sur Discord, @quiz-team sur Slack), ou indique `off`
admin-season-name = le nom fait { $len } caractères ; la limite est de { $max }
admin-season = attend `start <name>`, par exemple `season start Spring 2027`
admin-web = attend `rotate`, qui remplace le lien web du serveur (`/quiz web` l'affiche)
admin-schedule = attend une heure et un fuseau horaire, par exemple `09:00 Europe/Berlin weekdays 8h`
admin-schedule-word = `{ $given }` n'est ni un ensemble de jours (daily, weekdays, weekends, mon,wed,fri) ni une heure de clôture (8h, 90m, next)

## The commands: what each does (the help list and Discord's descriptions,
## at most 100 characters) and what each option is

cmd-quiz = Quiz d'ingénierie backend : entraînement, réponses, classements
cmd-quizadmin = Gérer la question du jour de ce canal
cmd-play = Une question d'entraînement rien que pour toi, en répétition espacée
cmd-answer = Répondre à la question du jour, sinon à ta question d'entraînement
cmd-leaderboard = Le classement du serveur, ou celui d'une saison
cmd-stats = Réponses, taux de réussite, points et séries
cmd-streak = Ta série en cours, ton record et tes jokers
cmd-review = Tes cartes d'entraînement : combien sont à réviser maintenant et plus tard aujourd'hui
cmd-web = Le lien vers la page du serveur : classements, graphique de la semaine, questions passées
cmd-archive = Les dernières questions dévoilées dans ce canal, avec leurs réponses, rien que pour toi
cmd-suggest = Proposer une question pour ce serveur ; un admin l'examinera
cmd-suggestions = Tes propositions et où elles en sont
cmd-forget-me = Supprimer tes réponses, séries et entraînement sur ce serveur (avec confirmation)
cmd-help = Ce que font les commandes
cmd-setup = Configurer ce canal en un seul formulaire et publier tout de suite sa première question
cmd-schedule = Une question du jour à une heure locale, dans un fuseau horaire, certains jours
cmd-pause = Arrêter les publications jusqu'à la reprise
cmd-resume = Reprendre les publications
cmd-skip = Sauter la prochaine question prévue
cmd-post-now = Publier la question du jour maintenant
cmd-reveal-now = Clôturer la question ouverte et dévoiler sa réponse maintenant
cmd-status = Le planning, la prochaine publication et les questions restantes
cmd-check = Ce que le bot peut faire dans ce canal, et ce qui lui manque
cmd-categories = D'où viennent les questions du jour de ce canal
cmd-timezone = Le fuseau horaire des semaines et des mois du classement
cmd-language = Langue des questions du jour, réponses et récaps sur ce serveur (auto : selon ses paramètres)
cmd-recap = Un récap hebdo avec graphique (vendredi 16:00 par défaut), ou off
cmd-web-rotate = Remplacer le lien web du serveur ; l'ancien cesse de fonctionner
cmd-ping = Mentionner un rôle (Slack : un groupe d'utilisateurs) à chaque question ; off ou rien pour arrêter
cmd-threads = Un fil de discussion pour chaque question du jour, où la réponse est dévoilée
cmd-season = Clôturer la saison (son classement est conservé) et en lancer une nouvelle à zéro
cmd-review-queue = Les propositions en attente, une par une : approuver, refuser ou modifier

opt-category = Uniquement les questions de cette catégorie
opt-choice = La lettre que tu choisis
opt-text = Une réponse courte, en texte libre
opt-period = La période, ou le classement d'une saison
opt-sort = Trier par
opt-board = Réponses aux questions du jour ou d'entraînement
opt-season-name = Avec la période season : le nom d'une saison passée
opt-user = Un autre joueur
opt-count = Combien, de 1 à 10 (5 par défaut)
opt-confirm = yes : tout supprimer maintenant
opt-time = Heure locale, HH:MM (sur 24 h)
opt-zone = Fuseau horaire IANA, comme Europe/Berlin
opt-language = Une langue, ou auto pour suivre la langue définie pour le serveur
opt-days = daily, weekdays, weekends, mon-fri ou mon,wed,fri
opt-close = Quand la clôturer : 8h, 90m ou next
opt-list = Catégories séparées par des virgules, ou all
opt-day = Le jour, ou off
opt-recap-time = Heure locale, HH:MM (sur 24 h), dans le fuseau du planning
opt-web-action = Que faire
opt-role = Le rôle à mentionner ; sans rôle, personne n'est mentionné
opt-on = on ou off
opt-season-action = Que faire
opt-season = Le nom de la nouvelle saison
opt-review-action = Que faire de la proposition
opt-review-number = Le numéro de la proposition
opt-reason = Le motif, en cas de refus (son auteur le verra)
# The name Discord shows for one choice of an option; members pick it, and
# the command still receives the word in brackets. $word: the choice.
choice = { $word ->
    [week] cette semaine
    [month] ce mois-ci
    [all] depuis le début
    [season] saison
    [points] points
    [streak] série
    [accuracy] taux de réussite
    [daily] questions du jour
    [practice] entraînement
    [yes] oui
    [auto] automatique
    [mon] lundi
    [tue] mardi
    [wed] mercredi
    [thu] jeudi
    [fri] vendredi
    [sat] samedi
    [sun] dimanche
    [off] désactivé
    [on] activé
    [rotate] remplacer le lien
    [approve] approuver
    [reject] refuser
    [edit] modifier
    [quiz] question de quiz
    [discussion] discussion
    [alternate] en alternance
   *[other] { $word }
}
admin-schedule-kind = `{ $given }` n'est pas un type de publication : utilise `kind quiz`, `kind discussion` ou `kind alternate`
opt-kind = Ce qui est publié : une question de quiz, une discussion, ou les deux en alternance
opt-suggest-kind = Une question de quiz (par défaut) ou une question de discussion
