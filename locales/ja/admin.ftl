## Channel administration
# $rule: the schedule as typed back, "09:00 Europe/Berlin weekdays, closing 8h"
# $at, $next, $due, $since: instants, shown in each reader's zone where the platform can

not-admin-discord = /quizadmin は「サーバー管理」権限を持つメンバーだけが使えます。この権限を持つ人にコマンドを実行してもらうか、権限を付与してもらってください（サーバー設定 → ロール）。何も変更されていません。
not-admin-slack = /quiz admin を使えるのは、ワークスペースの管理者とオーナー、Quizmaster をインストールしたメンバー、ボットの slack.admins 設定に登録されたメンバーだけです。いずれかの人に依頼するか、ボットの運用担当者にあなたのメンバー ID を slack.admins に追加してもらってください。何も変更されていません。
not-admin-console = /quiz admin は管理者だけが使えます。何も変更されていません。

schedule-rule = { $time } { $zone } { $days }、{ $close }に締め切り
not-scheduled = このチャンネルにはまだスケジュールがありません。{ $admin } schedule <HH:MM> <Area/City> [days] [close] で設定してください。
never-posts = そのスケジュールでは一度も投稿されません。
scheduled = スケジュールを設定しました：{ $rule }。次の問題は{ $next }に投稿されます。
already-paused = スケジュールはすでに一時停止中です。{ $admin } resume で再開できます。
paused = 一時停止しました。{ $admin } resume を実行するまでデイリー問題は投稿されません。問題が出ない日があっても連続正解は途切れません。
resumed = 再開しました。次の問題は{ $next }に投稿されます。
running = スケジュールは動作中のため、再開する必要はありません。
nothing-to-skip = スケジュールが一時停止中のため、スキップする問題はありません。
already-skipped = { $date }の問題はすでにスキップされています。さらに長く止めるには { $admin } pause を使ってください。
skipped = { $date }の問題（投稿予定：{ $due }）をスキップしました。スキップした日があっても連続正解は途切れません。
already-posted = このチャンネルでは{ $date }の問題をすでに投稿しています。次の問題は次回の予定日に投稿されます。
posted = このチャンネルに投稿しました。{ $at }に締め切られ、正解が発表されます。
posted-no-close = このチャンネルに投稿しました。正解は { $admin } reveal-now で発表できます。
closed-unseen = 締め切りました。問題がこのチャンネルに届かなかったため、正解発表はありません。この日は出題なしとして扱われ、誰の連続正解も途切れません。
revealed = 締め切りました。このチャンネルで正解を発表します。
already-revealed = その問題の正解はすでに発表されています。
nothing-to-reveal = このチャンネルには、正解を発表できる受付中のデイリー問題がありません。
categories-all = デイリー問題を全カテゴリから出題します（{ $pool }問）。
categories-set = デイリー問題を { $chosen } から出題します（{ $pool }問）。
zone-set = ランキングの週と月は、今後 { $zone } を基準に区切ります。
# $language: the language's name in itself (language-name)
language-set = このサーバーのデイリー問題、正解発表、週間まとめの言語を { $language } に設定しました。本人にだけ表示される返信は、引き続き各メンバーの言語で表示されます（ボットが対応している言語の場合）。
language-auto = このサーバーでボットが使う言語は、今後サーバーの言語設定に従います（現在は { $language }）。
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
not-a-zone = `{ $given }` は IANA タイムゾーンではありません（例：Europe/Berlin、America/New_York）。
not-a-zone-hint = `{ $given }` は IANA タイムゾーンではありません（例：Europe/Berlin、America/New_York）。{ $hint } のことですか？

status-schedule = スケジュール：{ $rule }。
status-schedule-paused = スケジュール：{ $rule }（一時停止中）。
status-skipped = { $date }の問題はスキップされます。
status-next = 次回の投稿：{ $at }。
status-open = 受付中の問題：{ $date }、締め切りは{ $at }。
status-open-no-close = 受付中の問題：{ $date }。
status-pool = 出題プール：このサイクルの残り{ $left }問／全{ $total }問（{ $categories }）。
status-pool-all = 全カテゴリ
status-no-question = 受付中の問題はありません。
status-language = 言語：{ $language }。
status-language-auto = 言語：{ $language }（auto：サーバーの設定に従う）。
status-no-schedule = スケジュール未設定：{ $admin } schedule <HH:MM> <Area/City> [days] [close] で設定できます。

## What stops the bot from posting, and what to do about it
# $fix: one of the delivery-fix messages

delivery-problem = { $since }から問題が発生しています。このチャンネルにデイリー問題を投稿できていません。{ $fix }。投稿が成功すれば、以降は自動的に通常どおり投稿されます。{ $admin } post-now で今すぐ投稿を試せます。
delivery-problem-threads = { $since }から問題が発生しています。デイリー問題は投稿されましたが、スレッドを使えませんでした。{ $grant }。または、{ $admin } threads off でスレッドをオフにしてください。
fix-discord-no-access = ボットがこのチャンネルを閲覧できません。このチャンネルで、ボットのロールに「チャンネルを見る」を許可してください（チャンネルの編集 → 権限）
fix-discord-permissions = ボットにこのチャンネルへの投稿権限がありません。このチャンネルで、ボットのロールに「チャンネルを見る」「メッセージを送信」「メッセージ履歴を読む」を許可してください
fix-not-allowed = ボットにこのチャンネルへの投稿が許可されていません。投稿を許可してください
fix-channel-gone = チャンネルまたは問題のメッセージがもう存在しません。別のチャンネルにスケジュールを設定してください
fix-archived = このチャンネルはアーカイブされています。アーカイブを解除するか、別のチャンネルにスケジュールを設定してください
fix-slack-not-in-channel = ボットがこのチャンネルに参加していません。/invite @Quizmaster で招待してください
fix-not-in-channel = ボットがこのチャンネルのメンバーではありません。メンバーに追加してください
fix-slack-removed = このワークスペースでボットのトークンが無効になっています。このワークスペースにアプリを再インストールしてください
fix-removed = ボットが削除されたか、トークンが無効になっています。もう一度追加してください
grant-threads-discord = このチャンネルで、ボットのロールに「公開スレッドの作成」と「スレッドでメッセージを送信」を許可してください
grant-threads = このチャンネルで、ボットがスレッドに返信できるよう許可してください

# Discord's permissions, as its settings name them
perm-view-channel = 「チャンネルを見る」
perm-send-messages = 「メッセージを送信」
perm-embed-links = 「埋め込みリンク」
perm-read-message-history = 「メッセージ履歴を読む」
perm-create-public-threads = 「公開スレッドの作成」
perm-send-messages-in-threads = 「スレッドでメッセージを送信」

check-console = ローカルチャンネルでは権限は必要ありません。
check-unknown = このプラットフォームでは、実際に試すまでボットがチャンネルで何をできるか分かりません。直近の投稿で起きた問題は { $admin } status で確認できます。
check-all-granted = ボットはこのチャンネルで必要な権限をすべて持っています：{ $needed }。
check-missing = このチャンネルでボットに{ $missing }の権限がないため、デイリー問題を出題できません。チャンネルの編集 → 権限 → ボットのロール（またはボット）で{ $missing }を許可してください。

## Recap, seasons, pings, threads, the web page

recap-off = このチャンネルの週間まとめをオフにしました。
recap-was-off = このチャンネルの週間まとめはすでにオフです。
recap-needs-schedule = 週間まとめはデイリー問題に連動します。先に `schedule <HH:MM> <Area/City>` でスケジュールを設定してください。
# $day: the weekday's number, 1 (Monday) to 7 (Sunday)
recap-set = 週間まとめは毎週{ $day ->
    [1] 月曜日
    [2] 火曜日
    [3] 水曜日
    [4] 木曜日
    [5] 金曜日
    [6] 土曜日
   *[7] 日曜日
}の{ $time }（{ $zone }）に投稿されます。次回：{ $next }。

season-taken = このサーバーにはすでに `{ $name }` というシーズンがあります。別の名前を指定してください。
season-started = シーズン「{ $name }」を開始しました。シーズンのランキングはゼロからスタートします。通算ランキングは引き続き集計されます。
season-over = シーズン「{ $old }」は終了しました。最終ランキング（{ $players }人）は保存されており、`/quiz leaderboard season { $old }` で確認できます。

ping-set-role = このチャンネルのデイリー問題では、今後そのロールだけをメンションします。`ping off` で解除できます。
ping-set-group = このチャンネルのデイリー問題では、今後そのユーザーグループだけをメンションします。`ping off` で解除できます。
ping-off = このチャンネルのデイリー問題では誰もメンションしません。
threads-off = 今後、このチャンネルのデイリー問題ではスレッドを作成しません。
threads-on-discord = このチャンネルのデイリー問題ごとに議論用のスレッドを作成し、正解発表もそこに投稿します。ボットには「公開スレッドの作成」と「スレッドでメッセージを送信」の権限が必要です。付与されているかは `check` で確認できます。
threads-on = 各デイリー問題の正解発表を、その問題のスレッドにも返信として投稿します。
thread-name = デイリー問題 · { $date }
thread-name-discussion = 今日のディスカッション · { $date }

web-off = このボットは Web ページを提供していません（運用者が `web.listen` を設定していません）。
web-link = このサーバーのランキング、週間チャート、過去の問題：{ $url }
web-link-note = リンクを知っていれば誰でもページを閲覧できます。管理者は `web rotate` でリンクを再発行できます。
web-rotated = 以前のリンクは無効になりました。新しいリンク：{ $url }

## Times, zones, days and close times as typed
# $given: what was typed

not-a-time = `{ $given }` は時刻ではありません。09:30 のように 24 時間表記の HH:MM で指定してください
not-days = `{ $given }` は曜日の指定ではありません。daily、weekdays、weekends、mon-fri のような範囲、または mon,wed,fri のようなリストで指定してください
not-a-duration = `{ $given }` は 2h、90m、1h30m のような時間の長さではありません
not-a-close = `{ $given }` は締め切りの指定ではありません。8h、90m、1h30m のような時間の長さか、`next` を指定してください
close-too-long = `{ $given }` は 1 週間を超えています。次の投稿時に締め切るには `next` を使ってください
close-next = 次の投稿時
# $duration: as typed, 8h or 1h30m
close-after = { $duration }後

## Setting up a channel in one form
setup-title = デイリー問題を設定
setup-time = 時刻（HH:MM、24 時間表記）
setup-time-hint = 09:00
setup-zone = タイムゾーン（地域/都市）
setup-zone-hint = 例：Asia/Tokyo、Europe/Berlin、America/New_York
setup-days = 曜日
setup-days-hint = weekdays、daily、weekends、または mon,wed,fri
setup-categories = カテゴリ
setup-categories-hint = all、または databases, apis などのカテゴリ名
setup-not-saved = まだ何も設定されていません。次の点を修正して、フォームをもう一度送信してください：
schedule-kind = { $kind ->
    [discussion] 毎回ディスカッションの問いを投稿し、スレッドで話し合います。
   *[alternate] クイズとディスカッションの問いを交互に投稿します。
}
