"""Makes QuizmasterChartJP-Regular.otf: the glyphs the recap chart can draw
in Japanese, cut from Noto Sans CJK JP (SIL Open Font License 1.1).

DejaVu Sans, the chart's font, has no Japanese. The whole Noto Sans CJK JP
is 16 MB; the chart needs only the characters of the Japanese catalogue
(every message it could draw), the characters of its dates, kana, CJK
punctuation, full-width forms and Latin, about 1,000 glyphs in 120 KB. Run it again after the Japanese
catalogue gains characters (the chart's glyph test says when):

    apt-get download fonts-noto-cjk && dpkg-deb -x fonts-noto-cjk_*.deb noto
    pip install fonttools
    python3 assets/fonts/subset-ja.py noto/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc

The subset is renamed, as the licence asks of a modified font.
"""

import glob
import os
import sys

from fontTools import subset
from fontTools.ttLib import TTFont

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
FAMILY = "Quizmaster Chart JP"
# What dates add in Japanese (chrono's ja_JP names: 月, 火 … and 年, 月, 日).
DATES = "年月日曜火水木金土"
RANGES = [(0x20, 0x7E), (0xA0, 0xFF), (0x2010, 0x2027), (0x2030, 0x205E), (0x3000, 0x30FF), (0xFF00, 0xFFEF)]


def characters():
    chars = set()
    for path in sorted(glob.glob(os.path.join(ROOT, "locales", "ja", "*.ftl"))):
        with open(path, encoding="utf-8") as f:
            chars |= set(f.read())
    chars |= set(DATES)
    for first, last in RANGES:
        chars |= {chr(c) for c in range(first, last + 1)}
    return "".join(sorted(c for c in chars if c.isprintable()))


def main(source):
    font = TTFont(source, fontNumber=0)
    options = subset.Options()
    options.layout_features = []
    options.hinting = False
    options.name_IDs = ["*"]
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=characters())
    subsetter.subset(font)
    for record in font["name"].names:
        if record.nameID in (1, 4, 16):
            record.string = FAMILY
        elif record.nameID in (3, 6):
            record.string = FAMILY.replace(" ", "") + "-Regular"
    font.save(os.path.join(HERE, "QuizmasterChartJP-Regular.otf"))


if __name__ == "__main__":
    main(sys.argv[1])
