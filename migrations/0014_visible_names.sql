-- Members' names lose the characters that change how the text around
-- them reads without showing anything themselves (bidirectional controls,
-- zero-width space, word joiner, byte-order mark): names already stored get
-- the rule new names get as they come in. A name left empty shows the id.
UPDATE users SET display_name = replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(display_name, char(1564), ''), char(8203), ''), char(8206), ''), char(8207), ''), char(8234), ''), char(8235), ''), char(8236), ''), char(8237), ''), char(8238), ''), char(8288), ''), char(8289), ''), char(8290), ''), char(8291), ''), char(8292), ''), char(8294), ''), char(8295), ''), char(8296), ''), char(8297), ''), char(65279), '');
UPDATE users SET display_name = external_id WHERE trim(display_name) = '';
