# Quizmaster's words in Japanese.
#
# Every message is one id with a value (no attributes). Variables given by
# the code are named in the comment above a message where it is not obvious.
# Every message may also read $admin: how this platform's users type an
# admin command ("/quiz admin" or, on Discord, "/quizadmin").

## Questions, answers and reveals

question-daily = 今日の問題
question-practice = 練習問題
# $last: the last choice's letter
how-to-answer-text = /quiz answer <答え> で回答してください
how-to-answer-letters = /quiz answer <A-{ $last }> で回答してください
how-to-answer-buttons = ボタンか /quiz answer <A-{ $last }> で回答してください
closes-at = 締め切り：{ $at }
suggested-by = 提案者：{ $name }
suggested-by-edited = 提案者：{ $name }（編集：{ $editor }）
edited-by = 編集：{ $editor }
# $level: easy, medium or hard, as the bank marks the question
difficulty = { $level ->
    [easy] 初級
    [medium] 中級
   *[hard] 上級
}

verdict-correct = 正解です！
verdict-wrong = 残念、不正解です。
verdict-recorded = 回答を記録しました。
verdict-daily = { $head } 今日の問題（{ $title }）に「{ $answer }」と回答しました。
verdict-practice = { $head } 練習問題（{ $title }）に「{ $answer }」と回答しました。
answer-is = 正解：{ $answer }
revealed-when-closed = 正解と結果は、問題の締め切り後に発表されます。
revealed-at = 正解と結果は、問題が締め切られる{ $at }に発表されます。

reveal-head = 今日の問題：正解発表
# $share: the percentage right, 0 to 100
reveal-tally = { $answered }人が回答、{ $correct }人が正解（{ $share }%）。
reveal-first = 最初の正解者：{ $name }。

## The channel's archive

archive-empty = このチャンネルで正解が発表された問題はまだありません。
archive-head = このチャンネルで最近正解が発表された{ $count }問：
# $title: the question's first words; $answer: its right answer
archive-item = { $date }：{ $title } 正解：{ $answer }（{ $answered }人中{ $right }人が正解）

## Refusals while answering

empty-bank = 問題バンクが空です。
not-this-channel = その問題はこのチャンネルのものではありません。
not-your-practice = その練習問題は他の人のものです。/quiz で自分の練習問題を始めてください。
nothing-open = 回答できる問題が出題されていません。/quiz で練習問題に挑戦できます。
practice-closed = その練習問題にはもう回答できません。/quiz で次の問題に挑戦できます。
already-answered-daily = 今日の問題には「{ $first }」と回答済みです。最初の回答のみ有効です。/quiz で練習問題に挑戦できます。
already-answered = 今日の問題（{ $title }）には「{ $first }」と回答済みです。最初の回答のみ有効です。
already-answered-practice = その練習問題（{ $title }）には「{ $first }」と回答済みです。最初の回答のみ有効です。/quiz で次の問題に挑戦できます。
# $date: the question's local date, 2026-11-26
question-closed = この問題は締め切られています。{ $date }のデイリー問題は正解発表済みです。
answer-empty = 回答が空です。何も記録されていません。
discussion-not-graded = ディスカッションの問いには正解がなく、採点もされません。スレッドで意見を聞かせてください。何も記録されていません。
# $problem: what is wrong with the letter; $title: the question's first words
answer-needs-letter = { $problem } この問題（{ $title }）は選択肢の文字で答える問題です。何も記録されていません。
answer-not-a-letter = A〜{ $last } の文字で選んでください。
answer-out-of-range = 選択肢 { $given } はありません。A〜{ $last } から選んでください。
no-category = `{ $given }` というカテゴリはありません。カテゴリ一覧：{ $known }。
no-category-hint = `{ $given }` というカテゴリはありません。`{ $hint }` のことですか？カテゴリ一覧：{ $known }。

## Boards, stats and streaks

board-title-daily = ランキング · { $period } · { $sort }
board-title-practice = 練習ランキング · { $period }
period-week = 今週
period-month = 今月
period-all = 通算
sort-points = ポイント
sort-streak = 連続正解
sort-accuracy = 正答率
board-empty-daily = この期間の回答はまだありません。練習のスコアは /quiz leaderboard practice で確認できます。
board-empty = この期間の回答はまだありません。
board-you = （あなた）
points = { $points } pt
figure-practice = { $answered }問中{ $correct }問正解
figure-streak = { $days }日連続
figure-accuracy = { $share }%（{ $correct }/{ $answered }）
season-title-current = シーズン { $name } · 現在のポイント
season-title-final = シーズン { $name } · 最終ランキング
no-season-answers = このシーズンで正解発表済みの回答はまだありません。
no-season-running = 開催中のシーズンはありません。管理者が `{ $admin } season start <name>` で開始できます。シーズン一覧：{ $known }。
no-season-called = このサーバーに `{ $name }` というシーズンはありません。シーズン一覧：{ $known }。
seasons-none-yet = まだありません
no-player = { $name } という名前のプレイヤーは、まだここでプレイしていません。

stats-title = { $name } の成績
stats-daily = デイリー問題の回答
stats-daily-figure = { $answered }問（正解{ $correct }問、{ $share }%）
stats-points = ポイント
stats-points-figure = { $points }
stats-streak = 連続正解
stats-streak-figure = { $current }日（最高{ $best }日、フリーズ{ $freezes }個）
stats-practice = 練習
stats-practice-figure = { $answered }問回答、{ $correct }問正解（{ $share }%）
stats-learned = 習得済み
# $days: the window, 30
stats-retention = 定着率（直近{ $days }日）
learned = 出題された{ $seen }問のうち{ $learned }問（学習ステップ修了）
retention = { $share }%（{ $all }回中{ $right }回正解）
retention-none = まだ回答がありません
streak-head = あなたの連続正解：
streak-line = { $head } 現在{ $current }日連続（最高{ $best }日）、フリーズを{ $freezes }個保有しています。

## Practice cards

review-none = 練習カードはまだありません。/quiz で問題が出題されます。練習でもデイリー問題でも、回答した問題は復習のスケジュールに追加されます。
review-outlook = 復習キューに{ $cards }枚のカードがあります。今すぐ復習：{ $due_now }枚、今日この後：{ $later_today }枚。
review-next = 次の復習：{ $at }。
review-start = /quiz で、期限を最も過ぎているカードから始めます。

## The weekly recap

recap-title = 週間まとめ · { $first }〜{ $last }
recap-tally = { $questions }問に{ $answered }件の回答、正解{ $right }件（{ $share }%）。
recap-top = トップ5：{ $rows }
recap-top-row = { $rank }. { $name }（{ $figure }）
recap-streak = 最長の連続正解：{ $name }（{ $days }日連続）。
recap-hardest = 最難問：{ $prompt }（{ $answered }人中{ $right }人が正解、{ $share }%）。
chart-per-day = 日別の回答数
chart-answers-axis = 回答数
chart-answered = 回答
chart-right = 正解
chart-per-category = カテゴリ別の正答率
chart-percent-axis = 正答率（%）
chart-nothing = 今週はまだ正解が発表された問題がありません
chart-day = { $day }：回答{ $answered }件、正解{ $right }件
chart-alt = 今週の日別回答数（{ $days }）とカテゴリ別正答率を示す棒グラフ。
chart-saved = チャート：{ $path }
question-discussion = 今日のディスカッション
how-to-discuss = この問いに正解はありません。スレッドか /quiz answer <あなたの考え> で意見を聞かせてください
discussion-head = 今日のディスカッション：まとめ
discussion-took-part = { $count ->
    [0] 今回は参加者がいませんでした。
   *[other] { $count }人が参加しました。
}
discussion-notes = 良い回答で押さえたいポイント：
took-part = 参加ありがとうございます。{ $count ->
    [1] あなたが最初の参加者です。
   *[other] これまでに{ $count }人が参加しています。
}ディスカッションは採点されません。続きはスレッドでどうぞ。
already-took-part = 今日のディスカッションにはすでに参加済みです。追加の意見はスレッドへどうぞ。
stats-discussions = ディスカッション
stats-discussions-figure = { $joined }回参加（連続{ $streak }回）
