## Help, general refusals, the console, installs and the web page

help-title = Comandos de Quizmaster
# An admin command's row in the help list: $about is what it does
help-admins-only = solo admins: { $about }

sorry = Lo siento:
too-fast = Estás enviando comandos más rápido de lo que el quiz puede procesarlos. Espera un segundo y vuelve a intentarlo; no se ha registrado nada.
try-again = La base de datos del quiz está ocupada o no está disponible ahora mismo, así que no se ha registrado nada. Vuelve a intentarlo en un momento.
our-fault = Algo ha fallado por nuestra parte y no se ha registrado nada. El error ha quedado en los logs.
not-our-button = Ese botón no es del quiz; no se ha registrado nada.
not-our-command = Eso no es un comando del quiz; prueba con /quiz help.

forget-me-first = Esto borra para siempre tus respuestas, puntos, rachas y práctica en este servidor, y te quita de sus clasificaciones (también de las de temporadas pasadas). Tus sugerencias pendientes se retiran; las preguntas tuyas ya aprobadas se mantienen, pero sin autor. No cambia nada más. Para continuar: { $confirm }
forgotten = { $answers ->
    [one] Hecho: se ha borrado de este servidor 1 respuesta y todo lo que se calculaba a partir de ella.
   *[other] Hecho: se han borrado de este servidor { $answers } respuestas y todo lo que se calculaba a partir de ellas.
}

console-banner =
    Quizmaster — modo consola local.
    No hay credenciales de Discord ni de Slack configuradas, así que esto es un chat
    local con un solo canal. Escribe /quiz help para ver los comandos, /as NOMBRE para
    jugar como otra persona y /quit (o cierra la entrada) para salir. Para conectar una
    plataforma real, consulta "Connecting Discord and Slack" en docs/operators.md.
console-as-usage = Uso: /as NOMBRE
console-unknown = Los comandos empiezan por /quiz (prueba con /quiz help); también tienes /as NOMBRE y /quit.
console-bye = ¡Hasta luego!
# A reply only one member sees, as the console labels it
console-private = solo para { $user }
console-form = Rellénalo con una línea `field: value` por campo; una línea sin nombre de campo se añade al campo anterior (una opción por línea). Una línea vacía lo envía; /cancel lo descarta.
console-form-dropped = Descartado; no se ha enviado nada.
console-you-are = Ahora eres { $name }.

installed = Quizmaster ya está instalado en { $team }. Invítalo al canal del quiz con /invite @Quizmaster y escribe allí /quiz admin setup: rellenas un formulario y la primera pregunta se publica al momento.
installed-welcome = ¡Gracias por añadir Quizmaster a { $team }! Invítame al canal del quiz con /invite @Quizmaster y escribe allí /quiz admin setup: rellenas un formulario (hora, zona horaria, días y categorías) y la primera pregunta se publica al momento. Como me has instalado tú, puedes usar todos los comandos de /quiz admin; /quiz help te los muestra todos.
discord-welcome = ¡Hola! Soy Quizmaster: una pregunta de ingeniería backend al día, que se responde aquí mismo, en el canal. Cualquiera con el permiso «Gestionar servidor» puede poner en marcha el quiz: basta con usar /quizadmin setup en el canal donde se vayan a publicar las preguntas y rellenar un formulario (hora, zona horaria, días y categorías); la primera pregunta sale al momento. Para todos los demás: /quiz lanza una pregunta de práctica y /quiz help muestra todo lo demás.
install-link-used = Este enlace de instalación ha caducado o ya se ha usado, así que no se ha instalado nada. Vuelve a empezar desde la página de instalación.
install-cancelled = La instalación se ha cancelado en Slack; no se ha instalado nada.
install-failed = Slack no ha confirmado la instalación, así que no se ha guardado nada. Vuelve a intentarlo.
