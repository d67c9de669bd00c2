## Channel administration
# $rule: the schedule as typed back, "09:00 Europe/Berlin weekdays, closing 8h"
# $at, $next, $due, $since: instants, shown in each reader's zone where the platform can

not-admin-discord = Seuls les membres qui ont la permission « Gérer le serveur » peuvent utiliser /quizadmin. Demande à quelqu'un qui l'a de lancer la commande, ou de te donner cette permission (Paramètres du serveur → Rôles). Rien n'a été modifié.
not-admin-slack = Seuls les admins et propriétaires de l'espace de travail, le membre qui a installé Quizmaster et les membres listés dans le paramètre slack.admins du bot peuvent utiliser /quiz admin. Demande à l'un d'eux, ou demande à la personne qui gère le bot d'ajouter ton identifiant de membre à slack.admins. Rien n'a été modifié.
not-admin-console = Seuls les admins peuvent utiliser /quiz admin. Rien n'a été modifié.

schedule-rule = { $time } { $zone } { $days }, clôture { $close }
not-scheduled = Ce canal n'a pas encore de planning. Crée-en un avec { $admin } schedule <HH:MM> <Area/City> [days] [close].
never-posts = Avec ce planning, aucune question ne serait jamais publiée.
scheduled = Planning enregistré : { $rule }. Prochaine question : { $next }.
already-paused = Le planning est déjà en pause. Pour le relancer : { $admin } resume.
paused = En pause : plus de question du jour jusqu'au prochain { $admin } resume. Les jours sans question ne cassent jamais une série.
resumed = C'est reparti. Prochaine question : { $next }.
running = Le planning tourne déjà : rien à relancer.
nothing-to-skip = Le planning est en pause, il n'y a donc rien à sauter.
already-skipped = La question du { $date } est déjà sautée ; pour une pause plus longue, utilise { $admin } pause.
skipped = Question du { $date } sautée (prévue : { $due }). Les jours sautés ne cassent jamais une série.
already-posted = Ce canal a déjà eu sa question du { $date } ; la suivante arrivera au prochain jour prévu par le planning.
posted = Question publiée dans ce canal. Clôture et réponse : { $at }.
posted-no-close = Question publiée dans ce canal. Dévoile la réponse avec { $admin } reveal-now.
closed-unseen = Clôturée. La question n'est jamais arrivée dans ce canal, il n'y a donc rien à dévoiler ; la journée compte comme manquée et ne casse la série de personne.
revealed = Clôturée : la réponse va être dévoilée dans ce canal.
already-revealed = La réponse à cette question a déjà été dévoilée.
nothing-to-reveal = Il n'y a aucune question du jour ouverte dans ce canal, donc rien à dévoiler.
categories-all = Les questions du jour viennent désormais de toutes les catégories ({ $pool ->
    [one] { $pool } question
   *[other] { $pool } questions
}).
categories-set = Les questions du jour viennent désormais de ces catégories : { $chosen } ({ $pool ->
    [one] { $pool } question
   *[other] { $pool } questions
}).
zone-set = Les semaines et les mois du classement suivent désormais le fuseau { $zone }.
# $language: the language's name in itself (language-name)
language-set = Nouvelle langue pour les questions du jour, leurs réponses et les récaps de ce serveur : { $language }. Les messages visibles par un seul membre restent dans sa propre langue, si le bot la parle.
language-auto = La langue de ce serveur suit désormais celle définie dans ses paramètres : { $language } pour l'instant.
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
not-a-zone = `{ $given }` n'est pas un fuseau horaire IANA (par exemple Europe/Berlin ou America/New_York).
not-a-zone-hint = `{ $given }` n'est pas un fuseau horaire IANA (par exemple Europe/Berlin ou America/New_York). Tu voulais dire { $hint } ?

status-schedule = Planning : { $rule }.
status-schedule-paused = Planning : { $rule } (en pause).
status-skipped = La question du { $date } sera sautée.
status-next = Prochaine publication : { $at }.
status-open = Question ouverte : { $date } ; clôture : { $at }.
status-open-no-close = Question ouverte : { $date }.
status-pool = Réserve : il reste { $left ->
    [one] { $left } question
   *[other] { $left } questions
} sur { $total } dans ce cycle ({ $categories }).
status-pool-all = toutes catégories
status-no-question = Aucune question ouverte.
status-language = Langue : { $language }.
status-language-auto = Langue : { $language } (auto : celle définie pour le serveur).
status-no-schedule = Pas de planning : { $admin } schedule <HH:MM> <Area/City> [days] [close] en crée un.

## What stops the bot from posting, and what to do about it
# $fix: one of the delivery-fix messages

delivery-problem = Problème depuis { $since } : le bot ne peut pas publier la question du jour ici, car { $fix }. Le planning reprendra de lui-même dès qu'une publication aboutira ici ; { $admin } post-now en tente une tout de suite.
delivery-problem-threads = Problème depuis { $since } : la question du jour a bien été publiée, mais le bot n'a pas pu utiliser son fil. { $grant }, ou désactive les fils avec { $admin } threads off.
fix-discord-no-access = il ne voit pas ce canal. Donne à son rôle la permission « Voir les salons » ici (paramètres du salon, Permissions)
fix-discord-permissions = il n'a pas le droit de publier ici. Donne à son rôle les permissions « Voir les salons », « Envoyer des messages » et « Voir les anciens messages » ici
fix-not-allowed = il n'a pas le droit de publier ici. Donne-lui cette autorisation
fix-channel-gone = le canal ou le message de la question n'existe plus. Configure le planning dans un autre canal
fix-archived = ce canal est archivé. Désarchive-le, ou configure le planning dans un autre canal
fix-slack-not-in-channel = il n'est pas dans ce canal. Invite-le avec /invite @Quizmaster
fix-not-in-channel = il n'est pas membre de ce canal. Ajoute-le
fix-slack-removed = son jeton ne fonctionne plus ici. Réinstalle l'app dans cet espace de travail
fix-removed = il a été retiré ou son jeton ne fonctionne plus. Ajoute-le à nouveau
grant-threads-discord = Donne à son rôle les permissions « Créer des fils publics » et « Envoyer des messages dans les fils » ici
grant-threads = Autorise-le à répondre dans les fils ici

# Discord's permissions, as its settings name them
perm-view-channel = « Voir les salons »
perm-send-messages = « Envoyer des messages »
perm-embed-links = « Intégrer des liens »
perm-read-message-history = « Voir les anciens messages »
perm-create-public-threads = « Créer des fils publics »
perm-send-messages-in-threads = « Envoyer des messages dans les fils »

check-console = Le canal local n'a besoin d'aucune permission.
check-unknown = Cette plateforme n'indique pas ce que le bot a le droit de faire dans un canal avant qu'il essaie ; { $admin } status affiche les éventuels problèmes rencontrés lors de la dernière publication.
check-all-granted = Le bot a tout ce qu'il lui faut ici : { $needed }.
check-missing = Ici, il manque au bot : { $missing }. La question du jour ne peut donc pas fonctionner dans ce canal. Pour corriger : paramètres du canal, Permissions, le rôle du bot (ou le bot lui-même), puis autorise { $missing }.

## Recap, seasons, pings, threads, the web page

recap-off = Le récap hebdo est désactivé pour ce canal.
recap-was-off = Le récap hebdo était déjà désactivé pour ce canal.
recap-needs-schedule = Le récap hebdo suit la question du jour : configure d'abord un planning avec `schedule <HH:MM> <Area/City>`.
# $day: the weekday's number, 1 (Monday) to 7 (Sunday)
recap-set = Le récap hebdo sera publié chaque { $day ->
    [1] lundi
    [2] mardi
    [3] mercredi
    [4] jeudi
    [5] vendredi
    [6] samedi
   *[7] dimanche
} à { $time } { $zone }. Prochain récap : { $next }.

season-taken = Ce serveur a déjà eu une saison nommée `{ $name }` ; choisis un autre nom.
season-started = La saison { $name } a commencé : son classement part de zéro. Les classements « depuis le début », eux, continuent de compter.
season-over = La saison { $old } est terminée ; son classement final ({ $players ->
    [one] { $players } joueur
   *[other] { $players } joueurs
}) est conservé : `/quiz leaderboard season { $old }`.

ping-set-role = Chaque question du jour ici mentionnera désormais ce rôle, et personne d'autre. `ping off` pour arrêter.
ping-set-group = Chaque question du jour ici mentionnera désormais ce groupe d'utilisateurs, et personne d'autre. `ping off` pour arrêter.
ping-off = Les questions du jour ici ne mentionnent plus personne.
threads-off = Les questions du jour ici n'ouvrent plus de fil.
threads-on-discord = Chaque question du jour ici ouvre un fil de discussion, où la réponse est aussi dévoilée. Le bot a besoin de « Créer des fils publics » et « Envoyer des messages dans les fils » : `check` indique s'il les a.
threads-on = Pour chaque question du jour, la réponse est aussi dévoilée dans son fil.
thread-name = Question du jour · { $date }
thread-name-discussion = Discussion du jour · { $date }

web-off = Ce bot ne sert aucune page web (son opérateur n'a pas configuré `web.listen`).
web-link = Classements, graphique de la semaine et archives de ce serveur : { $url }
web-link-note = Toute personne qui a le lien peut voir la page ; un admin peut le remplacer avec `web rotate`.
web-rotated = L'ancien lien ne fonctionne plus. Voici le nouveau : { $url }

## Times, zones, days and close times as typed
# $given: what was typed

not-a-time = `{ $given }` n'est pas une heure : utilise le format HH:MM sur 24 h, par exemple 09:30
not-days = `{ $given }` n'est pas un ensemble de jours : utilise daily, weekdays, weekends, une plage comme mon-fri ou une liste comme mon,wed,fri
not-a-duration = `{ $given }` n'est pas une durée valide (par exemple 2h, 90m ou 1h30m)
not-a-close = `{ $given }` n'est pas une heure de clôture : utilise une durée comme 8h, 90m ou 1h30m, ou `next`
close-too-long = `{ $given }` dépasse une semaine ; utilise `next` pour clôturer à la publication suivante
close-next = à la publication suivante
# $duration: as typed, 8h or 1h30m
close-after = au bout de { $duration }

## Setting up a channel in one form
setup-title = Configurer le quiz
setup-time = Heure (sur 24 h, HH:MM)
setup-time-hint = 09:00
setup-zone = Fuseau horaire (Région/Ville)
setup-zone-hint = Europe/Paris, America/Montreal, Asia/Tokyo
setup-days = Jours
setup-days-hint = weekdays, daily, weekends ou mon,wed,fri
setup-categories = Catégories
setup-categories-hint = all, ou des noms comme databases, apis
setup-not-saved = rien n'est encore configuré. Corrige ce qui suit et renvoie le formulaire :
schedule-kind = { $kind ->
    [discussion] Chaque publication est une question de discussion, à débattre dans son fil.
   *[alternate] Les publications alternent : une question de quiz, puis une question de discussion.
}
