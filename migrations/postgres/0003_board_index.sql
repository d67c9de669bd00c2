-- PostgreSQL counterpart of migrations/0003_board_index.sql.

-- Boards aggregate a period's answers: a covering index in time order lets
-- them read just that range, without visiting the table.
CREATE INDEX answers_time_cover ON answers (answered_at, post_id, user_id, points, correct);
DROP INDEX answers_time;
