"""The cloze builder: which stretches of a line a cloze card hides, and how they are numbered.

    lexicon = Lexicon.from_texts(every_title_and_line_of_the_course)
    text, user = extract_user_blanks(line)
    blanks = plan_blanks(text, context=[title], lexicon=lexicon, settings=ClozeSettings(),
                         user_blanks=user)
    cloze_text(text, blanks)  # "Death of {{c1::Stalin}} in {{c2::1953}}"

Detection blanks dates (``dates``) and names, events, treaties and key terms (``names``), using
a bundled list of common English words and what the whole course says about its words. Every
function here is pure; the word lists are read once, from the package.

The modules, in the order a line meets them: ``planning`` (settings, ``find_blanks``,
``plan_blanks``) asks ``dates``, ``quotes`` and ``names`` for candidates; ``names`` reads runs of
capitalised words and has ``runs`` analyse each, word by word through ``classes``, and adds
``numbered`` names ("Article 48"); ``edges`` settles where a name's blank ends (an ion's charge,
an adjective's noun, two terms side by side); ``lexicon`` learns the course, with ``technical`` telling terms
from typos; ``words`` holds the word lists, ``tokens`` small readers of a line, and ``markup``
the cloze syntax a user writes and the builder writes out.
"""

from __future__ import annotations

from .lexicon import Lexicon
from .markup import cloze_text, extract_user_blanks
from .planning import ClozeSettings, Detector, find_blanks, plan_blanks

__all__ = [
    "ClozeSettings",
    "Detector",
    "Lexicon",
    "cloze_text",
    "extract_user_blanks",
    "find_blanks",
    "plan_blanks",
]
