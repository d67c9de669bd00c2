## A server's web page

page-title = Clasificaciones del quiz
page-zone = Los días y las semanas se cuentan según la zona horaria { $zone }.
page-boards = Clasificaciones
page-board-week = Esta semana
page-board-month = Este mes
page-board-all = Histórico
page-streaks = Rachas
page-week = Los últimos siete días
page-archive = Preguntas anteriores
page-no-archive = Aún no se ha revelado ninguna pregunta.
page-question-meta = { $date } · { $category } · { $answered ->
    [one] 1 respuesta
   *[other] { $answered } respuestas
}, { $right ->
    [one] 1 acierto
   *[other] { $right } aciertos
} ({ $share }%)
page-answer = Respuesta:
page-no-answers = Aún no hay respuestas.
page-no-streaks = Aún no hay rachas.
page-col-player = Jugador
page-col-points = Puntos
page-col-accuracy = % de aciertos
page-col-days = Días seguidos
page-not-found-title = Página no encontrada
# $command: the command that gives the new link, shown as code
page-not-found = Este enlace no lleva a ninguna página del quiz. Puede que lo hayan cambiado: pide el nuevo con { $command }.
