## A server's web page

page-title = Quiz boards
page-zone = Days and weeks in { $zone }.
page-boards = Leaderboards
page-board-week = This week
page-board-month = This month
page-board-all = All time
page-streaks = Streaks
page-week = The last seven days
page-archive = Past questions
page-no-archive = No question has been revealed yet.
page-question-meta = { $date } · { $category } · { $answered } answered, { $right } right ({ $share }%)
page-answer = Answer:
page-no-answers = No answers yet.
page-no-streaks = No streaks yet.
page-col-player = Player
page-col-points = Points
page-col-accuracy = Accuracy
page-col-days = Days in a row
page-not-found-title = Not found
# $command: the command that gives the new link, shown as code
page-not-found = This link does not lead to a quiz page. It may have been replaced: ask for the new one with { $command }.
