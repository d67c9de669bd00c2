## Members' suggestions and their review

suggest-title = Sugerir uma pergunta
suggest-discussion-title = Sugerir uma pergunta de discussão
edit-title = Editar sugestão
reject-title = Rejeitar sugestão
form-send = Enviar
form-cancel = Cancelar
form-close = Fechar
form-done = Quiz
form-failed = Não deu para abrir o formulário agora; tente o comando de novo.
reason-label = Motivo (o autor vai ver)
reason-hint = Opcional: por exemplo, já foi perguntada no mês passado
not-saved = a sugestão não foi salva:
retry-label = Corrigir e enviar de novo
retry-gone = Esse formulário não está mais disponível; abra-o de novo com o comando.
suggest-in-server = As sugestões são para as perguntas próprias de cada servidor: use /quiz suggest dentro de um servidor.

field-prompt = Pergunta
field-prompt-hint = O que vai ser perguntado aos jogadores
field-prompt-discussion-hint = Uma pergunta aberta, sem uma única resposta certa
field-options = Opções, uma por linha
field-options-hint = De 3 a 5 opções; ou, para resposta digitada, as respostas aceitas
field-notes = O que uma boa resposta deve abordar
field-notes-hint = De 2 a 6 itens, um por linha; aparecem no resumo
field-answer = Opção certa (letra)
field-answer-hint = De A a E; deixe vazio quando os jogadores forem digitar a resposta
field-explanation = Explicação
field-explanation-hint = Por que a resposta está certa; aparece na revelação
field-category = Categoria
field-category-hint = Uma das categorias do banco, como databases

suggestion-saved = Valeu! A sugestão #{ $id } está aguardando a revisão de um admin. `/quiz suggestions` mostra em que pé ela está.
note-head = Obs.:
more-similar = e mais { $count ->
    [one] { $count } item com a mesma resposta e uma pergunta parecida
   *[other] { $count } itens com a mesma resposta e uma pergunta parecida
}
similar-warning = é parecida com `{ $id }`, que tem a mesma resposta: "{ $prompt }"
review-title = Sugestão #{ $id } de { $author } · { $category } · { $pending ->
    [0] { $pending } pendentes
    [one] { $pending } pendente
   *[other] { $pending } pendentes
}
former-member = um ex-membro
too-many-pending = Você já tem { $max ->
    [one] { $max } sugestão aguardando revisão aqui; espere até um admin analisá-la.
   *[other] { $max } sugestões aguardando revisão aqui; espere até um admin analisá-las.
}
unreadable-suggestion = Esta sugestão não atende mais às regras do pacote de perguntas ({ $why }); ela só pode ser rejeitada.
nothing-to-review = Nenhuma sugestão aguardando revisão.
no-such-suggestion = Não há nenhuma sugestão com esse número aguardando revisão neste servidor.
own-suggestion = Você escreveu esta sugestão, então outro admin precisa aprová-la. Nada foi alterado.
no-suggestions = Você ainda não sugeriu nenhuma pergunta neste servidor: `/quiz suggest` abre o formulário.
approved = Sugestão #{ $id } aprovada: ela entra nas perguntas próprias deste servidor como `{ $slug }`.
rejected = Sugestão #{ $id } rejeitada; o autor pode ver isso em `/quiz suggestions`.
edited = Suas alterações na sugestão #{ $id } foram salvas.
action-approve = Aprovar
action-reject = Rejeitar
action-edit = Editar
your-suggestions = Suas sugestões neste servidor:
suggestion-pending = #{ $id } aguardando revisão: { $title }
suggestion-approved = #{ $id } aprovada: { $title }
suggestion-rejected = #{ $id } rejeitada: { $title }
suggestion-rejected-because = #{ $id } rejeitada: { $title } (motivo: { $reason })
note-line = Obs.: { $note }
field-too-long = tem { $len } caracteres; o máximo permitido é { $max }
field-not-a-letter = `{ $given }` não é uma letra: informe a letra da opção certa (de A a E) ou deixe o campo vazio quando as linhas forem as respostas aceitas de uma pergunta com resposta digitada
# $rule: a pack rule as check-content words it, in English for pack authors
pack-rule = { $rule }
