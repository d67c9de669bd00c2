## Help, general refusals, the console, installs and the web page

help-title = Quizmaster のコマンド
# An admin command's row in the help list: $about is what it does
help-admins-only = 管理者用：{ $about }

sorry = すみません。
too-fast = コマンドの送信が速すぎます。少し待ってからもう一度お試しください。何も記録されていません。
try-again = クイズのデータベースが混み合っているか利用できないため、何も記録されませんでした。しばらくしてからもう一度お試しください。
our-fault = こちら側でエラーが発生したため、何も記録されませんでした。エラーはログに記録されています。
not-our-button = そのボタンはこのクイズのものではありません。何も記録されていません。
not-our-command = クイズのコマンドではありません。/quiz help をお試しください。

forget-me-first = このサーバーでのあなたの回答、ポイント、連続正解、練習の記録を完全に削除し、ランキング（過去のシーズンを含む）からも外します。レビュー待ちの提案は取り下げられます。承認済みの問題は残りますが、提案者は表示されなくなります。それ以外は何も変わりません。実行するには：{ $confirm }
forgotten = 完了しました。このサーバーから{ $answers }件の回答と、それをもとに集計したすべてのデータを削除しました。

console-banner =
    Quizmaster — ローカルコンソールモード
    Discord と Slack の認証情報が設定されていないため、チャンネルが 1 つだけの
    ローカルチャットとして動作しています。/quiz help でコマンド一覧、/as NAME で
    別の人としてプレイ、/quit（または EOF）で終了します。実際のプラットフォームに
    接続するには、docs/operators.md の「Connecting Discord and Slack」を参照してください。
console-as-usage = 使い方：/as NAME
console-unknown = コマンドは /quiz（/quiz help で一覧）、/as NAME、/quit のいずれかで始めてください。
console-bye = 終了します。
# A reply only one member sees, as the console labels it
console-private = { $user } さんにだけ表示
console-form = 1 行に 1 つずつ `field: value` の形式で入力してください。フィールド名のない行は、直前のフィールドに 1 行として追加されます（選択肢は 1 行に 1 つ）。空行で送信、/cancel で破棄します。
console-form-dropped = 破棄しました。何も送信されていません。
console-you-are = { $name } として操作しています。

installed = Quizmaster を { $team } にインストールしました。/invite @Quizmaster でクイズ用のチャンネルに招待し、そのチャンネルで /quiz admin setup と入力してください。フォームを送信すると、最初の問題がすぐに投稿されます。
installed-welcome = { $team } に Quizmaster を追加していただきありがとうございます！/invite @Quizmaster でクイズ用のチャンネルに招待し、そのチャンネルで /quiz admin setup と入力してください。フォーム（時刻、タイムゾーン、曜日、カテゴリ）を送信すると、最初の問題がすぐに投稿されます。インストールしたあなたは、/quiz admin のすべてのコマンドを使えます。コマンドの一覧は /quiz help で確認できます。
discord-welcome = こんにちは、Quizmaster です！バックエンドエンジニアリングの問題を毎日 1 問出題します。回答はチャンネル内でそのままできます。「サーバー管理」権限を持つ人なら誰でもセットアップできます。問題を投稿したいチャンネルで /quizadmin setup を実行し、フォーム（時刻、タイムゾーン、曜日、カテゴリ）に入力して送信すると、最初の問題がすぐに投稿されます。ほかの皆さんは、/quiz で練習問題に挑戦でき、/quiz help で使えるコマンドを確認できます。
install-link-used = このインストールリンクは期限切れか使用済みのため、インストールは行われませんでした。インストールページからやり直してください。
install-cancelled = Slack 側でインストールがキャンセルされました。何もインストールされていません。
install-failed = Slack からインストールの確認が得られなかったため、何も保存されていません。もう一度お試しください。
