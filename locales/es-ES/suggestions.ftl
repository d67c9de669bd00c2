## Members' suggestions and their review

suggest-title = Sugerir una pregunta
suggest-discussion-title = Sugerir una pregunta de debate
edit-title = Editar la sugerencia
reject-title = Rechazar la sugerencia
form-send = Enviar
form-cancel = Cancelar
form-close = Cerrar
form-done = Quiz
form-failed = Ahora mismo no se ha podido abrir el formulario; vuelve a probar el comando.
reason-label = Motivo (lo verá el autor)
reason-hint = Opcional: por ejemplo, ya se preguntó el mes pasado
not-saved = no se ha guardado la sugerencia:
retry-label = Corregir y volver a enviar
retry-gone = Ese formulario ya no está disponible; vuelve a abrirlo con el comando.
suggest-in-server = Las sugerencias son para las preguntas propias de un servidor: usa /quiz suggest en un servidor.

field-prompt = Pregunta
field-prompt-hint = Lo que se les pregunta a los jugadores
field-prompt-discussion-hint = Una pregunta abierta, sin una única respuesta correcta
field-options = Opciones, una por línea
field-options-hint = De 3 a 5 opciones; o, si la respuesta se escribe, las respuestas aceptadas
field-notes = Claves de una buena respuesta
field-notes-hint = De 2 a 6 ideas clave, una por línea; se muestran en el resumen
field-answer = Opción correcta (letra)
field-answer-hint = De la A a la E; déjalo vacío si los jugadores escriben la respuesta
field-explanation = Explicación
field-explanation-hint = Por qué es correcta la respuesta; se muestra al revelar la solución
field-category = Categoría
field-category-hint = Una de las categorías del banco de preguntas, como databases

suggestion-saved = ¡Gracias! La sugerencia #{ $id } está pendiente de que la revise un admin. `/quiz suggestions` te dice en qué estado está.
note-head = Nota:
more-similar = y { $count } más con la misma respuesta y una pregunta parecida
similar-warning = se parece a `{ $id }`, que tiene la misma respuesta: "{ $prompt }"
review-title = Sugerencia #{ $id } de { $author } · { $category } · { $pending ->
    [one] 1 pendiente
   *[other] { $pending } pendientes
}
former-member = un antiguo miembro
too-many-pending = Ya tienes { $max } sugerencias pendientes de revisión aquí; espera a que un admin las revise.
unreadable-suggestion = Esta sugerencia ya no cumple las reglas del paquete de preguntas ({ $why }); solo se puede rechazar.
nothing-to-review = No hay sugerencias pendientes de revisión.
no-such-suggestion = En este servidor no hay ninguna sugerencia pendiente de revisión con ese número.
own-suggestion = Esta sugerencia es tuya, así que tiene que aprobarla otro admin. No se ha cambiado nada.
no-suggestions = Aún no has sugerido ninguna pregunta en este servidor: `/quiz suggest` abre el formulario.
approved = Sugerencia #{ $id } aprobada: se suma a las preguntas propias de este servidor como `{ $slug }`.
rejected = Sugerencia #{ $id } rechazada; su autor lo verá en `/quiz suggestions`.
edited = Cambios guardados en la sugerencia #{ $id }.
action-approve = Aprobar
action-reject = Rechazar
action-edit = Editar
your-suggestions = Tus sugerencias en este servidor:
suggestion-pending = #{ $id } pendiente de revisión: { $title }
suggestion-approved = #{ $id } aprobada: { $title }
suggestion-rejected = #{ $id } rechazada: { $title }
suggestion-rejected-because = #{ $id } rechazada: { $title } (motivo: { $reason })
note-line = Nota: { $note }
field-too-long = tiene { $len } caracteres; el máximo es { $max }
field-not-a-letter = `{ $given }` no es una letra: indica la letra de la opción correcta (de la A a la E), o déjalo vacío si las líneas son las respuestas aceptadas de una pregunta de respuesta escrita
# $rule: a pack rule as check-content words it, in English for pack authors
pack-rule = { $rule }
