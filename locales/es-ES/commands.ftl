## Commands that were not understood
# $sub: the subcommand as the help spells it; $given, $extra: what was typed

too-long = Tu comando tiene { $len } caracteres; el límite es { $max }.
unknown-subcommand = Subcomando desconocido: `{ $given }`. Prueba con `/quiz help` para ver la lista.
unknown-subcommand-hint = Subcomando desconocido: `{ $given }`. ¿Querías decir `/quiz { $hint }`? Prueba con `/quiz help` para ver la lista.
empty-answer = A `/quiz answer` le falta tu respuesta; por ejemplo, `/quiz answer B` o `/quiz answer idempotent`.
board-option = `{ $given }` no es un periodo (week, month, all), un criterio de orden (points, streak, accuracy) ni una clasificación (daily, practice)
unexpected = `/quiz { $sub }` no admite `{ $extra }`.
admin-commands = Comandos de admin: schedule <HH:MM> <Area/City> [days] [close], pause, resume, skip, post-now, reveal-now, status, check, categories <name,name,…|all>, timezone <Area/City>, language <tag|auto>, recap [day] [HH:MM] | off, web rotate, season start <name>, ping <role|off>, threads on|off, review.
unknown-admin = Comando de admin desconocido: `{ $given }`. { admin-commands }
unknown-admin-hint = Comando de admin desconocido: `{ $given }`. ¿Querías decir `{ $admin } { $hint }`? { admin-commands }
# $problem: one of the admin-* messages below
bad-admin = `{ $admin } { $sub }`: { $problem }
bad-player = `/quiz { $sub }`: { $problem }

archive-count = `{ $given }` no es un número del 1 al { $max }
admin-takes-nothing = no admite `{ $extra }`
admin-needs-list = necesita una lista como `databases,security`, o `all`
admin-needs-zone = necesita una zona horaria, como Europe/Berlin
admin-threads = solo admite `on` u `off`
# $known: the language tags the bot speaks
admin-language = admite un idioma que hable el bot ({ $known }) o `auto`
admin-review = se usa sin argumentos, o con approve <n>, reject <n> [reason] o edit <n>
admin-recap = `{ $given }` no es un día (mon … sun) ni una hora (HH:MM); `recap off` lo desactiva
admin-ping = `{ $given }` no es un rol: menciónalo (@Quiz en Discord, @quiz-team en Slack) o pon `off`
admin-season-name = el nombre tiene { $len } caracteres; el límite es { $max }
admin-season = admite `start <name>`, como en `season start Spring 2027`
admin-web = admite `rotate`, que cambia el enlace web del servidor por otro (`/quiz web` lo muestra)
admin-schedule = necesita una hora y una zona horaria; por ejemplo, `09:00 Europe/Berlin weekdays 8h`
admin-schedule-word = `{ $given }` no son días (daily, weekdays, weekends, mon,wed,fri) ni un cierre (8h, 90m, next)

## The commands: what each does (the help list and Discord's descriptions,
## at most 100 characters) and what each option is

cmd-quiz = Quiz de ingeniería backend: práctica, respuestas y clasificación
cmd-quizadmin = Gestiona la pregunta del día de este canal
cmd-play = Una pregunta de práctica privada, con repetición espaciada
cmd-answer = Responde a la pregunta de hoy o, si no hay, a tu pregunta de práctica
cmd-leaderboard = La clasificación de este servidor o la de una temporada
cmd-stats = Respuestas, % de aciertos, puntos y rachas
cmd-streak = Tu racha actual, tu mejor racha y tus comodines
cmd-review = Tus tarjetas de práctica: cuántas tocan ahora y cuántas más tarde hoy
cmd-web = El enlace a la página del servidor: clasificaciones, gráfico semanal y preguntas pasadas
cmd-archive = Las últimas preguntas reveladas en este canal con sus respuestas, solo para ti
cmd-suggest = Sugiere una pregunta para este servidor; la revisa un admin
cmd-suggestions = Tus sugerencias y en qué estado está cada una
cmd-forget-me = Borra tus respuestas, rachas y práctica en este servidor (pide confirmación)
cmd-help = Qué hace cada comando
cmd-setup = Configura este canal con un solo formulario y publica ya su primera pregunta
cmd-schedule = Una pregunta diaria a una hora local, en una zona horaria, los días que elijas
cmd-pause = Deja de publicar hasta que se reanude
cmd-resume = Vuelve a publicar
cmd-skip = Salta la próxima pregunta programada
cmd-post-now = Publica ya la pregunta de hoy
cmd-reveal-now = Cierra la pregunta abierta y revela ya la solución
cmd-status = El horario, la próxima publicación y las preguntas que quedan
cmd-check = Qué puede hacer el bot en este canal y qué le falta
cmd-categories = De qué categorías salen las preguntas diarias de este canal
cmd-timezone = La zona horaria de las semanas y los meses de la clasificación
cmd-language = Idioma de las preguntas diarias, soluciones y resúmenes del servidor (auto: según sus ajustes)
cmd-recap = Resumen semanal con gráfico (por defecto, viernes a las 16:00); off lo desactiva
cmd-web-rotate = Cambia el enlace web del servidor; el anterior deja de funcionar
cmd-ping = Menciona un rol (en Slack, un grupo de usuarios) en cada pregunta diaria; off o none lo quita
cmd-threads = Un hilo de debate para cada pregunta diaria, con su solución
cmd-season = Cierra la temporada (se guarda su clasificación) y empieza otra desde cero
cmd-review-queue = Las sugerencias pendientes, de una en una: aprobar, rechazar o editar

opt-category = Solo preguntas de esta categoría
opt-choice = La letra que eliges
opt-text = Una respuesta corta escrita
opt-period = Qué periodo, o la clasificación de una temporada
opt-sort = Ordenar por
opt-board = Respuestas diarias o de práctica
opt-season-name = Con el periodo season: el nombre de una temporada anterior
opt-user = Otro jugador
opt-count = Cuántas, de 1 a 10 (5 por defecto)
opt-confirm = yes: borrarlo todo ya
opt-time = Hora local, HH:MM (formato 24 h)
opt-zone = Zona horaria IANA, como Europe/Berlin
opt-language = Un idioma, o auto para seguir el ajuste de idioma del servidor
opt-days = daily, weekdays, weekends, mon-fri o mon,wed,fri
opt-close = Cuándo se cierra: 8h, 90m o next
opt-list = Categorías separadas por comas, o all
opt-day = El día, u off para desactivarlo
opt-recap-time = Hora local, HH:MM (formato 24 h), en la zona horaria del horario
opt-web-action = Qué hacer
opt-role = El rol que se menciona; sin rol, no se menciona a nadie
opt-on = on u off
opt-season-action = Qué hacer
opt-season = El nombre de la nueva temporada
opt-review-action = Qué hacer con una sugerencia
opt-review-number = El número de la sugerencia
opt-reason = El motivo del rechazo (su autor lo verá)
# The name Discord shows for one choice of an option; members pick it, and
# the command still receives the word in brackets. $word: the choice.
choice = { $word ->
    [week] esta semana
    [month] este mes
    [all] histórico
    [season] temporada
    [points] puntos
    [streak] racha
    [accuracy] % de aciertos
    [daily] preguntas diarias
    [practice] práctica
    [yes] sí
    [auto] automático
    [mon] lunes
    [tue] martes
    [wed] miércoles
    [thu] jueves
    [fri] viernes
    [sat] sábado
    [sun] domingo
    [off] desactivado
    [on] activado
    [rotate] cambiar el enlace
    [approve] aprobar
    [reject] rechazar
    [edit] editar
    [quiz] pregunta del quiz
    [discussion] debate
    [alternate] por turnos
   *[other] { $word }
}
admin-schedule-kind = `{ $given }` no es un tipo de publicación: usa `kind quiz`, `kind discussion` o `kind alternate`
opt-kind = Qué publica: una pregunta del quiz, un debate o ambos por turnos
opt-suggest-kind = Una pregunta del quiz (por defecto) o una de debate
