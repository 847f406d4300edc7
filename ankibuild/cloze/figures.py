"""Key figures: a number with its unit, the dose, threshold, share or cost a line teaches.

"aspirin 300 mg", "HbA1c ≥ 48 mmol/mol", "~26% of adults", "cost ~£110m": a student learns these
figures as facts, so each is a blank of its own, after the line's names and dates. A bare number
is mostly none ("16 demands", "2 ATP"): without a unit nothing tells a key figure from a count,
unless the notes say it is roughly so ("~9,000 dead") or a threshold ("eGFR < 45").

Doses, concentrations, pressures, shares, sums of money and approximate numbers are figures in any
notes. Durations, volumes, masses, lengths, readings and thresholds are figures only in clinical
notes, which dose drugs or set thresholds line after line ("for 5 days", "500 mL bolus", "≥ 5.5
cm"): elsewhere they are mostly the conditions of a practical ("a water bath for 10 min", "1 g of
fat") or the scale of a story ("rain in 24 h").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from .tokens import number_starts

Span = tuple[int, int]

# A number: thousands grouped by commas ("1,287"), or digits with a decimal part ("0.9").
_NUMBER = r"(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)"
# A range of numbers is one figure ("0.4-1.0 mmol/L", "55 to 70%"), and so are numbers a slash
# pairs: a blood pressure, a combined tablet ("120/80 mmHg", "500/125 mg").
_AMOUNT = rf"{_NUMBER}(?:/{_NUMBER}| ?[-–] ?{_NUMBER}| to {_NUMBER}| in {_NUMBER})?"
# What a dose or a concentration is measured in, and what it is per: "mg/kg/day", "µmol/L".
_MEASURE = r"mg|mcg|µg|ug|micrograms?|milligrams?|g|ng|pg|mmol|µmol|umol|nmol|pmol|mEq|mOsm|units?|IU|mL|ml|L"
_PER = r"kg|L|l|dL|mL|ml|mol|mmol|h|hr|min|wk|week|m2|m²|24 ?h"
# The units of a dose a patient is given, and of a concentration or a rate ("mmol/L", "mL/kg/h";
# "mg/kg/day" but "max 4 g" a day): what tells clinical notes, where a pressure or a molar mass
# ("120 mmHg", "180 g/mol") does not.
_GIVEN_UNITS = rf"(?!g/mol\b)(?:{_MEASURE})(?:/(?:{_PER}))+(?:/day)?|mg|mcg|µg|ug|micrograms?|milligrams?|units|IU"
# With the other units of a dose, a concentration or a pressure, in any notes.
_DOSE_UNITS = rf"{_GIVEN_UNITS}|g/mol|kg/m²|kg/m2|mmol|mmHg|cmH2O|cmH₂O|kPa|ppm|ppb"
_TIMES = r"h|hrs?|hours?|mins?|minutes?|days?|weeks?|wks?|months?|yrs?|years?"
_CLINICAL_UNITS = rf"g|kg|mL|ml|L|mm|cm(?:/yr|/year)?|°C|ms|{_TIMES}"
# An age or a time in two units is one figure: "3 yrs 4 months", "6 months - 3 years".
_TIME = rf"{_NUMBER} ?(?:{_TIMES})"
_TWO_TIMES = rf"{_TIME}(?: ?[-–] ?| ){_TIME}"
# No digit, decimal point, currency, letter or sign runs into the number: "£110m", "HbA1c",
# "v2.5 mg", nor the parts of a time or a ratio ("10:30 h", "1:160"); a label's colon may ("Dose:300 mg").
_BEFORE = r"(?<![\w.,£$€/^−-])(?<!\d:)"
# A minus sign is the figure's own: "−5°C", "-20°C"; not a hyphen in a word or a range.
_SIGN = r"(?:(?<![\w.,)−-])[−-](?=\d))?"
# Nor into the unit: "5 mgs" is no unit, nor is "10 g/mol" cut at "g", nor "~5 m²" at "m".
_UNIT_ENDS = r"(?![\w°²³])"
_AFTER = rf"(?!/(?!day\b)){_UNIT_ENDS}"
# A sum of money, with what it counts in: "£110m", "$4.5 billion", "€20bn".
_SUM = rf"[£$€]{_NUMBER}(?: ?(?:bn|billion|million|m|k|tn|trillion)(?!\w))?"
_MONEY = rf"(?<!\w){_SUM}(?: ?[-–] ?{_SUM})?(?![\w.]\d)"
# The units of sizes, speeds and energies a number written as roughly so may take; seconds only
# after a space, as "65s" are people or years.
_SIZES = (
    r"km/h|m/s|km³|km²|km2|km3|cm-1|cm⁻¹|cm³|cm²|dm³|mm³|mm²|m³|m²|m2|m3|km|cm|mm|µm|nm|m|miles|ha|hectares|acres"
    r"|tonnes|litres|GtC|Gt"
    r"|MW|GW|kW|TWh|GPa|MPa"
    r"|mph|°C|°|nt|bp|kb|Mb|MeV|keV|eV|kJ/mol|kJ mol-1|kJ mol⁻¹|kJ|J|mV|V|kHz|Hz|ms|(?<= )s|(?<= )K(?![+⁺])"
)
# A number written as roughly so ("~9,000 dead", "~200,000 km²", "~12-15 million") is one to
# learn in any notes, alone or with its unit or order of magnitude; so is one that words call
# rough or a bound, when it has a size or a magnitude ("approx. 1 million", "over 2,000 mm", "up
# to 50 m"). A time is one only as how long ago ("about 10,000 years ago"): elsewhere "over 5 min"
# is how long a practical waits, unless the notes are clinical.
# A size may be per a time: "~140 m³/s", "~10 GtC/yr", "~1.8 m/yr".
_PER_TIME = r"(?:/(?:s|yr|year|day|a|h|hr)\b)?"
_WITH_UNIT = rf"(?: ?(?:(?:{_SIZES}){_PER_TIME}|(?:{_TIMES})(?: ago)?))"  # "~20 nt", "~315 km/h", "~18,000 years ago"
_WITH_SIZE = rf"(?: ?(?:(?:{_SIZES}){_PER_TIME}|(?:{_TIMES}) ago))"
_MAGNITUDE = r"(?: ?(?:million|billion|thousand|bn))"
_ROUGH_WORDS = (
    "approx.", "approx", "about", "around", "c.", "nearly", "almost", "over", "under", "up to", "above",
    "below", "at least", "more than", "less than",
)  # fmt: skip
# A lookbehind each, as lookbehinds take a fixed width: "(?<=\b[Aa]bout )".
_ROUGHLY = "(?:" + "|".join(rf"(?<=\b[{w[0].upper()}{w[0]}]{re.escape(w[1:])} )" for w in _ROUGH_WORDS) + ")"
_APPROXIMATE = (
    rf"(?:(?<=~)|(?<=~ )){_AMOUNT}(?::\d+)*{_MAGNITUDE}?{_WITH_UNIT}?{_UNIT_ENDS}"  # a ratio too: "~3:1"
    rf"|{_ROUGHLY}{_AMOUNT}(?:{_MAGNITUDE}{_WITH_SIZE}?|{_WITH_SIZE}){_UNIT_ENDS}"
)
_DOSES = re.compile(rf"{_MONEY}|{_BEFORE}{_SIGN}{_AMOUNT} ?(?:{_DOSE_UNITS}|%){_AFTER}|{_APPROXIMATE}")
# In clinical notes, two numbers a slash pairs are a blood pressure even with no unit, when
# they could be one: "BP ≥ 140/90", not "1/3", "24/7" nor the day and month "25/12".
_PRESSURE = r"(?:[5-9]\d|[12]\d\d)/(?:[3-9]\d|1\d\d)"
# Words that go on after a threshold, which a unit never is: "> 60 or immunocompromised".
_GOING_ON = r"(?:(?:or|and|but|if|despite|with|on|at|in|after|before|for|then)\b|w/)"
# In clinical notes, a number after a comparison is a threshold even with no unit: "eGFR <
# 45", "Wells score > 4", "pH < 7.3". Not where a word or a unit the figures do not know follows:
# "> 1 episode of vomiting", "> 3× normal".
_THRESHOLD = rf"(?:(?<=[<>≤≥] )|(?<=[<>≤≥])){_NUMBER}(?!\d|[,.]\d| ?(?!{_GOING_ON})[A-Za-zµ×°%/'’])"
_COMPARED = re.compile(r"(?<![-=<>])[<>≤≥](?![=>]) ?\d")  # not the head of an arrow: "1921 -> 1928"
_ALL = re.compile(
    rf"{_MONEY}|{_BEFORE}(?:{_TWO_TIMES}|{_SIGN}{_AMOUNT} ?(?:{_DOSE_UNITS}|%|{_CLINICAL_UNITS})|{_PRESSURE}){_AFTER}"
    rf"|{_THRESHOLD}|{_APPROXIMATE}"
)
# A dose or a concentration, no share: what tells clinical notes.
_DOSE = re.compile(rf"{_BEFORE}{_NUMBER} ?(?:{_GIVEN_UNITS}){_AFTER}")
_DOSING_FIGURES = 3
"""Doses a course writes before its durations and volumes count: a biology course's one
"300 mg of vitamin C" does not make its water baths clinical."""
_THRESHOLDS = 5
"""Comparisons with a number that make notes clinical without a dose: "≥ 7 days", "EPDS ≥ 13"."""


def find_figures(text: str, clinical: bool, numbers: Sequence[int] | None = None) -> list[Span]:
    """The key figures of a line: in any notes doses, concentrations, pressures, shares, sums of
    money and numbers written as roughly so; in clinical notes (``clinical``) also durations,
    volumes, masses, lengths, readings and the numbers after a comparison, though not how many
    minutes a drip runs ("over 15 min"). ``numbers`` are where the line's numbers start
    (``number_starts``), if the caller knows."""
    if numbers is None:
        numbers = number_starts(text)
    if not numbers:
        return []
    if not clinical:
        return _figures(text, _DOSES, numbers)
    found = _figures(text, _ALL, numbers)
    if "over " in text:
        found = [(s, e) for s, e in found if not (text.endswith("over ", 0, s) and _MINUTES.fullmatch(text, s, e))]
    return found


# How many minutes a drip or an injection runs: "over 15 min" is how it is given, not a fact to learn.
_MINUTES = re.compile(r"\d+(?:\s?[-–]\s?\d+)? ?(?:min|mins|minutes)")
_CURRENCIES = "£$€"
_SIGNS = "−-"
_APOSTROPHES = "'’"


def _figures(text: str, pattern: re.Pattern[str], numbers: Sequence[int]) -> list[Span]:
    """Each figure ``pattern`` matches, tried once at each place one may start. Every figure starts
    at a number that no letter or digit stands before, or at the currency or the sign before such a
    number, and ``number_starts`` has already found those numbers: a search would try every
    alternative, lookbehinds and all, at every character of the line."""
    out: list[Span] = []
    end = 0
    for number in numbers:
        if text[number] in _APOSTROPHES:
            number += 1  # "'60s": the number starts after its apostrophe
        before = text[number - 1 : number]
        if before == "+" and text[number - 2 : number - 1].isdigit():
            continue  # "14+1 weeks": a gestation's days, not a figure of its own
        if before and before in _SIGNS:
            starts: tuple[int, ...] = (number - 1, number)  # "−5°C" and "10-20 mg": either may start one
        elif before and before in _CURRENCIES:
            starts = (number - 1,)
        else:
            starts = (number,)
        for start in starts:
            if start >= end:
                match = pattern.match(text, start)
                if match is not None:
                    out.append(match.span())
                    end = match.end()
    return out


def is_clinical(lines: Iterable[tuple[str, Sequence[int]]]) -> bool:
    """Whether notes are clinical: they write doses or concentrations, or thresholds to act on,
    again and again. ``lines`` are each line and where its numbers start (``number_starts``)."""
    doses = thresholds = 0
    for text, numbers in lines:
        doses += len(_figures(text, _DOSE, numbers))
        thresholds += len(_COMPARED.findall(text))
        if doses >= _DOSING_FIGURES or thresholds >= _THRESHOLDS:
            return True
    return False
