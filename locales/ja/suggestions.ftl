## Members' suggestions and their review

suggest-title = 問題を提案
edit-title = 提案を編集
reject-title = 提案を却下
form-send = 送信
form-cancel = キャンセル
form-close = 閉じる
form-done = クイズ
form-failed = フォームを開けませんでした。もう一度コマンドを実行してください。
reason-label = 理由（提案者に表示されます）
reason-hint = 任意。例：先月すでに出題済み
not-saved = 提案を保存できませんでした：
retry-label = 修正して再送信
retry-gone = このフォームはもう保持されていません。コマンドからもう一度開いてください。
suggest-in-server = 提案はサーバー独自の問題を作るためのものです。サーバー内で /quiz suggest を使ってください。

field-prompt = 問題文
field-prompt-hint = プレイヤーに出題する内容
field-options = 選択肢（1 行に 1 つ）
field-options-hint = 3〜5 個の選択肢。記述式の問題では、正解として認める回答
field-answer = 正解の選択肢（文字）
field-answer-hint = A〜E。記述式の問題では空欄のまま
field-explanation = 解説
field-explanation-hint = 正解の理由（正解発表時に表示）
field-category = カテゴリ
field-category-hint = 問題バンクのカテゴリのいずれか（例：databases）

suggestion-saved = ありがとうございます。提案 #{ $id } は管理者のレビュー待ちです。状況は `/quiz suggestions` で確認できます。
note-head = 注意：
more-similar = ほかにも、正解が同じで似た問題が{ $count }件あります
similar-warning = 正解が同じ `{ $id }` と似ています：「{ $prompt }」
review-title = 提案 #{ $id } · 提案者：{ $author } · { $category } · レビュー待ち{ $pending }件
former-member = 元メンバー
too-many-pending = このサーバーで、あなたの提案はすでに{ $max }件がレビュー待ちです。管理者が確認するまでお待ちください。
unreadable-suggestion = この提案は現在のパックのルールを満たしていません（{ $why }）。却下のみ可能です。
nothing-to-review = レビュー待ちの提案はありません。
no-such-suggestion = このサーバーに、その番号のレビュー待ちの提案はありません。
own-suggestion = この提案はあなた自身が書いたものなので、承認は別の管理者が行う必要があります。何も変更されていません。
no-suggestions = このサーバーではまだ問題を提案していません。`/quiz suggest` でフォームを開けます。
approved = 提案 #{ $id } を承認しました。`{ $slug }` としてこのサーバー独自の問題に追加されます。
rejected = 提案 #{ $id } を却下しました。提案者は `/quiz suggestions` で確認できます。
edited = 提案 #{ $id } の変更を保存しました。
action-approve = 承認
action-reject = 却下
action-edit = 編集
your-suggestions = このサーバーでのあなたの提案：
suggestion-pending = #{ $id } レビュー待ち：{ $title }
suggestion-approved = #{ $id } 承認済み：{ $title }
suggestion-rejected = #{ $id } 却下：{ $title }
suggestion-rejected-because = #{ $id } 却下：{ $title }（理由：{ $reason }）
note-line = 注意：{ $note }
field-too-long = { $len }文字あります。上限は{ $max }文字です
field-not-a-letter = `{ $given }` は選択肢の文字ではありません。正解の選択肢の文字（A〜E）を入力するか、各行が記述式の問題の正解である場合は空欄のままにしてください
# $rule: a pack rule as check-content words it, in English for pack authors
pack-rule = { $rule }
