## Channel administration
# $rule: the schedule as typed back, "09:00 Europe/Berlin weekdays, closing 8h"
# $at, $next, $due, $since: instants, shown in each reader's zone where the platform can

not-admin-discord = Só membros com a permissão Gerenciar servidor (Manage Server) podem usar /quizadmin. Peça para alguém que tenha essa permissão rodar o comando ou concedê-la a você (Configurações do servidor → Cargos). Nada foi alterado.
not-admin-slack = Só admins e proprietários do workspace, o membro que instalou o Quizmaster e os membros listados na configuração slack.admins do bot podem usar /quiz admin. Peça a um deles, ou peça a quem administra o bot para incluir seu ID de membro em slack.admins. Nada foi alterado.
not-admin-console = Só admins podem usar /quiz admin. Nada foi alterado.

schedule-rule = { $time } { $zone } { $days }, fecha { $close }
not-scheduled = Este canal ainda não tem agendamento. Configure um com { $admin } schedule <HH:MM> <Area/City> [days] [close].
never-posts = Com esse agendamento, nenhuma pergunta seria postada.
scheduled = Agendado: { $rule }. A próxima pergunta sai em { $next }.
already-paused = O agendamento já está pausado. Use { $admin } resume para retomá-lo.
paused = Pausado: sem perguntas diárias até alguém usar { $admin } resume. Dias sem pergunta nunca quebram uma sequência.
resumed = Retomado. A próxima pergunta sai em { $next }.
running = O agendamento está rodando; não há nada para retomar.
nothing-to-skip = O agendamento está pausado, então não há nada para pular.
already-skipped = A pergunta de { $date } já foi pulada; para parar por mais tempo, use { $admin } pause.
skipped = A pergunta de { $date } foi pulada (estava prevista para { $due }). Dias pulados nunca quebram uma sequência.
already-posted = Este canal já recebeu a pergunta de { $date }; a próxima sai no próximo dia agendado.
posted = Pergunta postada neste canal. Ela fecha e a resposta é revelada em { $at }.
posted-no-close = Pergunta postada neste canal. Revele a resposta com { $admin } reveal-now.
closed-unseen = Fechada. A pergunta nunca chegou a este canal, então não há nada para revelar; o dia conta como perdido e não quebra a sequência de ninguém.
revealed = Fechada: a resposta está sendo revelada neste canal.
already-revealed = Essa pergunta já foi revelada.
nothing-to-reveal = Não há nenhuma pergunta diária aberta neste canal para revelar.
categories-all = As perguntas diárias agora vêm de todas as categorias ({ $pool ->
    [0] { $pool } perguntas
    [one] { $pool } pergunta
   *[other] { $pool } perguntas
}).
categories-set = As perguntas diárias agora vêm de { $chosen } ({ $pool ->
    [0] { $pool } perguntas
    [one] { $pool } pergunta
   *[other] { $pool } perguntas
}).
zone-set = As semanas e os meses do ranking agora seguem o fuso { $zone }.
# $language: the language's name in itself (language-name)
language-set = As perguntas diárias, as revelações e os resumos deste servidor agora saem em { $language }. Mensagens que só um membro vê continuam no idioma de cada um, se o bot falar esse idioma.
language-auto = O idioma do bot neste servidor agora segue a configuração de idioma do próprio servidor: no momento, { $language }.
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
not-a-zone = `{ $given }` não é um fuso horário IANA (por exemplo, Europe/Berlin ou America/New_York).
not-a-zone-hint = `{ $given }` não é um fuso horário IANA (por exemplo, Europe/Berlin ou America/New_York). Você quis dizer { $hint }?

status-schedule = Agendamento: { $rule }.
status-schedule-paused = Agendamento: { $rule } (pausado).
status-skipped = A pergunta de { $date } será pulada.
status-next = Próximo post: { $at }.
status-open = Pergunta aberta: { $date }, fecha em { $at }.
status-open-no-close = Pergunta aberta: { $date }.
status-pool = Perguntas restantes neste ciclo: { $left } de { $total } ({ $categories }).
status-pool-all = todas as categorias
status-no-question = Nenhuma pergunta aberta.
status-language = Idioma: { $language }.
status-language-auto = Idioma: { $language } (auto: segue a configuração do servidor).
status-no-schedule = Sem agendamento: configure um com { $admin } schedule <HH:MM> <Area/City> [days] [close].

## What stops the bot from posting, and what to do about it
# $fix: one of the delivery-fix messages

delivery-problem = Problema desde { $since }: o bot não conseguiu postar a pergunta diária aqui: { $fix }. O agendamento volta ao normal sozinho assim que um post aqui der certo; { $admin } post-now tenta postar agora mesmo.
delivery-problem-threads = Problema desde { $since }: a pergunta diária foi postada, mas o bot não conseguiu usar a thread dela. { $grant } ou desative as threads com { $admin } threads off.
fix-discord-no-access = ele não consegue ver este canal. Dê ao cargo do bot a permissão Ver canal (View Channel) aqui (configurações do canal → Permissões)
fix-discord-permissions = ele não tem permissão para postar aqui. Dê ao cargo do bot as permissões Ver canal, Enviar mensagens e Ler histórico de mensagens (View Channel, Send Messages, Read Message History) aqui
fix-not-allowed = ele não tem permissão para postar aqui. Conceda essa permissão ao bot
fix-channel-gone = o canal ou a mensagem da pergunta não existe mais. Configure o agendamento em outro canal
fix-archived = este canal está arquivado. Desarquive-o ou configure o agendamento em outro canal
fix-slack-not-in-channel = ele não está neste canal. Convide-o com /invite @Quizmaster
fix-not-in-channel = ele não é membro deste canal. Adicione-o
fix-slack-removed = o token dele não funciona mais aqui. Reinstale o app neste workspace
fix-removed = ele foi removido ou o token dele não funciona mais. Adicione-o de novo
grant-threads-discord = Dê ao cargo do bot as permissões Criar tópicos públicos e Enviar mensagens em tópicos (Create Public Threads, Send Messages in Threads) aqui
grant-threads = Permita que o bot responda em threads aqui

# Discord's permissions, as its settings name them
perm-view-channel = Ver canal
perm-send-messages = Enviar mensagens
perm-embed-links = Inserir links
perm-read-message-history = Ler histórico de mensagens
perm-create-public-threads = Criar tópicos públicos
perm-send-messages-in-threads = Enviar mensagens em tópicos

check-console = O canal local não precisa de permissões.
check-unknown = Esta plataforma não informa o que o bot pode fazer num canal antes de ele tentar; { $admin } status mostra qualquer problema que o último post tenha encontrado.
check-all-granted = O bot tem tudo de que precisa aqui: { $needed }.
check-missing = Permissões que faltam ao bot aqui: { $missing }. Sem isso, a pergunta diária não pode rodar neste canal. Para conceder: configurações do canal → Permissões → cargo do bot (ou o próprio bot) → permitir { $missing }.

## Recap, seasons, pings, threads, the web page

recap-off = O resumo semanal foi desativado neste canal.
recap-was-off = O resumo semanal já estava desativado neste canal.
recap-needs-schedule = O resumo semanal acompanha a pergunta diária: primeiro configure um agendamento com `schedule <HH:MM> <Area/City>`.
# $day: the weekday's number, 1 (Monday) to 7 (Sunday)
recap-set = O resumo semanal sai { $day ->
    [1] toda segunda-feira
    [2] toda terça-feira
    [3] toda quarta-feira
    [4] toda quinta-feira
    [5] toda sexta-feira
    [6] todo sábado
   *[7] todo domingo
} às { $time } ({ $zone }). Próximo: { $next }.

season-taken = Este servidor já teve uma temporada chamada `{ $name }`; escolha outro nome.
season-started = A temporada { $name } começou: o ranking dela parte do zero. Os rankings gerais continuam contando.
season-over = A temporada { $old } terminou; o ranking final dela ({ $players ->
    [0] nenhum jogador
    [one] { $players } jogador
   *[other] { $players } jogadores
}) fica guardado: `/quiz leaderboard season { $old }`.

ping-set-role = Agora cada pergunta diária aqui menciona esse cargo, e mais ninguém. `ping off` desativa.
ping-set-group = Agora cada pergunta diária aqui menciona esse grupo de usuários, e mais ninguém. `ping off` desativa.
ping-off = As perguntas diárias aqui não mencionam mais ninguém.
threads-off = As perguntas diárias aqui não abrem mais thread.
threads-on-discord = Cada pergunta diária aqui abre uma thread para discussão, e a resposta também é revelada lá. O bot precisa das permissões Criar tópicos públicos e Enviar mensagens em tópicos (Create Public Threads, Send Messages in Threads): `check` mostra se ele as tem.
threads-on = A revelação de cada pergunta diária também é postada como resposta na thread dela.
thread-name = Pergunta do dia · { $date }
thread-name-discussion = Discussão do dia · { $date }

web-off = Este bot não disponibiliza páginas web (quem opera o bot não configurou `web.listen`).
web-link = Rankings, gráfico semanal e arquivo deste servidor: { $url }
web-link-note = Qualquer pessoa com o link pode ver a página; um admin pode trocar o link com `web rotate`.
web-rotated = O link antigo não funciona mais. O novo é: { $url }

## Times, zones, days and close times as typed
# $given: what was typed

not-a-time = `{ $given }` não é um horário: use HH:MM no formato 24 horas, como 09:30
not-days = `{ $given }` não é um conjunto de dias: use daily, weekdays, weekends, um intervalo como mon-fri ou uma lista como mon,wed,fri
not-a-duration = `{ $given }` não é uma duração como 2h, 90m ou 1h30m
not-a-close = `{ $given }` não é um horário de fechamento: use uma duração como 8h, 90m ou 1h30m, ou `next`
close-too-long = `{ $given }` passa de uma semana; use `next` para fechar no próximo post
close-next = no próximo post
# $duration: as typed, 8h or 1h30m
close-after = após { $duration }

## Setting up a channel in one form
setup-title = Configurar o quiz
setup-time = Horário (24 horas, HH:MM)
setup-time-hint = 09:00
setup-zone = Fuso horário (Região/Cidade)
setup-zone-hint = America/Sao_Paulo, Europe/Lisbon, Asia/Tokyo
setup-days = Dias
setup-days-hint = weekdays, daily, weekends ou mon,wed,fri
setup-categories = Categorias
setup-categories-hint = all, ou nomes como databases, apis
setup-not-saved = nada foi configurado ainda. Corrija os pontos abaixo e envie o formulário de novo:
schedule-kind = { $kind ->
    [discussion] Cada post é uma pergunta de discussão, para conversar na thread.
   *[alternate] Os posts se alternam: uma pergunta do quiz e depois uma de discussão.
}
