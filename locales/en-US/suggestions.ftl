## Members' suggestions and their review

suggest-title = Suggest a question
suggest-discussion-title = Suggest a discussion question
edit-title = Edit the suggestion
reject-title = Reject the suggestion
form-send = Send
form-cancel = Cancel
form-close = Close
form-done = Quiz
form-failed = The form could not be opened just now; please try the command again.
reason-label = Why (the author sees it)
reason-hint = Optional: for example, already asked last month
not-saved = the suggestion was not saved:
retry-label = Fix and send again
retry-gone = That form is no longer kept; open it again with the command.
suggest-in-server = Suggestions are for a server's own questions: use /quiz suggest in a server.

field-prompt = Question
field-prompt-hint = What players are asked
field-prompt-discussion-hint = An open question with no single right answer
field-options = Choices, one per line
field-options-hint = 3 to 5 choices; or, for a typed answer, the accepted answers
field-notes = What a strong answer covers
field-notes-hint = 2 to 6 points, one per line; shown at the wrap-up
field-answer = Right choice (letter)
field-answer-hint = A to E; leave empty when players type the answer
field-explanation = Explanation
field-explanation-hint = Why the answer is right, shown at the reveal
field-category = Category
field-category-hint = One of the bank's categories, such as databases

suggestion-saved = Thanks: suggestion #{ $id } is waiting for an admin's review. `/quiz suggestions` shows where it stands.
note-head = Note:
more-similar = and { $count ->
    [one] 1 more question
   *[other] { $count } more questions
} with the same answer and a similar prompt
similar-warning = it is close to `{ $id }`, which has the same answer: "{ $prompt }"
review-title = Suggestion #{ $id } by { $author } · { $category } · { $pending } waiting
former-member = a former member
too-many-pending = You have { $max ->
    [one] a suggestion
   *[other] { $max } suggestions
} waiting for review here already; please wait until an admin has looked at { $max ->
    [one] it
   *[other] them
}.
unreadable-suggestion = This suggestion no longer passes the pack rules ({ $why }); it can only be rejected.
nothing-to-review = No suggestions are waiting for review.
no-such-suggestion = There is no suggestion with that number waiting for review in this server.
own-suggestion = You wrote this suggestion, so another admin has to approve it. Nothing was changed.
no-suggestions = You have not suggested a question in this server yet: `/quiz suggest` opens the form.
approved = Approved suggestion #{ $id }: it joins this server's own questions as `{ $slug }`.
rejected = Rejected suggestion #{ $id }; its author can see it in `/quiz suggestions`.
edited = Saved your changes to suggestion #{ $id }.
action-approve = Approve
action-reject = Reject
action-edit = Edit
your-suggestions = Your suggestions in this server:
suggestion-pending = #{ $id } waiting for review: { $title }
suggestion-approved = #{ $id } approved: { $title }
suggestion-rejected = #{ $id } rejected: { $title }
suggestion-rejected-because = #{ $id } rejected: { $title } (reason: { $reason })
note-line = Note: { $note }
field-too-long = is { $len } characters long; at most { $max } are allowed
field-not-a-letter = `{ $given }` is not a letter: give the right choice's letter (A to E), or leave it empty when the lines are the accepted answers to a typed question
# $rule: a pack rule as check-content words it, in English for pack authors
pack-rule = { $rule }
