## A server's web page

page-title = クイズのランキング
page-zone = 日と週の区切りはタイムゾーン { $zone } に基づいています。
page-boards = ランキング
page-board-week = 今週
page-board-month = 今月
page-board-all = 通算
page-streaks = 連続正解
page-week = 直近 7 日間
page-archive = 過去の問題
page-no-archive = 正解が発表された問題はまだありません。
page-question-meta = { $date } · { $category } · 回答{ $answered }人、正解{ $right }人（{ $share }%）
page-answer = 正解：
page-no-answers = まだ回答がありません。
page-no-streaks = 連続正解の記録はまだありません。
page-col-player = プレイヤー
page-col-points = ポイント
page-col-accuracy = 正答率
page-col-days = 連続日数
page-not-found-title = ページが見つかりません
# $command: the command that gives the new link, shown as code
page-not-found = このリンクに対応するクイズのページはありません。リンクが変更された可能性があります。{ $command } で新しいリンクを確認してください。
