## Help, general refusals, the console, installs and the web page

help-title = Commandes de Quizmaster
# An admin command's row in the help list: $about is what it does
help-admins-only = admins : { $about }

sorry = Désolé :
too-fast = Tu envoies des commandes plus vite que le quiz ne peut les traiter. Attends une seconde et réessaie ; rien n'a été enregistré.
try-again = La base de données du quiz est occupée ou indisponible pour le moment, donc rien n'a été enregistré. Réessaie dans un instant.
our-fault = Quelque chose a planté de notre côté et rien n'a été enregistré. L'erreur a été journalisée.
not-our-button = Ce bouton n'appartient pas au quiz ; rien n'a été enregistré.
not-our-command = Ce n'est pas une commande du quiz ; essaie /quiz help.

forget-me-first = Cette commande supprime définitivement tes réponses, tes points, tes séries et ton entraînement sur ce serveur, et te retire de ses classements (saisons passées comprises). Tes propositions encore en attente sont retirées ; celles déjà approuvées restent, mais ne sont plus attribuées à personne. Rien d'autre ne change. Pour confirmer : { $confirm }
forgotten = C'est fait : { $answers ->
    [one] { $answers } réponse
   *[other] { $answers } réponses
} et tout ce qui en découlait ont été supprimés de ce serveur.

console-banner =
    Quizmaster — mode console locale.
    Aucun identifiant Discord ou Slack n'est configuré : ceci est donc un chat local
    avec un seul canal. Tape /quiz help pour voir les commandes, /as NOM pour jouer
    sous un autre nom, /quit (ou fin d'entrée) pour quitter. Pour connecter une vraie
    plateforme, consulte « Connecting Discord and Slack » dans docs/operators.md.
console-as-usage = Utilisation : /as NOM
console-unknown = Les commandes commencent par /quiz (essaie /quiz help), /as NOM ou /quit.
console-bye = À bientôt !
# A reply only one member sees, as the console labels it
console-private = pour { $user } seulement
console-form = Remplis-le avec un `field: value` par ligne ; une ligne sans nom de champ s'ajoute au champ précédent (un choix par ligne). Une ligne vide l'envoie ; /cancel l'abandonne.
console-form-dropped = Abandonné ; rien n'a été envoyé.
console-you-are = Tu es maintenant { $name }.

installed = Quizmaster est installé dans { $team }. Invite-le dans le canal du quiz avec /invite @Quizmaster, puis tape /quiz admin setup dans ce canal : un seul formulaire à remplir, et la première question est publiée aussitôt.
installed-welcome = Merci d'avoir ajouté Quizmaster à { $team } ! Invite-moi dans le canal du quiz avec /invite @Quizmaster, puis tape /quiz admin setup dans ce canal : un seul formulaire à remplir (heure, fuseau horaire, jours, catégories), et la première question est publiée aussitôt. Comme c'est toi qui m'as installé, tu as accès à toutes les commandes /quiz admin ; /quiz help les liste toutes.
discord-welcome = Salut, moi c'est Quizmaster : une question d'ingénierie backend par jour, à laquelle on répond directement ici, dans le salon. Toute personne ayant la permission « Gérer le serveur » peut me lancer : il suffit de taper /quizadmin setup dans le salon qui doit recevoir les questions et de remplir un seul formulaire (heure, fuseau horaire, jours, catégories) ; la première question est publiée aussitôt. Pour les autres : /quiz propose une question d'entraînement, et /quiz help présente tout le reste.
install-link-used = Ce lien d'installation a expiré ou a déjà été utilisé, donc rien n'a été installé. Recommence depuis la page d'installation.
install-cancelled = L'installation a été annulée dans Slack ; rien n'a été installé.
install-failed = Slack n'a pas confirmé l'installation, donc rien n'a été enregistré. Réessaie.
