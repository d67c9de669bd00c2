# Quizmaster's words in Brazilian Portuguese, translated from en-US.
#
# Every message is one id with a value (no attributes). Variables given by
# the code are named in the comment above a message where it is not obvious.
# Every message may also read $admin: how this platform's users type an
# admin command ("/quiz admin" or, on Discord, "/quizadmin").
# Plurals: pt's CLDR "one" covers 0 and 1; an exact [0] variant, where
# present, comes first so that zero reads in the plural ("0 dias").

## Questions, answers and reveals

question-daily = Pergunta do dia
question-practice = Pergunta de treino
# $last: the last choice's letter
how-to-answer-text = Responda com /quiz answer <sua resposta>
how-to-answer-letters = Responda com /quiz answer <A-{ $last }>
how-to-answer-buttons = Responda com um botão ou com /quiz answer <A-{ $last }>
closes-at = fecha em { $at }
suggested-by = Sugerida por { $name }.
suggested-by-edited = Sugerida por { $name } e editada por { $editor }.
edited-by = Editada por { $editor }.
# $level: easy, medium or hard, as the bank marks the question
difficulty = { $level ->
    [easy] fácil
    [medium] intermediária
   *[hard] difícil
}

verdict-correct = Acertou!
verdict-wrong = Não foi dessa vez.
verdict-recorded = Resposta registrada.
verdict-daily = { $head } Você respondeu { $answer } à pergunta de hoje ({ $title }).
verdict-practice = { $head } Você respondeu { $answer } à sua pergunta de treino ({ $title }).
answer-is = Resposta: { $answer }
revealed-when-closed = A resposta e os resultados são revelados quando a pergunta fechar.
revealed-at = A resposta e os resultados são revelados quando a pergunta fechar ({ $at }).

reveal-head = Pergunta do dia: a resposta
# $share: the percentage right, 0 to 100
reveal-tally = { $answered ->
    [0] Ninguém respondeu
    [one] { $answered } pessoa respondeu
   *[other] { $answered } pessoas responderam
}, { $correct ->
    [0] ninguém acertou
    [one] { $correct } acertou
   *[other] { $correct } acertaram
} ({ $share }%).
reveal-first = Primeiro acerto: { $name }.

## The channel's archive

archive-empty = Nenhuma pergunta foi revelada neste canal ainda.
archive-head = { $count ->
    [one] A última pergunta revelada neste canal:
   *[other] As últimas { $count } perguntas reveladas neste canal:
}
# $title: the question's first words; $answer: its right answer
archive-item = { $date }: { $title } Resposta: { $answer } (acertos: { $right } de { $answered })

## Refusals while answering

empty-bank = O banco de perguntas está vazio.
not-this-channel = Essa pergunta não é deste canal.
not-your-practice = Essa pergunta de treino é de outra pessoa; comece a sua com /quiz.
nothing-open = Não há nenhuma pergunta aberta para responder. Digite /quiz para receber uma pergunta de treino.
practice-closed = Essa pergunta de treino não pode mais ser respondida. Digite /quiz para receber outra.
already-answered-daily = Você já respondeu à pergunta de hoje com { $first }; vale a primeira resposta. Digite /quiz para receber uma pergunta de treino.
already-answered = Você já respondeu à pergunta de hoje ({ $title }) com { $first }; vale a primeira resposta.
already-answered-practice = Você já respondeu a essa pergunta de treino ({ $title }) com { $first }; vale a primeira resposta. Digite /quiz para receber outra.
# $date: the question's local date, 2026-11-26
question-closed = Esta pergunta está fechada: a pergunta diária de { $date } já foi revelada.
answer-empty = Sua resposta está vazia. Nada foi registrado.
discussion-not-graded = Perguntas de discussão não têm resposta certa nem valem pontos: dê sua opinião na thread dela. Nada foi registrado.
# $problem: what is wrong with the letter; $title: the question's first words
answer-needs-letter = { $problem } Esta pergunta ({ $title }) pede uma letra. Nada foi registrado.
answer-not-a-letter = Escolha uma letra de A a { $last }.
answer-out-of-range = Não existe a opção { $given }: escolha de A a { $last }.
no-category = Não existe a categoria `{ $given }`. Categorias: { $known }.
no-category-hint = Não existe a categoria `{ $given }`. Você quis dizer `{ $hint }`? Categorias: { $known }.

## Boards, stats and streaks

board-title-daily = Ranking · { $period } · { $sort }
board-title-practice = Ranking de treino · { $period }
period-week = esta semana
period-month = este mês
period-all = geral
sort-points = pontos
sort-streak = sequência
sort-accuracy = taxa de acerto
board-empty-daily = Nenhuma resposta neste período ainda. A pontuação do treino fica em /quiz leaderboard practice.
board-empty = Nenhuma resposta neste período ainda.
board-you = (você)
points = { $points } pts
figure-practice = { $correct ->
    [0] { $correct } acertos
    [one] { $correct } acerto
   *[other] { $correct } acertos
} em { $answered }
figure-streak = { $days ->
    [0] { $days } dias seguidos
    [one] { $days } dia seguido
   *[other] { $days } dias seguidos
}
figure-accuracy = { $share }% ({ $correct }/{ $answered })
season-title-current = Temporada { $name } · pontos até agora
season-title-final = Temporada { $name } · ranking final
no-season-answers = Nenhuma resposta revelada nesta temporada ainda.
no-season-running = Não há nenhuma temporada em andamento. Um admin pode começar uma com `{ $admin } season start <name>`. Temporadas: { $known }.
no-season-called = Não existe a temporada `{ $name }` neste servidor. Temporadas: { $known }.
seasons-none-yet = nenhuma ainda
no-player = Ninguém chamado { $name } jogou aqui ainda.

stats-title = Estatísticas de { $name }
stats-daily = Respostas diárias
stats-daily-figure = { $answered } ({ $correct ->
    [0] nenhuma certa
    [one] { $correct } certa
   *[other] { $correct } certas
}, { $share }%)
stats-points = Pontos
stats-points-figure = { $points }
stats-streak = Sequência
stats-streak-figure = { $current } (recorde: { $best }, { $freezes ->
    [0] nenhuma proteção
    [one] { $freezes } proteção
   *[other] { $freezes } proteções
})
stats-practice = Treino
stats-practice-figure = { $answered ->
    [0] { $answered } respondidas
    [one] { $answered } respondida
   *[other] { $answered } respondidas
}, { $correct ->
    [0] nenhuma certa
    [one] { $correct } certa
   *[other] { $correct } certas
} ({ $share }%)
stats-learned = Aprendidas
# $days: the window, 30
stats-retention = Retenção nos últimos { $days } dias
learned = { $learned } { $seen ->
    [0] de { $seen } perguntas vistas
    [one] de { $seen } pergunta vista
   *[other] das { $seen } perguntas vistas
} (já passaram da fase de aprendizado)
retention = { $share }% (acertos: { $right } de { $all })
retention-none = nenhuma resposta ainda
streak-head = Sua sequência:
streak-line = { $head } { $current ->
    [0] { $current } dias seguidos
    [one] { $current } dia seguido
   *[other] { $current } dias seguidos
} (recorde: { $best }), { $freezes ->
    [0] sem nenhuma proteção guardada
    [one] com { $freezes } proteção guardada
   *[other] com { $freezes } proteções guardadas
}.

## Practice cards

review-none = Você ainda não tem cards de treino. O /quiz traz uma pergunta; cada resposta sua, no treino ou numa pergunta diária, agenda aquela pergunta para revisão.
review-outlook = { $cards ->
    [0] { $cards } cards
    [one] { $cards } card
   *[other] { $cards } cards
} na sua fila de revisão. Para revisar agora: { $due_now }. Mais tarde hoje: { $later_today }.
review-next = Próxima revisão: { $at }.
review-start = O /quiz começa pelo card mais atrasado.

## The weekly recap

recap-title = Resumo semanal · { $first } – { $last }
recap-tally = { $answered ->
    [0] { $answered } respostas
    [one] { $answered } resposta
   *[other] { $answered } respostas
} em { $questions ->
    [0] { $questions } perguntas
    [one] { $questions } pergunta
   *[other] { $questions } perguntas
}, { $right ->
    [0] nenhuma certa
    [one] { $right } certa
   *[other] { $right } certas
} ({ $share }%).
recap-top = Top 5: { $rows }
recap-top-row = { $rank }. { $name } ({ $figure })
recap-streak = Maior sequência: { $name }, com { $days ->
    [0] { $days } dias seguidos
    [one] { $days } dia seguido
   *[other] { $days } dias seguidos
}.
recap-hardest = Pergunta mais difícil: { $prompt } (acertos: { $right } de { $answered }, { $share }%).
chart-per-day = Respostas por dia
chart-answers-axis = respostas
chart-answered = respondidas
chart-right = certas
chart-per-category = Taxa de acerto por categoria
chart-percent-axis = % de acerto
chart-nothing = Nenhuma pergunta revelada nesta semana ainda
chart-day = { $day }: { $answered ->
    [0] { $answered } respondidas
    [one] { $answered } respondida
   *[other] { $answered } respondidas
}, { $right ->
    [0] { $right } certas
    [one] { $right } certa
   *[other] { $right } certas
}
chart-alt = Gráfico de barras com as respostas da semana por dia ({ $days }) e a taxa de acerto por categoria.
chart-saved = Gráfico: { $path }
question-discussion = Discussão do dia
how-to-discuss = Aqui não tem resposta certa: dê sua opinião na thread ou com /quiz answer <sua opinião>
discussion-head = Discussão do dia: o resumo
discussion-took-part = { $count ->
    [0] Ninguém participou desta vez.
    [one] Uma pessoa participou.
   *[other] { $count } pessoas participaram.
}
discussion-notes = O que uma boa resposta deve abordar:
took-part = Valeu por participar! { $count ->
    [one] Você abriu a discussão.
   *[other] Até agora, { $count } pessoas participaram.
} Discussões nunca valem pontos; continue a conversa na thread.
already-took-part = Você já participou da discussão de hoje. Se quiser, complemente na thread.
stats-discussions = Discussões
stats-discussions-figure = { $joined ->
    [0] { $joined } participações
    [one] { $joined } participação
   *[other] { $joined } participações
} (sequência: { $streak })
