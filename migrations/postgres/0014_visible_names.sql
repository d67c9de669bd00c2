-- PostgreSQL counterpart of migrations/0014_visible_names.sql.

-- Members' names lose the characters that change how the text around
-- them reads without showing anything themselves (bidirectional controls,
-- zero-width space, word joiner, byte-order mark): names already stored get
-- the rule new names get as they come in. A name left empty shows the id.
-- (SQLite's char(n) is chr(n) here: the character with that code point, which
-- needs the database's encoding to be UTF8. trim() with no characters given
-- strips spaces only, in both databases.)
UPDATE users SET display_name = replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(display_name, chr(1564), ''), chr(8203), ''), chr(8206), ''), chr(8207), ''), chr(8234), ''), chr(8235), ''), chr(8236), ''), chr(8237), ''), chr(8238), ''), chr(8288), ''), chr(8289), ''), chr(8290), ''), chr(8291), ''), chr(8292), ''), chr(8294), ''), chr(8295), ''), chr(8296), ''), chr(8297), ''), chr(65279), '');
UPDATE users SET display_name = external_id WHERE trim(display_name) = '';
