## Commands that were not understood
# $sub: the subcommand as the help spells it; $given, $extra: what was typed

too-long = コマンドが長すぎます（{ $len }文字。上限は{ $max }文字です）。
unknown-subcommand = `{ $given }` というサブコマンドはありません。一覧は `/quiz help` で確認できます。
unknown-subcommand-hint = `{ $given }` というサブコマンドはありません。`/quiz { $hint }` のことですか？一覧は `/quiz help` で確認できます。
empty-answer = `/quiz answer` には回答を指定してください（例：`/quiz answer B`、`/quiz answer idempotent`）。
board-option = `{ $given }` は期間（week、month、all）、並び順（points、streak、accuracy）、ランキングの種類（daily、practice）のいずれでもありません
unexpected = `/quiz { $sub }` に `{ $extra }` は指定できません。
admin-commands = 管理者コマンド：schedule <HH:MM> <Area/City> [days] [close]、pause、resume、skip、post-now、reveal-now、status、check、categories <name,name,…|all>、timezone <Area/City>、language <tag|auto>、recap [day] [HH:MM] | off、web rotate、season start <name>、ping <role|off>、threads on|off、review。
unknown-admin = `{ $given }` という管理者コマンドはありません。{ admin-commands }
unknown-admin-hint = `{ $given }` という管理者コマンドはありません。`{ $admin } { $hint }` のことですか？{ admin-commands }
# $problem: one of the admin-* messages below
bad-admin = `{ $admin } { $sub }`：{ $problem }
bad-player = `/quiz { $sub }`：{ $problem }

archive-count = `{ $given }` は 1〜{ $max } の数値ではありません
admin-takes-nothing = `{ $extra }` は指定できません
admin-needs-list = `databases,security` のようなリストか、`all` を指定してください
admin-needs-zone = Europe/Berlin のようなタイムゾーンを 1 つ指定してください
admin-threads = `on` か `off` を指定してください
# $known: the language tags the bot speaks
admin-language = ボットが対応している言語（{ $known }）か `auto` を指定してください
admin-review = 引数なし、または approve <n>、reject <n> [reason]、edit <n> のいずれかを指定してください
admin-recap = `{ $given }` は曜日（mon … sun）でも時刻（HH:MM）でもありません。オフにするには `recap off` を使ってください
admin-ping = `{ $given }` はロールではありません。メンションで指定する（Discord なら @Quiz、Slack なら @quiz-team）か、`off` を指定してください
admin-season-name = 名前が長すぎます（{ $len }文字。上限は{ $max }文字です）
admin-season = `season start Spring 2027` のように `start <name>` を指定してください
admin-web = `rotate` を指定してください。サーバーの Web リンクを再発行します（リンクは `/quiz web` で確認できます）
admin-schedule = 時刻とタイムゾーンを指定してください（例：`09:00 Europe/Berlin weekdays 8h`）
admin-schedule-word = `{ $given }` は曜日（daily、weekdays、weekends、mon,wed,fri）でも締め切り（8h、90m、next）でもありません

## The commands: what each does (the help list and Discord's descriptions,
## at most 100 characters) and what each option is

cmd-quiz = バックエンドエンジニアリングのクイズ：練習、回答、ランキング
cmd-quizadmin = このチャンネルのデイリー問題を管理
cmd-play = 自分だけの練習問題（間隔反復で記憶に定着）
cmd-answer = 今日の問題、または練習問題に回答
cmd-leaderboard = このサーバーのランキング、またはシーズンのランキング
cmd-stats = 回答数、正答率、ポイント、連続正解
cmd-streak = 現在の連続正解と最高記録、保有しているフリーズ
cmd-review = 練習カード：今すぐ復習できる枚数と、今日この後に復習する枚数
cmd-web = このサーバーのページへのリンク：ランキング、週間チャート、過去の問題
cmd-archive = このチャンネルで最近発表された問題と正解（自分だけに表示）
cmd-suggest = このサーバー用の問題を提案（管理者がレビューします）
cmd-suggestions = 自分の提案と、それぞれの状況
cmd-forget-me = このサーバーでの回答、連続正解、練習の記録を削除（実行前に確認あり）
cmd-help = コマンドの説明
cmd-setup = フォーム 1 つでこのチャンネルを設定し、最初の問題をすぐに投稿
cmd-schedule = 指定したタイムゾーンの時刻・曜日にデイリー問題を投稿
cmd-pause = 再開するまで投稿を停止
cmd-resume = 投稿を再開
cmd-skip = 次に予定されている問題をスキップ
cmd-post-now = 今日の問題を今すぐ投稿
cmd-reveal-now = 受付中の問題を締め切り、今すぐ正解を発表
cmd-status = スケジュール、次回の投稿、残りの問題数
cmd-check = このチャンネルでボットができることと、足りない権限
cmd-categories = このチャンネルのデイリー問題の出題カテゴリ
cmd-timezone = ランキングの週・月を区切るタイムゾーン
cmd-language = このサーバーでのデイリー問題・正解発表・週間まとめの言語（auto：サーバーの設定に従う）
cmd-recap = チャート付きの週間まとめ（指定がなければ金曜 16:00）、または off
cmd-web-rotate = このサーバーの Web リンクを再発行（古いリンクは無効になります）
cmd-ping = デイリー問題の投稿でロール（Slack ではユーザーグループ）をメンション。off か none で解除
cmd-threads = デイリー問題ごとに議論用スレッドを作成し、正解発表もそこに投稿
cmd-season = 現在のシーズンを終了（ランキングは保存）し、新しいシーズンをゼロから開始
cmd-review-queue = レビュー待ちの提案を 1 件ずつ承認・却下・編集

opt-category = このカテゴリの問題だけを出題
opt-choice = 選んだ選択肢の文字
opt-text = 短いテキストで回答
opt-period = 期間、またはシーズンのランキング
opt-sort = 並び順
opt-board = デイリー問題か練習問題か
opt-season-name = 期間が season のとき：過去のシーズン名
opt-user = 他のプレイヤー
opt-count = 件数（1〜10、指定がなければ 5）
opt-confirm = yes：今すぐ削除する
opt-time = 現地時刻、HH:MM（24 時間表記）
opt-zone = IANA タイムゾーン（例：Europe/Berlin）
opt-language = 言語（サーバーの設定に従う場合は auto）
opt-days = daily、weekdays、weekends、mon-fri、mon,wed,fri
opt-close = 締め切り：8h、90m、next
opt-list = カンマ区切りのカテゴリ、または all
opt-day = 曜日、または off
opt-recap-time = スケジュールのタイムゾーンでの現地時刻、HH:MM（24 時間表記）
opt-web-action = 操作
opt-role = メンションするロール（指定しなければ誰もメンションしません）
opt-on = on または off
opt-season-action = 操作
opt-season = 新しいシーズンの名前
opt-review-action = 提案に対する操作
opt-review-number = 提案の番号
opt-reason = 却下の理由（提案者に表示されます）
# The name Discord shows for one choice of an option; members pick it, and
# the command still receives the word in brackets. $word: the choice.
choice = { $word ->
    [week] 今週
    [month] 今月
    [all] 通算
    [season] シーズン
    [points] ポイント
    [streak] 連続正解
    [accuracy] 正答率
    [daily] デイリー問題
    [practice] 練習
    [yes] はい
    [auto] 自動
    [mon] 月曜日
    [tue] 火曜日
    [wed] 水曜日
    [thu] 木曜日
    [fri] 金曜日
    [sat] 土曜日
    [sun] 日曜日
    [off] オフ
    [on] オン
    [rotate] リンクを再発行
    [approve] 承認
    [reject] 却下
    [edit] 編集
    [quiz] クイズ
    [discussion] ディスカッション
    [alternate] 交互に投稿
   *[other] { $word }
}
admin-schedule-kind = `{ $given }` は投稿の種類ではありません。`kind quiz`、`kind discussion`、`kind alternate` のいずれかを指定してください
opt-kind = 投稿する内容：クイズ、ディスカッション、または両方を交互に
opt-suggest-kind = クイズ（既定）か、ディスカッションの問いか
