# Quizmaster's words in American English, the source language.
#
# Every message is one id with a value (no attributes). Variables given by
# the code are named in the comment above a message where it is not obvious.
# Every message may also read $admin: how this platform's users type an
# admin command ("/quiz admin" or, on Discord, "/quizadmin").

## Questions, answers and reveals

question-daily = Question of the day
question-practice = Practice question
# $last: the last choice's letter
how-to-answer-text = Answer with /quiz answer <your answer>
how-to-answer-letters = Answer with /quiz answer <A-{ $last }>
how-to-answer-buttons = Answer with a button or /quiz answer <A-{ $last }>
closes-at = closes { $at }
suggested-by = Suggested by { $name }.
suggested-by-edited = Suggested by { $name }, edited by { $editor }.
edited-by = Edited by { $editor }.
# $level: easy, medium or hard, as the bank marks the question
difficulty = { $level ->
    [easy] easy
    [medium] medium
   *[hard] hard
}

verdict-correct = Correct!
verdict-wrong = Not quite.
verdict-recorded = Answer recorded.
verdict-daily = { $head } You answered { $answer } to today's question ({ $title }).
verdict-practice = { $head } You answered { $answer } to your practice question ({ $title }).
answer-is = Answer: { $answer }
revealed-when-closed = The answer and the results are revealed when the question closes.
revealed-at = The answer and the results are revealed when the question closes ({ $at }).

reveal-head = Question of the day: the answer
# $share: the percentage right, 0 to 100
reveal-tally = { $answered } answered, { $correct } correct ({ $share }%).
reveal-first = First correct: { $name }.

## The channel's archive

archive-empty = No question has been revealed in this channel yet.
archive-head = { $count ->
    [one] The last question revealed in this channel:
   *[other] The last { $count } questions revealed in this channel:
}
# $title: the question's first words; $answer: its right answer
archive-item = { $date }: { $title } Answer: { $answer } ({ $right } of { $answered } right)

## Refusals while answering

empty-bank = The question bank is empty.
not-this-channel = That question is not one of this channel's.
not-your-practice = That practice question belongs to someone else; start your own with /quiz.
nothing-open = There is no open question to answer. Type /quiz for a practice question.
practice-closed = That practice question can no longer be answered. Type /quiz for another.
already-answered-daily = You already answered today's question with { $first }; the first answer is final. Type /quiz for a practice question.
already-answered = You already answered today's question ({ $title }) with { $first }; the first answer is final.
already-answered-practice = You already answered that practice question ({ $title }) with { $first }; the first answer is final. Type /quiz for another.
# $date: the question's local date, 2026-11-26
question-closed = This question is closed: the daily question of { $date } has been revealed.
answer-empty = Your answer is empty. Nothing was recorded.
discussion-not-graded = A discussion question has no right answer to grade: share your take in its thread. Nothing was recorded.
# $problem: what is wrong with the letter; $title: the question's first words
answer-needs-letter = { $problem } This question ({ $title }) takes a letter. Nothing was recorded.
answer-not-a-letter = Choose a letter A-{ $last }.
answer-out-of-range = There is no choice { $given }: choose A-{ $last }.
no-category = There is no category `{ $given }`. Categories: { $known }.
no-category-hint = There is no category `{ $given }`. Did you mean `{ $hint }`? Categories: { $known }.

## Boards, stats and streaks

board-title-daily = Leaderboard · { $period } · { $sort }
board-title-practice = Practice board · { $period }
period-week = this week
period-month = this month
period-all = all time
sort-points = points
sort-streak = streak
sort-accuracy = accuracy
board-empty-daily = No answers yet in this period. Practice scores are on /quiz leaderboard practice.
board-empty = No answers yet in this period.
board-you = (you)
points = { $points } pts
figure-practice = { $correct } correct of { $answered }
figure-streak = { $days } in a row
figure-accuracy = { $share }% ({ $correct }/{ $answered })
season-title-current = Season { $name } · points so far
season-title-final = Season { $name } · final board
no-season-answers = No revealed answers in this season yet.
no-season-running = No season is running. An admin starts one with `{ $admin } season start <name>`. Seasons: { $known }.
no-season-called = There is no season `{ $name }` in this server. Seasons: { $known }.
seasons-none-yet = none yet
no-player = No player called { $name } has played here yet.

stats-title = Stats for { $name }
stats-daily = Daily answers
stats-daily-figure = { $answered } ({ $correct } correct, { $share }%)
stats-points = Points
stats-points-figure = { $points }
stats-streak = Streak
stats-streak-figure = { $current } (best { $best }, { $freezes ->
    [one] 1 freeze
   *[other] { $freezes } freezes
})
stats-practice = Practice
stats-practice-figure = { $answered } answered, { $correct } correct ({ $share }%)
stats-learned = Learned
# $days: the window, 30
stats-retention = Retention, last { $days } days
learned = { $learned } of { $seen ->
    [one] the 1 question
   *[other] the { $seen } questions
} seen (past the learning steps)
retention = { $share }% ({ $right } of { $all } answers right)
retention-none = no answers yet
streak-head = Your streak:
streak-line = { $head } { $current } in a row (best { $best }), { $freezes ->
    [one] 1 freeze
   *[other] { $freezes } freezes
} held.

## Practice cards

review-none = No practice cards yet. /quiz gives you a question; every answer you give, in practice or to a daily question, schedules that question for review.
review-outlook = { $cards ->
    [one] 1 card
   *[other] { $cards } cards
} in your review queue. Due now: { $due_now }. Later today: { $later_today }.
review-next = Next due: { $at }.
review-start = /quiz starts with the most overdue one.

## The weekly recap

recap-title = Weekly recap · { $first } – { $last }
recap-tally = { $answered } answers to { $questions ->
    [one] 1 question
   *[other] { $questions } questions
}, { $right } right ({ $share }%).
recap-top = Top five: { $rows }
recap-top-row = { $rank }. { $name } ({ $figure })
recap-streak = Longest streak: { $name }, { $days } in a row.
recap-hardest = Hardest question: { $prompt } ({ $right } of { $answered } right, { $share }%).
chart-per-day = Answers per day
chart-answers-axis = answers
chart-answered = answered
chart-right = right
chart-per-category = Share right by category
chart-percent-axis = % right
chart-nothing = No revealed questions this week yet
chart-day = { $day }: { $answered } answered, { $right } right
chart-alt = Bar chart of the week's answers per day ({ $days }) and the share right by category.
chart-saved = Chart: { $path }
question-discussion = Discussion of the day
how-to-discuss = No right answer here: share your take in the thread, or with /quiz answer <your take>
discussion-head = Discussion of the day: wrap-up
discussion-took-part = { $count ->
    [0] Nobody took part this time.
    [one] One person took part.
   *[other] { $count } people took part.
}
discussion-notes = What a strong answer covers:
took-part = Thanks for joining in: { $count ->
    [one] you're the first to take part.
   *[other] { $count } people have taken part so far.
} Discussions are never graded; keep talking in the thread.
already-took-part = You've already taken part in today's discussion. Add more in its thread.
stats-discussions = Discussions
stats-discussions-figure = { $joined } joined (streak { $streak })
