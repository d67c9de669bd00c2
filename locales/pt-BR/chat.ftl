## Help, general refusals, the console, installs and the web page

help-title = Comandos do Quizmaster
# An admin command's row in the help list: $about is what it does
help-admins-only = admins: { $about }

sorry = Ops:
too-fast = Você está mandando comandos mais rápido do que o quiz consegue processar. Espere um segundo e tente de novo; nada foi registrado.
try-again = O banco de dados do quiz está ocupado ou fora do ar agora, então nada foi registrado. Tente de novo daqui a pouco.
our-fault = Algo deu errado do nosso lado e nada foi registrado. O erro foi registrado no log.
not-our-button = Esse botão não é do quiz; nada foi registrado.
not-our-command = Esse não é um comando do quiz; tente /quiz help.

forget-me-first = Isso apaga de vez suas respostas, pontos, sequências e treinos neste servidor, e tira você dos rankings dele (inclusive das temporadas passadas). Suas sugestões ainda pendentes são retiradas; suas perguntas já aprovadas continuam no quiz, sem crédito para ninguém. Nada mais muda. Para prosseguir: { $confirm }
forgotten = Pronto: { $answers ->
    [0] { $answers } respostas e tudo o que foi contado a partir delas foram apagados deste servidor
    [one] { $answers } resposta e tudo o que foi contado a partir dela foram apagados deste servidor
   *[other] { $answers } respostas e tudo o que foi contado a partir delas foram apagados deste servidor
}.

console-banner =
    Quizmaster — modo console local.
    Nenhuma credencial do Discord ou do Slack está configurada, então este é um chat
    local com um único canal. Digite /quiz help para ver os comandos, /as NOME para
    jogar como outra pessoa e /quit (ou fim da entrada) para sair. Para conectar uma
    plataforma de verdade, veja "Connecting Discord and Slack" em docs/operators.md.
console-as-usage = Uso: /as NOME
console-unknown = Os comandos começam com /quiz (tente /quiz help), /as NOME ou /quit.
console-bye = Até mais!
# A reply only one member sees, as the console labels it
console-private = só para { $user }
console-form = Preencha com uma linha `field: value` por campo; uma linha sem nome de campo acrescenta uma linha ao campo anterior (uma opção por linha). Uma linha vazia envia; /cancel descarta.
console-form-dropped = Descartado; nada foi enviado.
console-you-are = Agora você é { $name }.

installed = O Quizmaster foi instalado no workspace { $team }. Convide-o para o canal do quiz com /invite @Quizmaster e digite /quiz admin setup nesse canal: é só preencher um formulário, e a primeira pergunta sai na hora.
installed-welcome = Valeu por adicionar o Quizmaster ao workspace { $team }! Me convide para o canal do quiz com /invite @Quizmaster e digite /quiz admin setup nesse canal: é só preencher um formulário (horário, fuso, dias, categorias), e a primeira pergunta sai na hora. Como foi você quem me instalou, você pode usar todos os comandos de /quiz admin; o /quiz help lista todos eles.
discord-welcome = Oi, eu sou o Quizmaster: uma pergunta de engenharia de backend por dia, respondida aqui mesmo no canal. Quem tem a permissão “Gerenciar servidor” pode colocar o quiz para rodar: rode /quizadmin setup no canal onde as perguntas devem ser postadas, preencha um formulário (horário, fuso, dias, categorias), e a primeira pergunta sai na hora. Para os demais: /quiz traz uma pergunta para praticar, e /quiz help mostra todo o resto.
install-link-used = Este link de instalação expirou ou já foi usado, então nada foi instalado. Comece de novo pela página de instalação.
install-cancelled = A instalação foi cancelada no Slack; nada foi instalado.
install-failed = O Slack não confirmou a instalação, então nada foi salvo. Tente de novo.
