"""Dates in the forms people write them, each whole expression one span.

Every date holds a number, so the search starts at numbers (which keeps it fast on the many lines
without one) and grows each number into a *point*: "28th June 1956" and "1955 May" to the right,
"June 1957", "Oct 22nd, 1956", "late 1950s", "c. 1800" and "Spring 1968" to the left. Points joined
by a dash, or by "to" unless both are bare years, then merge into one range ("1894 - 1971",
"Aug–Nov 1923"; "from 1983 to 2018" stays two years, as two dates joined by words), and a bare month
joins a point the same way ("June - October 1956", "1956 June - Oct"). A bare month on its own is
a date only after a word that introduces one ("murdered in June", "by March"): "May" is as
likely a verb, and "the March on Washington" a name.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .tokens import number_starts
from .words import PROPER_NAMES, STOPWORDS, is_common

_MONTH = (
    r"(?:[Jj]an(?:uary)?|[Ff]eb(?:ruary)?|[Mm]ar(?:ch)?|[Aa]pr(?:il)?|May|[Jj]une?|[Jj]uly?"
    r"|[Aa]ug(?:ust)?|[Ss]ep(?:t(?:ember)?)?|[Oo]ct(?:ober)?|[Nn]ov(?:ember)?|[Dd]ec(?:ember)?)"
    r"(?:\.|(?![\w'’]))"
)
_ERA = r"(?:\s?(?:BC|BCE|AD|CE)\b)"
# Plausible years only (1000-2099), not a quantity: "1500m", "1200°C", "15%" are none.
_YEAR = r"(?:1\d{3}|20\d{2})(?![0-9A-Za-z×]|[.,]\d|\s?[%°])"  # "~1800× the proton's mass" multiplies
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d)"
_DAYS = rf"{_DAY}(?:\s?[/&\-–]\s?{_DAY})?"  # "8/9th", "24-26"
_MODIFIER = r"(?<![\w])(?:[Ee]arly|[Mm]id|[Ll]ate)[\s\-–]+"
_SEASON = r"(?:[Ss]pring|[Ss]ummer|[Aa]utumn|[Ww]inter)"
_DASH = r"\s?[\-–—]\s?"
# The end of the century, a date only after a word that says when: "sea level up 1 m by 2100".
_CENTURY_YEAR = r"(?:(?<=[Bb]y )|(?<=[Ii]n )|(?<=[Uu]ntil )|(?<=[Tt]o ))2100(?![0-9A-Za-z]|[.,]\d|\s?[%°]|\s?BCE?\b)"
_BP_YEARS = r"(?:\d{1,3},\d{3}|\d{4,6})"
_BC_YEAR = r"\d{1,4}\s?BCE?\b"  # "15 March 44 BC"
# "may" in small letters is a month only before a year: "23 may 1618", "may 1848"; not "it may".
_SMALL_MAY = rf"may(?=,?\s(?:{_BC_YEAR}|{_YEAR}))"

# A point as it starts at its first digit (or the apostrophe of "'60s").
_NUMBER_POINT = re.compile(
    "|".join(
        [
            r"(?P<numeric>\d{1,2}[/.]\d{1,2}[/.](?:1\d{3}|20\d{2}|\d{2})(?![\d/.]\d)"
            r"|(?:1\d{3}|20\d{2})-[01]\d-[0-3]\d(?!\d))",
            rf"(?P<daymonth>{_DAYS}\s(?:of\s)?(?:{_MONTH}|{_SMALL_MAY})(?:,?\s(?:{_BC_YEAR}|{_YEAR}))?)",
            rf"(?P<yearmonth>{_YEAR}\s{_MONTH}(?:\s{_DAYS}(?!\s?[A-Za-z]{{2,}}))?)",
            # "19th century", "17th - 19th century", "14th-16th centuries"
            rf"(?P<century>\d{{1,2}}(?:st|nd|rd|th)(?:\s?[\-–]\s?\d{{1,2}}(?:st|nd|rd|th)[\s\-]centur(?:y|ies)"
            rf"|[\s\-]century|\s(?:C\b|c\.|cent\.)){_ERA}?)",
            # "1970s-80s": a range of decades is one date
            r"(?P<decade>(?:1\d{2}0|20\d0)['’]?s(?:[\-–]['’]?\d0s)?\b|['’]\d0s\b)",
            # "1914-18"; "1868-9", checked to end after it starts; "1979/80", a year that runs into the next
            rf"(?P<shortrange>{_YEAR}(?:{_DASH}\d{{2}}|[\-–]\d|/(?:\d{{2}}|1\d{{3}}|20\d{{2}}))(?!\d|[.,]\d))",
            # "c. 460 – c. 370 BC"; "AD 129–216", not "AD 15–20%" (autosomal dominant)
            rf"(?P<year>{_YEAR}{_ERA}?|{_CENTURY_YEAR}|\d{{1,4}}(?:{_DASH}(?:c\.\s?)?\d{{1,4}})?\s?BCE?\b"
            rf"|(?<=\bAD\s)\d{{1,4}}(?:{_DASH}\d{{1,4}})?(?!\d|[.,]\d|\s?%|\s(?:in|of)\s\d|{_DASH}\d)"
            rf"|{_BP_YEARS}(?:{_DASH}{_BP_YEARS})?\s?BP\b"  # years before present: "18,000 BP", "12,900-11,700 BP"
            rf"|\d{{1,4}}(?:\.\d{{1,2}})?(?:{_DASH}\d{{1,4}}(?:\.\d{{1,2}})?)?\s?(?:mya|Mya|MYA|bya)\b)",  # "5-7 mya"
            rf"(?P<day>{_DAYS}(?:,?\s{_YEAR})?)",  # a date only after a month: "Oct 22nd, 1956"
            r"(?P<shortyear>['’]\d{2}(?![\d'’]|s\b))",  # a date only after a month: "Oct '62"
        ]
    )
)
_NOT_BEFORE = frozenset("£$€¥#.,/+÷×")
_WORD_BEFORE_STOPS = frozenset(" \t([{\"'‘“")
_MONTH_WORD = re.compile(rf"(?:(?:[Ee]arly|[Mm]id|[Ll]ate)[\-–]|{_MONTH}[\-–])?{_MONTH},?")
_BARE_MONTH_AFTER = re.compile(rf"{_DASH}{_MONTH}")
_RANGE_GAP = re.compile(rf"{_DASH}|\s(?:to|until|till)\s|\s?[\-–—]{{2}}\s?")
_RANGE_WORDS = (" - ", " – ", " — ", "-", "–", "—", " to ", " until ")
_MONTH_NAME = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|March|Apr(?:il)?|May|June|July|Aug(?:ust)?|Sept?(?:ember)?"
    r"|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
# A character class first lets the regex engine skip to capitals quickly.
_ANY_MONTH = re.compile(r"[JFMASOND](?:an|eb|ar|pr|ay|un|ul|ug|ep|ct|ov|ec)")
_INTRO = r"[Ii]n|[Bb]y|[Ss]ince|[Ff]rom|[Uu]ntil|[Tt]ill|[Dd]uring|[Bb]efore|[Aa]fter|[Ee]nd of|[Ss]tart of"
_EARLY_LATE = r"(?:[Ee]arly|[Mm]id|[Ll]ate)[ \-]"
_MONTH_END = r"(?![\w'’\-–]| ?\d| of\b| [A-Z])"  # not "in Jan Smuts's cabinet", nor "June 1956"
_NEXT_MONTH_PATTERN = rf"(?: ?[\-–] ?| to | until | till )(?P<next>(?:{_EARLY_LATE})?{_MONTH_NAME}){_MONTH_END}"
_LONE_MONTH = re.compile(
    rf"(?<![\w\-])(?:(?:{_INTRO}) (?P<month>(?:{_EARLY_LATE})?{_MONTH_NAME})"
    rf"|(?P<modified>{_EARLY_LATE}{_MONTH_NAME})"
    rf"|(?P<paired>{_MONTH_NAME})(?={_NEXT_MONTH_PATTERN}))"  # "Feb - Oct", "Feb to Oct"
    rf"{_MONTH_END}"
)
# A second month after a lone one, joined as a range or by a word: "in June - August", "from Feb to
# Oct", "Feb to Oct"; ``_merge_ranges`` makes one range of the dash and two dates of the word.
_NEXT_MONTH = re.compile(_NEXT_MONTH_PATTERN)
_WORD_CENTURY = re.compile(
    r"(?<![\w])(?:(?:[Ee]arly|[Mm]id|[Ll]ate)[\s\-–]+)?(?:first|second|third|fourth|fifth|sixth"
    r"|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth"
    r"|seventeenth|eighteenth|nineteenth|twentieth|twenty-first)[\s\-]century\b",
    re.IGNORECASE,
)

_WITH_MONTH = frozenset({"year", "day", "shortrange", "shortyear"})
_WITH_MODIFIER = frozenset({"year", "decade", "century"})
_MODIFIERS = frozenset({"early", "mid", "late"})
_LATER = frozenset({"earlier", "later"})
_WITH_PERIOD = frozenset({"decade", "century"})
_CIRCA = frozenset({"c.", "ca.", "circa"})
_AFTER_CIRCA = frozenset({"year", "decade", "shortrange"})
_CIRCA_JOINED = re.compile(r"(?<![\w.])[Cc]a?\.$")  # "c.1532": no space after the point
_NAMED_DAYS = frozenset({"Day", "Eve"})
_FEASTS = frozenset({"Christmas", "Easter", "Whitsun", "Michaelmas", "Candlemas", "Lammas", "Hogmanay"})
_ERAS_BEFORE = frozenset({"AD", "CE"})
_SEASONS = frozenset({"spring", "summer", "autumn", "winter"})
_DATE_BEFORE = frozenset("in by since from until till during before after of between and c. year".split())
_LISTED_YEAR = re.compile(r"(?<![\d.,])(?:1\d{3}|20\d{2}),? $")  # a year just before the "+"
_ROUGHLY = frozenset("about around roughly approximately nearly".split())
_QUANTITY_BEFORE = frozenset(
    """about around over under nearly almost approximately roughly some than only just max min
    total killing lost + = × ÷ * < > ≤ ≥ ~ ≈""".split()
)
# A unit per another: "IU/L", "mg/day", "mmol/mol"; not "w/", "b/c" nor bodies ("EULAR/ACR").
_UNIT_PER = re.compile(r"(?![wbc]/|[A-Z]{3})[A-Za-zµ°]{1,8}/[A-Za-zµ0-9.]{1,8}(?:/[A-Za-zµ0-9.]{1,8})?[,;)]?")
_POWER = re.compile(r"(?:-[123]|⁻?[¹²³])$")  # the power a unit is raised to: "cm-1", "m³"
_RANGE_TAIL = re.compile(r"\s?[-–]\s?\d{1,4}(?![\d.,])")
# Units that measure: after a range of numbers they make it no range of years, where a count
# does not ("1939-45 deaths").
_MEASURES = frozenset(
    """km miles metres meters feet kg tonnes tons mg mcg ug µg mmol IU ml mL g m cm mm nm dm degrees
    kelvin kj kJ MJ mol moles litres liters ppm mph rpm hz Hz kHz MHz volts watts kcal calories J W kW
    MW GW kV mA Pa kPa Wh kWh""".split()
)
# What a number before it counts or measures: "over 1500 troops", "2000 mg", "1800 J".
_UNITS_AFTER = _MEASURES | frozenset(
    """people men women children troops soldiers tanks aircraft planes ships deaths casualties
    votes seats members prisoners refugees pounds dollars marks units copies words pages years days
    hours minutes times million billion thousand bn""".split()
)

Point = tuple[int, int, str]  # start, end, form


def find_dates(text: str, numbers: Sequence[int] | None = None) -> list[tuple[int, int, bool]]:
    """Spans of the dates in ``text`` as ``(start, end, is_year)``; ``is_year`` for bare years.

    ``numbers`` are where the numbers of the text start (``number_starts``), if known.
    """
    if numbers is None:
        numbers = number_starts(text)
    months = _lone_months(text)
    if not numbers and not months and "entury" not in text:
        return []  # most lines: no number, no "nineteenth century", no "in June"
    points = [point for point in _points(text, numbers) if point[2] != "day"] if numbers else []
    if "entury" in text:
        points = sorted(points + [(*m.span(), "century") for m in _WORD_CENTURY.finditer(text)])
    if months:
        points = sorted(points + [m for m in months if not any(p[0] < m[1] and m[0] < p[1] for p in points)])
    return [(start, end, form == "year") for start, end, form in _merge_ranges(text, points)]


def _lone_months(text: str) -> list[Point]:
    """Months named with no number: after a word that introduces a date ("in June", "late May"),
    or beside another month ("Feb - Oct" one range, "from Feb to Oct" two dates)."""
    if _ANY_MONTH.search(text) is None:
        return []  # most lines name no month: one quick scan instead of the full pattern
    out: list[Point] = []
    for m in _LONE_MONTH.finditer(text):
        group = "month" if m.group("month") else "modified" if m.group("modified") else "paired"
        out.append((*m.span(group), "month"))
        after = _NEXT_MONTH.match(text, m.end())  # "from Feb to Oct", "late June - July"
        if after is not None:
            out.append((*after.span("next"), "month"))
    return out


def _points(text: str, numbers: Sequence[int]) -> list[Point]:
    out: list[Point] = []
    pos = 0
    for start in numbers:
        circa = None
        if start < pos or (
            start and text[start - 1] in _NOT_BEFORE and not (circa := _CIRCA_JOINED.search(text, 0, start))
        ):
            continue
        if start > 1 and text[start - 1] == ":" and text[start - 2].isdigit():
            continue  # a ratio: "1:1000"
        if start > 1 and text[start - 1] == "*" and text[start - 2].isalnum():
            continue  # an allele or a product: "HLA-B*1502", "2*1500"; not "**1914**"
        match = _NUMBER_POINT.match(text, start)
        if match is None:
            continue
        end, form = match.end(), match.lastgroup or "year"
        if form == "shortrange" and not text[end - 2].isdigit() and text[end - 1] <= text[start + 3]:
            end, form = start + 4, "year"  # "BS 1363-1": a part of a standard, not years that run back
        pos = end
        if circa is not None:
            if form not in _AFTER_CIRCA:
                continue
            start = circa.start()  # "c.1532-90"
        grown, grown_form = _grow_left(text, start, form)
        if not out or grown >= out[-1][1]:  # "26 Oct 1st letter": the month is the day's before
            start, form = grown, grown_form
        if form in ("day", "shortyear"):
            pos = start + 1  # no month before it: "Apollo 15, 1971" still holds the year
            continue
        if form == "year" and _is_count(text, start, end):
            continue
        out.append((start, end, form))
    return out


def _word_before(text: str, end: int) -> tuple[str, int]:
    """The word that ends at ``end`` and where it starts (after a space or an opening bracket)."""
    start = end
    while start > 0 and text[start - 1] not in _WORD_BEFORE_STOPS:
        start -= 1
    return text[start:end], start


def _grow_left(text: str, start: int, form: str) -> tuple[int, str]:
    """Take in a month, "late", "c." or a season written before the number ("winter 2013–14")."""
    if start < 2:
        return start, form
    gap = text[start - 1]
    if gap in "-–" and form in _WITH_MODIFIER:  # "mid-1950s"
        word, at = _word_before(text, start - 1)
        return (at, "date" if form == "year" else form) if word.lower() in _MODIFIERS else (start, form)
    if gap != " ":
        return start, form
    word, at = _word_before(text, start - 1)
    dash = max(word.rfind("-"), word.rfind("–"))
    if dash > 0 and word[dash - 1].isdigit() and form in _WITH_MONTH and _MONTH_WORD.fullmatch(word, dash + 1):
        word, at = word[dash + 1 :], at + dash + 1  # "Dec 1936-Feb 1937": the month that ends a range
    if form in _WITH_MONTH and (_MONTH_WORD.fullmatch(word) or (word == "may" and form == "year")):
        given = _word_before(text, at - 1)[0] if at > 1 else ""
        if word == "May," and given.istitle() and given.lower() in PROPER_NAMES:
            return start, form  # a surname after a given name, then the year: "(Theresa May, 2012)"
        return _bare_month_before(text, _modifier_before(text, at)), "monthdate"
    lower = word.lower()
    if lower in _MODIFIERS and form in _WITH_MODIFIER:
        return at, "date" if form == "year" else form
    if lower in _LATER and form in _WITH_PERIOD:
        return at, form  # "the later 18th century", "the earlier 1930s"
    if lower in _CIRCA and form in _AFTER_CIRCA:
        return at, form
    if word in _ERAS_BEFORE and form == "year":
        return _grow_left(text, at, form)  # "AD 79", "c. AD 30"
    if word in _FEASTS and form == "year":
        return at, "date"  # "Christmas 1085", "Easter 1916"
    if word in _NAMED_DAYS and form == "year" and at > 1 and text[at - 1] == " ":
        name, begin = _word_before(text, at - 1)
        if name[:1].isupper() and name.isalpha() and name.lower() not in STOPWORDS:
            return begin, "date"  # a named day and its year: "Christmas Day 1914", not "Q::Christmas"
    if lower in _SEASONS and form in ("year", "shortrange") and not _ends_name(text, at, word):
        return at, form
    return start, form


def _ends_name(text: str, at: int, word: str) -> bool:
    """Whether a capitalised season ends a name ("Freedom Summer 1964", "Prague Spring 1968")."""
    if not word[0].isupper() or at < 2 or text[at - 1] != " ":
        return False
    before = _word_before(text, at - 1)[0]
    # "Freedom Summer 1964", but not "Invasion of Poland, Autumn 1939"
    return before[:1].isupper() and before[-1:].isalpha() and before.lower() not in _DATE_BEFORE


def _modifier_before(text: str, at: int) -> int:
    if at > 1 and text[at - 1] == " ":
        word, start = _word_before(text, at - 1)
        if word.lower() in _MODIFIERS:
            return start
    return at


def _bare_month_before(text: str, at: int) -> int:
    """Where a range starting with a bare month starts ("June - October 1956")."""
    for dash in _RANGE_WORDS:
        if text.endswith(dash, 0, at):
            word, start = _word_before(text, at - len(dash))
            if _MONTH_WORD.fullmatch(word) and word[-1] != ",":
                return _modifier_before(text, start)  # "late Feb - early March 2018"
            return at
    return at


def _is_count(text: str, start: int, end: int) -> bool:
    """Whether a bare year-like number is really a count ("over 1500 troops")."""
    if text.endswith(", ", 0, start) and text.startswith(", ", end) and _among_numbers(text, start, end):
        return True
    if (
        text[end - 2 : end] == "00"
        and text.endswith("1 in ", 0, start)
        and (start == 5 or not text[start - 6].isalnum())
    ):
        return True  # "1 in 1000": a ratio of a round number; not "0.3 in 1980", "Stage 1 in 1928"
    if start > 1 and text[start - 1] == " ":
        before, at = _word_before(text, start - 1)
        before = before.lower()
        if before in _DATE_BEFORE:
            return False
        if before == "+" and _LISTED_YEAR.search(text, 0, at) is not None:
            return False  # "petitions of 1839, 1842 + 1848": the last of a list of years
        if before == "/" and not _YEAR_ALONE.fullmatch(_word_before(text, at - 1)[0] if at > 1 else ""):
            return True  # "3000 / 1200 = 2.5": a sum; "1905 / 1917" lists years
        if before in _QUANTITY_BEFORE or before == "per":
            # "until about 2070", "by around 1900": a word that introduces a date makes it one
            return not (before in _ROUGHLY and at > 1 and _word_before(text, at - 1)[0].lower() in _DATE_BEFORE)
    span = _RANGE_TAIL.match(text, end)
    if span is not None:  # "1680-1750 cm-1": a unit after a range measures both its ends
        after = _unit_after(text, span.end())
        return after in _MEASURES or _UNIT_PER.fullmatch(after) is not None
    after = _unit_after(text, end)
    return after in _UNITS_AFTER or _UNIT_PER.fullmatch(after) is not None  # "1500 IU/L", "2000 mg/day"


# The numbers either side of one in a list: "energies of Al: 578, 1817, 2745".
_NUMBER_BEFORE = re.compile(r"(?<![\d.,])(\d[\d.]*), $")
_NUMBER_AFTER = re.compile(r", (\d[\d.]*)(?![\d,]\d)")
_YEAR_ALONE = re.compile(r"1\d{3}|20\d{2}")


def _among_numbers(text: str, start: int, end: int) -> bool:
    """Whether a number stands in a list between two numbers that are no years ("578, 1817, 2745"),
    where years would be listed with years ("1905, 1917, 1921")."""
    before = _NUMBER_BEFORE.search(text, max(start - 12, 0), start)
    after = _NUMBER_AFTER.match(text, end)
    return (
        before is not None
        and after is not None
        and _YEAR_ALONE.fullmatch(before.group(1)) is None
        and _YEAR_ALONE.fullmatch(after.group(1)) is None
    )


def _unit_after(text: str, end: int) -> str:
    """The word one space after ``end``, without its power ("1500 cm-1", "1700 cm⁻¹": a wavenumber)."""
    after = text[end + 1 : end + 12].split(" ", 1)[0] if text[end : end + 1] == " " else ""
    if len(after) == 2 and after[1] == "." and _initials(text, end + 1):
        return ""  # "1897 J. J. Thomson": an initial, not joules
    return _POWER.sub("", after.rstrip(".,;:)"))


# Initials before a name: "J. J. Thomson", "J.J. Thomson", "W. E. B. Du Bois"; the name is no
# everyday word ("2000 W. Energy ..." ends a sentence with a unit).
_INITIALS = re.compile(r"(?:[A-Z]\. ?)+([A-Z][a-z]+)")


def _initials(text: str, at: int) -> bool:
    match = _INITIALS.match(text, at)
    return match is not None and not is_common(match.group(1).lower())


def _merge_ranges(text: str, points: list[Point]) -> list[Point]:
    """Join points separated only by a range dash, or by "to" when one side is more than a year,
    into one; take in a bare month after."""
    merged: list[Point] = []
    for start, end, form in points:
        if form == "yearmonth":
            after = _BARE_MONTH_AFTER.match(text, end)
            end = after.end() if after else end
        gap = _RANGE_GAP.fullmatch(text, merged[-1][1], start) if merged else None
        # "from 1983 to 2018" and "Feb to Oct" are two dates; "1894 - 1971" and "Feb - Oct" one range
        bare = bool(merged) and form == merged[-1][2] and (form == "month" or text[start:end].isdigit())
        bare = bare and (form == "month" or text[merged[-1][0] : merged[-1][1]].isdigit())
        if gap is not None and not (bare and gap.group().strip().isalpha()):
            merged[-1] = (merged[-1][0], end, "range")
        else:
            merged.append((start, end, form))
    return merged
