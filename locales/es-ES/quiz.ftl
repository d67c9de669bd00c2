# Quizmaster's words in Spanish as spoken in Spain (translated from en-US).
#
# Every message is one id with a value (no attributes). Variables given by
# the code are named in the comment above a message where it is not obvious.
# Every message may also read $admin: how this platform's users type an
# admin command ("/quiz admin" or, on Discord, "/quizadmin").

## Questions, answers and reveals

question-daily = Pregunta del día
question-practice = Pregunta de práctica
# $last: the last choice's letter
how-to-answer-text = Responde con /quiz answer <tu respuesta>
how-to-answer-letters = Responde con /quiz answer <A-{ $last }>
how-to-answer-buttons = Responde con un botón o con /quiz answer <A-{ $last }>
closes-at = cierre: { $at }
suggested-by = Sugerida por { $name }.
suggested-by-edited = Sugerida por { $name } y editada por { $editor }.
edited-by = Editada por { $editor }.
# $level: easy, medium or hard, as the bank marks the question
difficulty = { $level ->
    [easy] fácil
    [medium] intermedia
   *[hard] difícil
}

verdict-correct = ¡Correcto!
verdict-wrong = Esta vez no.
verdict-recorded = Respuesta registrada.
verdict-daily = { $head } Has respondido { $answer } a la pregunta de hoy ({ $title }).
verdict-practice = { $head } Has respondido { $answer } a tu pregunta de práctica ({ $title }).
answer-is = Respuesta correcta: { $answer }
revealed-when-closed = La solución y los resultados se revelarán cuando se cierre la pregunta.
revealed-at = La solución y los resultados se revelarán cuando se cierre la pregunta ({ $at }).

reveal-head = Pregunta del día: la solución
# $share: the percentage right, 0 to 100
reveal-tally = { $answered ->
    [one] 1 respuesta
   *[other] { $answered } respuestas
}, { $correct ->
    [one] 1 acierto
   *[other] { $correct } aciertos
} ({ $share }%).
reveal-first = Primer acierto: { $name }.

## The channel's archive

archive-empty = Aún no se ha revelado ninguna pregunta en este canal.
archive-head = { $count ->
    [one] La última pregunta revelada en este canal:
   *[other] Las últimas { $count } preguntas reveladas en este canal:
}
# $title: the question's first words; $answer: its right answer
archive-item = { $date }: { $title } Respuesta: { $answer } (acertaron { $right } de { $answered })

## Refusals while answering

empty-bank = El banco de preguntas está vacío.
not-this-channel = Esa pregunta no es de este canal.
not-your-practice = Esa pregunta de práctica es de otra persona; empieza la tuya con /quiz.
nothing-open = No hay ninguna pregunta abierta que responder. Escribe /quiz para practicar con una pregunta.
practice-closed = Esa pregunta de práctica ya no se puede responder. Escribe /quiz para otra.
already-answered-daily = Ya has respondido a la pregunta de hoy con { $first }; solo cuenta la primera respuesta. Escribe /quiz para practicar con una pregunta.
already-answered = Ya has respondido a la pregunta de hoy ({ $title }) con { $first }; solo cuenta la primera respuesta.
already-answered-practice = Ya has respondido a esa pregunta de práctica ({ $title }) con { $first }; solo cuenta la primera respuesta. Escribe /quiz para otra.
# $date: the question's local date, 2026-11-26
question-closed = Esta pregunta está cerrada: ya se ha revelado la solución de la pregunta diaria del { $date }.
answer-empty = Tu respuesta está vacía. No se ha registrado nada.
discussion-not-graded = Las preguntas de debate no tienen respuesta correcta ni se puntúan: da tu opinión en su hilo. No se ha registrado nada.
# $problem: what is wrong with the letter; $title: the question's first words
answer-needs-letter = { $problem } Esta pregunta ({ $title }) se responde con una letra. No se ha registrado nada.
answer-not-a-letter = Elige una letra de la A a la { $last }.
answer-out-of-range = No existe la opción { $given }: elige de la A a la { $last }.
no-category = No existe la categoría `{ $given }`. Categorías: { $known }.
no-category-hint = No existe la categoría `{ $given }`. ¿Querías decir `{ $hint }`? Categorías: { $known }.

## Boards, stats and streaks

board-title-daily = Clasificación · { $period } · { $sort }
board-title-practice = Clasificación de práctica · { $period }
period-week = esta semana
period-month = este mes
period-all = histórico
sort-points = puntos
sort-streak = racha
sort-accuracy = % de aciertos
board-empty-daily = Aún no hay respuestas en este periodo. Las puntuaciones de práctica están en /quiz leaderboard practice.
board-empty = Aún no hay respuestas en este periodo.
board-you = (tú)
points = { $points ->
    [one] 1 pt
   *[other] { $points } pts
}
figure-practice = { $correct ->
    [one] 1 acierto
   *[other] { $correct } aciertos
} de { $answered }
figure-streak = { $days ->
    [one] 1 día seguido
   *[other] { $days } días seguidos
}
figure-accuracy = { $share }% ({ $correct }/{ $answered })
season-title-current = Temporada { $name } · puntos hasta ahora
season-title-final = Temporada { $name } · clasificación final
no-season-answers = Aún no hay respuestas reveladas en esta temporada.
no-season-running = No hay ninguna temporada en curso. Un admin puede empezar una con `{ $admin } season start <name>`. Temporadas: { $known }.
no-season-called = No hay ninguna temporada llamada `{ $name }` en este servidor. Temporadas: { $known }.
seasons-none-yet = ninguna todavía
no-player = Aquí todavía no ha jugado nadie llamado { $name }.

stats-title = Estadísticas de { $name }
stats-daily = Respuestas diarias
stats-daily-figure = { $answered } ({ $correct ->
    [one] 1 acierto
   *[other] { $correct } aciertos
}, { $share }%)
stats-points = Puntos
stats-points-figure = { $points }
stats-streak = Racha
stats-streak-figure = { $current } (mejor: { $best }; { $freezes ->
    [one] 1 comodín
   *[other] { $freezes } comodines
})
stats-practice = Práctica
stats-practice-figure = { $answered ->
    [one] 1 respondida
   *[other] { $answered } respondidas
}, { $correct ->
    [one] 1 correcta
   *[other] { $correct } correctas
} ({ $share }%)
stats-learned = Aprendidas
# $days: the window, 30
stats-retention = Retención, últimos { $days } días
learned = { $seen ->
    [one] { $learned } de 1 pregunta vista
   *[other] { $learned } de las { $seen } preguntas vistas
} (fase de aprendizaje superada)
retention = { $share }% (aciertos: { $right } de { $all })
retention-none = aún no hay respuestas
streak-head = Tu racha:
streak-line = { $head } { $current ->
    [one] 1 día seguido
   *[other] { $current } días seguidos
} (mejor: { $best }); { $freezes ->
    [one] te queda 1 comodín.
   *[other] te quedan { $freezes } comodines.
}

## Practice cards

review-none = Aún no tienes tarjetas de práctica. /quiz te da una pregunta; cada vez que respondes, ya sea en práctica o en una pregunta diaria, esa pregunta queda programada para repasarla.
review-outlook = { $cards ->
    [one] Tienes 1 tarjeta
   *[other] Tienes { $cards } tarjetas
} en tu cola de repaso. Para repasar ya: { $due_now }. Más tarde hoy: { $later_today }.
review-next = Próximo repaso: { $at }.
review-start = /quiz empieza por la más atrasada.

## The weekly recap

recap-title = Resumen semanal · { $first } – { $last }
recap-tally = { $answered ->
    [one] 1 respuesta
   *[other] { $answered } respuestas
} a { $questions ->
    [one] 1 pregunta
   *[other] { $questions } preguntas
}, { $right ->
    [one] 1 acierto
   *[other] { $right } aciertos
} ({ $share }%).
recap-top = Top 5: { $rows }
recap-top-row = { $rank }. { $name } ({ $figure })
recap-streak = Racha más larga: { $name }, { $days ->
    [one] 1 día seguido
   *[other] { $days } días seguidos
}.
recap-hardest = Pregunta más difícil: { $prompt } (acertaron { $right } de { $answered }, { $share }%).
chart-per-day = Respuestas por día
chart-answers-axis = respuestas
chart-answered = respondidas
chart-right = correctas
chart-per-category = Porcentaje de aciertos por categoría
chart-percent-axis = % de aciertos
chart-nothing = Aún no hay preguntas reveladas esta semana
chart-day = { $day }: { $answered ->
    [one] 1 respondida
   *[other] { $answered } respondidas
}, { $right ->
    [one] 1 correcta
   *[other] { $right } correctas
}
chart-alt = Gráfico de barras con las respuestas de la semana por día ({ $days }) y el porcentaje de aciertos por categoría.
chart-saved = Gráfico: { $path }
question-discussion = Debate del día
how-to-discuss = Aquí no hay respuesta correcta: da tu opinión en el hilo o con /quiz answer <tu opinión>
discussion-head = Debate del día: resumen
discussion-took-part = { $count ->
    [0] Esta vez no ha participado nadie.
    [one] Ha participado una persona.
   *[other] Han participado { $count } personas.
}
discussion-notes = Claves de una buena respuesta:
took-part = ¡Gracias por participar! { $count ->
    [one] Eres la primera persona en hacerlo.
   *[other] Ya sois { $count } participantes.
} Los debates nunca se puntúan; sigue la conversación en el hilo.
already-took-part = Ya has participado en el debate de hoy. Puedes añadir más en su hilo.
stats-discussions = Debates
stats-discussions-figure = { $joined ->
    [one] 1 participación
   *[other] { $joined } participaciones
} (racha: { $streak })
