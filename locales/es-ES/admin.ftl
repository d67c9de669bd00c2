## Channel administration
# $rule: the schedule as typed back, "09:00 Europe/Berlin weekdays, closing 8h"
# $at, $next, $due, $since: instants, shown in each reader's zone where the platform can

not-admin-discord = Solo los miembros con el permiso Gestionar servidor pueden usar /quizadmin. Pídele a alguien que lo tenga que ejecute el comando o que te dé ese permiso (Ajustes del servidor → Roles). No se ha cambiado nada.
not-admin-slack = Solo pueden usar /quiz admin los administradores y propietarios del espacio de trabajo, el miembro que instaló Quizmaster y los miembros incluidos en el ajuste slack.admins del bot. Pídeselo a alguno de ellos, o pide a quien gestione el bot que añada tu ID de miembro a slack.admins. No se ha cambiado nada.
not-admin-console = Solo los admins pueden usar /quiz admin. No se ha cambiado nada.

schedule-rule = { $time } { $zone } { $days }, cierra { $close }
not-scheduled = Este canal aún no tiene horario. Configúralo con { $admin } schedule <HH:MM> <Area/City> [days] [close].
never-posts = Con ese horario nunca se publicaría nada.
scheduled = Programado: { $rule }. Próxima pregunta: { $next }.
already-paused = El horario ya está en pausa. { $admin } resume lo reanuda.
paused = En pausa: no habrá preguntas diarias hasta que uses { $admin } resume. Los días sin pregunta no rompen ninguna racha.
resumed = Reanudado. Próxima pregunta: { $next }.
running = El horario está activo; no hay nada que reanudar.
nothing-to-skip = El horario está en pausa, así que no hay nada que saltar.
already-skipped = La pregunta del { $date } ya se ha saltado; para parar más tiempo, usa { $admin } pause.
skipped = Se ha saltado la pregunta del { $date } (prevista: { $due }). Los días saltados no rompen ninguna racha.
already-posted = Este canal ya ha tenido su pregunta del { $date }; la siguiente llegará el próximo día programado.
posted = Publicada en este canal. Cierre y solución: { $at }.
posted-no-close = Publicada en este canal. Revela la solución con { $admin } reveal-now.
closed-unseen = Cerrada. La pregunta nunca llegó a este canal, así que no hay nada que revelar; el día cuenta como perdido y no rompe la racha de nadie.
revealed = Cerrada: se está revelando la solución en este canal.
already-revealed = Ya se ha revelado la solución de esa pregunta.
nothing-to-reveal = No hay ninguna pregunta diaria abierta en este canal que revelar.
categories-all = Las preguntas diarias salen ahora de todas las categorías ({ $pool ->
    [one] 1 pregunta
   *[other] { $pool } preguntas
}).
categories-set = Las preguntas diarias salen ahora de { $chosen } ({ $pool ->
    [one] 1 pregunta
   *[other] { $pool } preguntas
}).
zone-set = Las semanas y los meses de la clasificación se cuentan ahora en la zona horaria { $zone }.
# $language: the language's name in itself (language-name)
language-set = Nuevo idioma para las preguntas diarias, las soluciones y los resúmenes de este servidor: { $language }. Los mensajes que solo ve un miembro siguen en su propio idioma, siempre que el bot lo hable.
language-auto = El idioma de este servidor sigue ahora el ajuste del propio servidor: de momento, { $language }.
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
not-a-zone = `{ $given }` no es una zona horaria IANA, como Europe/Berlin o America/New_York.
not-a-zone-hint = `{ $given }` no es una zona horaria IANA, como Europe/Berlin o America/New_York. ¿Querías decir { $hint }?

status-schedule = Horario: { $rule }.
status-schedule-paused = Horario: { $rule } (en pausa).
status-skipped = Se saltará la pregunta del { $date }.
status-next = Próxima publicación: { $at }.
status-open = Pregunta abierta: { $date }; cierre: { $at }.
status-open-no-close = Pregunta abierta: { $date }.
status-pool = Preguntas disponibles: { $left ->
    [one] queda 1
   *[other] quedan { $left }
} de { $total } en este ciclo ({ $categories }).
status-pool-all = todas las categorías
status-no-question = No hay ninguna pregunta abierta.
status-language = Idioma: { $language }.
status-language-auto = Idioma: { $language } (auto: según el ajuste del servidor).
status-no-schedule = Sin horario: configúralo con { $admin } schedule <HH:MM> <Area/City> [days] [close].

## What stops the bot from posting, and what to do about it
# $fix: one of the delivery-fix messages

delivery-problem = Problema desde { $since }: el bot no ha podido publicar aquí la pregunta diaria: { $fix }. El horario seguirá por sí solo en cuanto se pueda volver a publicar aquí; { $admin } post-now lo intenta ahora mismo.
delivery-problem-threads = Problema desde { $since }: la pregunta diaria se ha publicado, pero el bot no ha podido usar su hilo. { $grant }, o desactiva los hilos con { $admin } threads off.
fix-discord-no-access = no puede ver este canal. Dale a su rol el permiso Ver canal aquí (ajustes del canal, Permisos)
fix-discord-permissions = no tiene permiso para publicar aquí. Dale a su rol los permisos Ver canal, Enviar mensajes y Leer el historial de mensajes en este canal
fix-not-allowed = no tiene permiso para publicar aquí. Dáselo
fix-channel-gone = el canal o el mensaje de la pregunta ya no existe. Programa las preguntas en otro canal
fix-archived = este canal está archivado. Desarchívalo o programa las preguntas en otro canal
fix-slack-not-in-channel = no está en este canal. Invítalo con /invite @Quizmaster
fix-not-in-channel = no es miembro de este canal. Añádelo
fix-slack-removed = su token ya no funciona aquí. Vuelve a instalar la app en este espacio de trabajo
fix-removed = lo han quitado o su token ya no funciona. Vuelve a añadirlo
grant-threads-discord = Dale a su rol los permisos Crear hilos públicos y Enviar mensajes en hilos en este canal
grant-threads = Permítele responder en hilos aquí

# Discord's permissions, as its settings name them
perm-view-channel = Ver canal
perm-send-messages = Enviar mensajes
perm-embed-links = Insertar enlaces
perm-read-message-history = Leer el historial de mensajes
perm-create-public-threads = Crear hilos públicos
perm-send-messages-in-threads = Enviar mensajes en hilos

check-console = El canal local no necesita permisos.
check-unknown = Esta plataforma no dice qué puede hacer el bot en un canal hasta que lo intenta; { $admin } status muestra cualquier problema que haya tenido la última publicación.
check-all-granted = El bot tiene aquí todo lo que necesita: { $needed }.
check-missing = Al bot le faltan permisos aquí ({ $missing }), así que la pregunta diaria no puede funcionar en este canal. Concédeselos en los ajustes del canal, Permisos: elige el rol del bot (o el bot) y permite { $missing }.

## Recap, seasons, pings, threads, the web page

recap-off = El resumen semanal está desactivado en este canal.
recap-was-off = El resumen semanal ya estaba desactivado en este canal.
recap-needs-schedule = El resumen semanal va ligado a la pregunta diaria: primero configura un horario con `schedule <HH:MM> <Area/City>`.
# $day: the weekday's number, 1 (Monday) to 7 (Sunday)
recap-set = El resumen semanal se publicará cada { $day ->
    [1] lunes
    [2] martes
    [3] miércoles
    [4] jueves
    [5] viernes
    [6] sábado
   *[7] domingo
} a las { $time } ({ $zone }). Próximo: { $next }.

season-taken = Este servidor ya ha tenido una temporada llamada `{ $name }`; elige otro nombre.
season-started = Ha empezado la temporada { $name }: su clasificación arranca de cero. Las clasificaciones históricas siguen contando.
season-over = La temporada { $old } ha terminado; se guarda su clasificación final ({ $players ->
    [one] 1 jugador
   *[other] { $players } jugadores
}): `/quiz leaderboard season { $old }`.

ping-set-role = Ahora cada pregunta diaria de este canal menciona a ese rol, y a nadie más. `ping off` lo desactiva.
ping-set-group = Ahora cada pregunta diaria de este canal menciona a ese grupo de usuarios, y a nadie más. `ping off` lo desactiva.
ping-off = Las preguntas diarias de este canal no mencionan a nadie.
threads-off = Las preguntas diarias de este canal ya no abren hilo.
threads-on-discord = Cada pregunta diaria de este canal abre un hilo para comentarla, y la solución también se publica allí. El bot necesita los permisos Crear hilos públicos y Enviar mensajes en hilos: `check` te dice si los tiene.
threads-on = La solución de cada pregunta diaria también se publica como respuesta en su hilo.
thread-name = Pregunta del día · { $date }
thread-name-discussion = Debate del día · { $date }

web-off = Este bot no sirve páginas web (su operador no ha configurado `web.listen`).
web-link = Clasificaciones, gráfico semanal y archivo de este servidor: { $url }
web-link-note = Cualquiera que tenga el enlace puede ver la página; un admin puede cambiarlo por otro con `web rotate`.
web-rotated = El enlace anterior ya no funciona. El nuevo es: { $url }

## Times, zones, days and close times as typed
# $given: what was typed

not-a-time = `{ $given }` no es una hora: usa HH:MM en formato de 24 horas, como 09:30
not-days = `{ $given }` no es un conjunto de días válido: usa daily, weekdays, weekends, un rango como mon-fri o una lista como mon,wed,fri
not-a-duration = `{ $given }` no es una duración como 2h, 90m o 1h30m
not-a-close = `{ $given }` no es un cierre válido: usa una duración como 8h, 90m o 1h30m, o `next`
close-too-long = `{ $given }` supera una semana; usa `next` para cerrar con la siguiente publicación
close-next = con la siguiente publicación
# $duration: as typed, 8h or 1h30m
close-after = tras { $duration }

## Setting up a channel in one form
setup-title = Configurar el quiz
setup-time = Hora (HH:MM, formato 24 h)
setup-time-hint = 09:00
setup-zone = Zona horaria (Región/Ciudad)
setup-zone-hint = Europe/Madrid, America/Mexico_City, Asia/Tokyo
setup-days = Días
setup-days-hint = weekdays, daily, weekends o mon,wed,fri
setup-categories = Categorías
setup-categories-hint = all, o nombres como databases, apis
setup-not-saved = todavía no se ha configurado nada. Corrige lo siguiente y vuelve a enviar el formulario:
schedule-kind = { $kind ->
    [discussion] Cada publicación es una pregunta de debate, para comentarla en su hilo.
   *[alternate] Las publicaciones se alternan: una pregunta del quiz y luego una de debate.
}
