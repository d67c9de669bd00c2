## Members' suggestions and their review

suggest-title = Proposer une question
suggest-discussion-title = Proposer une question de discussion
edit-title = Modifier la proposition
reject-title = Refuser la proposition
form-send = Envoyer
form-cancel = Annuler
form-close = Fermer
form-done = Quiz
form-failed = Impossible d'ouvrir le formulaire pour le moment ; relance la commande.
reason-label = Motif (visible par l'auteur)
reason-hint = Facultatif : par exemple, déjà posée le mois dernier
not-saved = la proposition n'a pas été enregistrée :
retry-label = Corriger et renvoyer
retry-gone = Ce formulaire n'est plus disponible ; rouvre-le avec la commande.
suggest-in-server = Les propositions concernent les questions propres à un serveur : utilise /quiz suggest sur un serveur.

field-prompt = Question
field-prompt-hint = Ce qu'on demande aux joueurs
field-prompt-discussion-hint = Une question ouverte, sans réponse unique
field-options = Choix, un par ligne
field-options-hint = De 3 à 5 choix ; ou, pour une réponse libre, les réponses acceptées
field-notes = Ce qu'une bonne réponse devrait aborder
field-notes-hint = De 2 à 6 points, un par ligne ; affichés dans le bilan
field-answer = Bonne réponse (lettre)
field-answer-hint = De A à E ; laisse vide si les joueurs tapent la réponse
field-explanation = Explication
field-explanation-hint = Pourquoi c'est la bonne réponse ; affichée quand la réponse est dévoilée
field-category = Catégorie
field-category-hint = Une des catégories de la banque, par exemple databases

suggestion-saved = Merci : la proposition #{ $id } attend la validation d'un admin. `/quiz suggestions` te dit où elle en est.
note-head = Remarque :
more-similar = et { $count ->
    [one] { $count } autre élément
   *[other] { $count } autres éléments
} avec la même réponse et une question similaire
similar-warning = elle ressemble à `{ $id }`, qui a la même réponse : « { $prompt } »
review-title = Proposition #{ $id } par { $author } · { $category } · { $pending } en attente
former-member = un ancien membre
too-many-pending = Tu as déjà { $max } propositions en attente de validation ici ; attends qu'un admin les ait examinées.
unreadable-suggestion = Cette proposition ne respecte plus les règles des packs ({ $why }) ; elle ne peut qu'être refusée.
nothing-to-review = Aucune proposition en attente de validation.
no-such-suggestion = Aucune proposition en attente de validation ne porte ce numéro sur ce serveur.
own-suggestion = C'est toi qui as écrit cette proposition : un autre admin doit l'approuver. Rien n'a été modifié.
no-suggestions = Tu n'as encore proposé aucune question sur ce serveur : `/quiz suggest` ouvre le formulaire.
approved = Proposition #{ $id } approuvée : elle rejoint les questions propres à ce serveur sous le nom `{ $slug }`.
rejected = Proposition #{ $id } refusée ; son auteur peut voir ce refus dans `/quiz suggestions`.
edited = Tes modifications de la proposition #{ $id } sont enregistrées.
action-approve = Approuver
action-reject = Refuser
action-edit = Modifier
your-suggestions = Tes propositions sur ce serveur :
suggestion-pending = #{ $id } en attente de validation : { $title }
suggestion-approved = #{ $id } approuvée : { $title }
suggestion-rejected = #{ $id } refusée : { $title }
suggestion-rejected-because = #{ $id } refusée : { $title } (motif : { $reason })
note-line = Remarque : { $note }
field-too-long = fait { $len } caractères ; { $max } au maximum
field-not-a-letter = `{ $given }` n'est pas une lettre : indique la lettre de la bonne réponse (de A à E), ou laisse vide si les lignes sont les réponses acceptées d'une question à réponse libre
# $rule: a pack rule as check-content words it, in English for pack authors
pack-rule = { $rule }
