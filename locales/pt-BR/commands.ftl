## Commands that were not understood
# $sub: the subcommand as the help spells it; $given, $extra: what was typed

too-long = Seu comando tem { $len } caracteres; o limite é { $max }.
unknown-subcommand = Subcomando desconhecido: `{ $given }`. Veja a lista com `/quiz help`.
unknown-subcommand-hint = Subcomando desconhecido: `{ $given }`. Você quis dizer `/quiz { $hint }`? Veja a lista com `/quiz help`.
empty-answer = `/quiz answer` precisa da sua resposta, por exemplo `/quiz answer B` ou `/quiz answer idempotent`.
board-option = `{ $given }` não é um período (week, month, all), uma ordenação (points, streak, accuracy) nem um ranking (daily, practice)
unexpected = `/quiz { $sub }` não aceita `{ $extra }`.
admin-commands = Comandos de admin: schedule <HH:MM> <Area/City> [days] [close], pause, resume, skip, post-now, reveal-now, status, check, categories <name,name,…|all>, timezone <Area/City>, language <tag|auto>, recap [day] [HH:MM] | off, web rotate, season start <name>, ping <role|off>, threads on|off, review.
unknown-admin = Comando de admin desconhecido: `{ $given }`. { admin-commands }
unknown-admin-hint = Comando de admin desconhecido: `{ $given }`. Você quis dizer `{ $admin } { $hint }`? { admin-commands }
# $problem: one of the admin-* messages below
bad-admin = `{ $admin } { $sub }`: { $problem }
bad-player = `/quiz { $sub }`: { $problem }

archive-count = `{ $given }` não é um número de 1 a { $max }
admin-takes-nothing = não aceita `{ $extra }`
admin-needs-list = precisa de uma lista como `databases,security`, ou `all`
admin-needs-zone = precisa de um fuso horário, como Europe/Berlin
admin-threads = aceita `on` ou `off`
# $known: the language tags the bot speaks
admin-language = aceita um idioma que o bot fala ({ $known }) ou `auto`
admin-review = é usado sem argumentos ou com approve <n>, reject <n> [reason] ou edit <n>
admin-recap = `{ $given }` não é um dia (mon … sun) nem um horário (HH:MM); `recap off` desativa o resumo
admin-ping = `{ $given }` não é um cargo: mencione-o (@Quiz no Discord, @quiz-team no Slack) ou use `off`
admin-season-name = o nome tem { $len } caracteres; o limite é { $max }
admin-season = aceita `start <name>`, como em `season start Spring 2027`
admin-web = aceita `rotate`, que troca o link web do servidor (`/quiz web` mostra o link)
admin-schedule = precisa de um horário e de um fuso, por exemplo `09:00 Europe/Berlin weekdays 8h`
admin-schedule-word = `{ $given }` não é um conjunto de dias (daily, weekdays, weekends, mon,wed,fri) nem um horário de fechamento (8h, 90m, next)

## The commands: what each does (the help list and Discord's descriptions,
## at most 100 characters) and what each option is

cmd-quiz = Quiz de engenharia backend: treino, respostas, ranking
cmd-quizadmin = Gerencie a pergunta do dia deste canal
cmd-play = Uma pergunta de treino só para você, com repetição espaçada
cmd-answer = Responda à pergunta de hoje ou, se não houver, à sua pergunta de treino
cmd-leaderboard = O ranking deste servidor, ou o de uma temporada
cmd-stats = Respostas, taxa de acerto, pontos e sequências
cmd-streak = Sua sequência atual, seu recorde e suas proteções
cmd-review = Seus cards de treino: quantos há para revisar agora e mais tarde hoje
cmd-web = O link da página deste servidor: rankings, gráfico da semana, perguntas anteriores
cmd-archive = As últimas perguntas reveladas neste canal, com as respostas, só para você
cmd-suggest = Sugira uma pergunta para este servidor; um admin vai revisá-la
cmd-suggestions = Suas sugestões e a situação de cada uma
cmd-forget-me = Apague suas respostas, sequências e treinos neste servidor (pede confirmação)
cmd-help = O que cada comando faz
cmd-setup = Configure este canal com um só formulário e poste a primeira pergunta agora
cmd-schedule = Uma pergunta diária num horário local, num fuso horário e em certos dias
cmd-pause = Pause os posts até alguém usar resume
cmd-resume = Retome os posts
cmd-skip = Pule a próxima pergunta agendada
cmd-post-now = Poste a pergunta de hoje agora
cmd-reveal-now = Feche a pergunta aberta e revele a resposta agora
cmd-status = O agendamento, o próximo post e as perguntas restantes
cmd-check = O que o bot pode fazer neste canal e o que está faltando
cmd-categories = De quais categorias vêm as perguntas diárias deste canal
cmd-timezone = O fuso horário das semanas e dos meses do ranking
cmd-language = O idioma das perguntas diárias, revelações e resumos neste servidor (auto: o do próprio servidor)
cmd-recap = Um resumo semanal com gráfico (por padrão, sexta às 16:00), ou off
cmd-web-rotate = Troque o link web deste servidor; o antigo para de funcionar
cmd-ping = Mencione um cargo (no Slack, um grupo de usuários) em cada post diário; off ou none desativa
cmd-threads = Uma thread de discussão para cada pergunta diária, com a revelação
cmd-season = Encerre a temporada (o ranking fica guardado) e comece uma nova do zero
cmd-review-queue = As sugestões pendentes, uma por vez: aprovar, rejeitar ou editar

opt-category = Só perguntas desta categoria
opt-choice = A letra que você escolhe
opt-text = Uma resposta curta em texto
opt-period = O período, ou o ranking de uma temporada
opt-sort = Ordenar por
opt-board = Respostas diárias ou de treino
opt-season-name = Com o período season: o nome de uma temporada anterior
opt-user = Outro jogador
opt-count = Quantas, de 1 a 10 (padrão: 5)
opt-confirm = yes: apagar tudo agora
opt-time = Horário local, HH:MM (24 horas)
opt-zone = Fuso horário IANA, como Europe/Berlin
opt-language = Um idioma, ou auto para seguir a configuração do próprio servidor
opt-days = daily, weekdays, weekends, mon-fri ou mon,wed,fri
opt-close = Quando fecha: 8h, 90m ou next
opt-list = Categorias separadas por vírgula, ou all
opt-day = O dia, ou off
opt-recap-time = Horário local, HH:MM (24 horas), no fuso do agendamento
opt-web-action = O que fazer
opt-role = O cargo a mencionar; sem ele, ninguém é mencionado
opt-on = on ou off
opt-season-action = O que fazer
opt-season = O nome da nova temporada
opt-review-action = O que fazer com a sugestão
opt-review-number = O número da sugestão
opt-reason = O motivo da rejeição (o autor vai ver)
# The name Discord shows for one choice of an option; members pick it, and
# the command still receives the word in brackets. $word: the choice.
choice = { $word ->
    [week] esta semana
    [month] este mês
    [all] geral
    [season] temporada
    [points] pontos
    [streak] sequência
    [accuracy] taxa de acerto
    [daily] perguntas diárias
    [practice] treino
    [yes] sim
    [auto] automático
    [mon] segunda-feira
    [tue] terça-feira
    [wed] quarta-feira
    [thu] quinta-feira
    [fri] sexta-feira
    [sat] sábado
    [sun] domingo
    [off] desativado
    [on] ativado
    [rotate] trocar o link
    [approve] aprovar
    [reject] rejeitar
    [edit] editar
    [quiz] pergunta do quiz
    [discussion] discussão
    [alternate] alternando
   *[other] { $word }
}
admin-schedule-kind = `{ $given }` não é um tipo de post: use `kind quiz`, `kind discussion` ou `kind alternate`
opt-kind = O que é postado: uma pergunta do quiz, uma discussão ou as duas, alternando
opt-suggest-kind = Uma pergunta do quiz (padrão) ou uma de discussão
