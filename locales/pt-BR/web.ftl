## A server's web page

page-title = Rankings do quiz
page-zone = Os dias e as semanas seguem o fuso horário { $zone }.
page-boards = Rankings
page-board-week = Esta semana
page-board-month = Este mês
page-board-all = Geral
page-streaks = Sequências
page-week = Últimos sete dias
page-archive = Perguntas anteriores
page-no-archive = Nenhuma pergunta foi revelada ainda.
page-question-meta = { $date } · { $category } · { $answered ->
    [0] { $answered } respostas
    [one] { $answered } resposta
   *[other] { $answered } respostas
}, { $right ->
    [0] { $right } certas
    [one] { $right } certa
   *[other] { $right } certas
} ({ $share }%)
page-answer = Resposta:
page-no-answers = Nenhuma resposta ainda.
page-no-streaks = Nenhuma sequência ainda.
page-col-player = Jogador
page-col-points = Pontos
page-col-accuracy = Taxa de acerto
page-col-days = Dias seguidos
page-not-found-title = Página não encontrada
# $command: the command that gives the new link, shown as code
page-not-found = Este link não leva a uma página do quiz. Talvez ele tenha sido trocado: peça o novo com { $command }.
