"""The cloze builder's API: what each public function promises, case by case."""

from __future__ import annotations

from importlib.resources import files

import pytest

from ankibuild.cloze import ClozeSettings, Lexicon, cloze_text, extract_user_blanks, find_blanks, plan_blanks
from ankibuild.errors import ClozeError
from ankibuild.model import Blank

COURSE = [
    "Collective leadership - Beria",
    "Within Soviet Politburo (Main gov group in a communist country)",
    "Death of Stalin in 1953, left associates of politburo",
    "1955 May - Austrian state treaty; Federal Republic of Germany is admitted to NATO",
    "Malenkov's 'New Course'",
    "Khrushchev was to adopt and develop the 'New Course'",
]
DEFAULT = ClozeSettings()


def texts(text: str, blanks: tuple[Blank, ...]) -> list[str]:
    return [text[blank.start : blank.end] for blank in blanks]


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return Lexicon.from_texts(COURSE)


def test_settings_defaults() -> None:
    assert DEFAULT.detectors == frozenset({"dates", "names", "figures"})
    assert (DEFAULT.glossary, DEFAULT.never, DEFAULT.hints, DEFAULT.max_per_card) == ((), (), False, 1)


def test_word_list_is_a_plain_lowercase_list() -> None:
    words = files("ankibuild.data").joinpath("english-words.txt").read_text(encoding="utf-8").split()
    assert 10_000 <= len(words) <= 30_000
    assert all(word.isalpha() and word.islower() for word in words)
    assert words == sorted(set(words))


def test_lexicon_ignores_order_and_repeats() -> None:
    once = Lexicon.from_texts(COURSE)
    again = Lexicon.from_texts(list(reversed(COURSE)) + COURSE)
    assert (once.names, dict(once.terms), once.plain) == (again.names, dict(again.terms), again.plain)


def test_an_empty_lexicon_still_finds_names_and_dates() -> None:
    text = "Death of Stalin in 1953"
    assert texts(text, find_blanks(text, Lexicon(), DEFAULT)) == ["Stalin", "1953"]


def test_find_blanks_gives_sorted_unnumbered_candidates(lexicon: Lexicon) -> None:
    text = COURSE[3]
    blanks = find_blanks(text, lexicon, DEFAULT)
    assert texts(text, blanks) == ["1955 May", "Austrian state treaty", "Federal Republic of Germany", "NATO"]
    assert [b.kind for b in blanks] == ["date", "name", "name", "name"]
    assert all(b.number == 0 and b.hint is None for b in blanks)
    assert list(blanks) == sorted(blanks)


def test_the_course_teaches_lower_case_names(lexicon: Lexicon) -> None:
    text = COURSE[2]
    assert texts(text, find_blanks(text, lexicon, DEFAULT)) == ["Stalin", "1953", "politburo"]
    assert texts(text, find_blanks(text, Lexicon(), DEFAULT)) == ["Stalin", "1953"]


def test_no_blank_inside_or_across_a_protected_range(lexicon: Lexicon) -> None:
    text = "Stalin wrote $x = 1953$ and Beria `NATO` in 1956"
    protected = [(13, 23), (35, 41)]
    assert texts(text, find_blanks(text, lexicon, DEFAULT, protected)) == ["Stalin", "Beria", "1956"]
    across = [(2, 8)]  # "alin w"
    assert "Stalin" not in texts(text, find_blanks(text, lexicon, DEFAULT, across))


def test_plan_numbers_from_one_in_order_of_appearance(lexicon: Lexicon) -> None:
    text = "Khrushchev met Gomulka in 1956; Gomulka stayed"
    blanks = plan_blanks(text, context=[], lexicon=lexicon, settings=DEFAULT)
    assert [(text[b.start : b.end], b.number) for b in blanks] == [
        ("Khrushchev", 1),
        ("Gomulka", 2),
        ("1956", 3),
        ("Gomulka", 2),
    ]


def test_plan_leaves_out_what_the_front_shows(lexicon: Lexicon) -> None:
    text = "Death of Stalin in 1953"
    blanks = plan_blanks(text, context=["Stalin's death"], lexicon=lexicon, settings=DEFAULT)
    assert [(text[b.start : b.end], b.number) for b in blanks] == [("1953", 1)]


def test_plan_keeps_user_numbers_and_fills_the_gaps(lexicon: Lexicon) -> None:
    text, user = extract_user_blanks("{{c2::Stalin}} died in 1953 and Beria in 1953")
    blanks = plan_blanks(text, context=[], lexicon=lexicon, settings=DEFAULT, user_blanks=user)
    assert cloze_text(text, blanks) == "{{c2::Stalin}} died in {{c1::1953}} and {{c3::Beria}} in {{c1::1953}}"


def test_extract_user_blanks() -> None:
    text, blanks = extract_user_blanks("{{c1::Imre Nagy}} became {{c2::Prime Minister::post}}")
    assert text == "Imre Nagy became Prime Minister"
    assert blanks == (Blank(0, 9, "user", 1, None), Blank(17, 31, "user", 2, "post"))
    assert extract_user_blanks("no markup {here}") == ("no markup {here}", ())


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("{{c1::Budapest", "unclosed cloze"),
        ("{{c1::a {{c2::b}} c}}", "nested cloze"),
        ("{{c1:Budapest}}", "malformed cloze"),
        ("{{c0::Budapest}}", "cloze number 0"),
        ("{{c1::  }}", "empty cloze"),
    ],
    ids=["unclosed", "nested", "one colon", "number 0", "empty"],
)
def test_malformed_user_clozes_say_what_to_do(text: str, says: str) -> None:
    with pytest.raises(ClozeError) as raised:
        extract_user_blanks(text)
    message = str(raised.value)
    assert message.startswith(says)
    assert "; " in message  # followed by what to do


def test_cloze_text_writes_hints() -> None:
    blanks = [Blank(9, 15, "name", 1, "name"), Blank(19, 23, "date", 2, None)]
    assert cloze_text("Death of Stalin in 1953", blanks) == ("Death of {{c1::Stalin::name}} in {{c2::1953}}")


@pytest.mark.parametrize(
    "blanks",
    [[Blank(0, 5, "name", 1), Blank(3, 8, "name", 2)], [Blank(0, 5, "name", 0)], [Blank(0, 99, "name", 1)]],
    ids=["overlapping", "unnumbered", "outside"],
)
def test_cloze_text_refuses_broken_blanks(blanks: list[Blank]) -> None:
    with pytest.raises(ValueError):
        cloze_text("Death of Stalin", blanks)


def test_glossary_and_never_match_whole_words_in_any_case(lexicon: Lexicon) -> None:
    settings = ClozeSettings(glossary=("class struggle",), never=("stalin",))
    text = "The Class Struggle after Stalin; class struggles"
    assert texts(text, find_blanks(text, lexicon, settings)) == ["Class Struggle"]


def test_terms_holding_markup_are_never_learnt() -> None:
    course = ["the 'alpha {{beta' of it", "the 'gamma::delta' of it", "alpha {{beta and gamma::delta again"]
    lexicon = Lexicon.from_texts(course)
    text = course[2]
    for blank in find_blanks(text, lexicon, DEFAULT):
        inside = text[blank.start : blank.end]
        assert "{" not in inside and ":" not in inside


@pytest.mark.parametrize("text", ["Q::Christmas Day 1914", "A::Day Day 2018", "Xmas}}Christmas Day 1914"])
def test_a_named_day_never_takes_in_cloze_markup(text: str) -> None:
    lexicon = Lexicon.from_texts([text])
    blanks = plan_blanks(text, context=[], lexicon=lexicon, settings=DEFAULT)
    for blank in blanks:
        inside = text[blank.start : blank.end]
        assert "::" not in inside and "{" not in inside and "}" not in inside
    cloze_text(text, blanks)  # refuses a blank that would break the cloze


def test_terms_side_by_side_are_not_joined_across_protected_text() -> None:
    text = "palisade mesophyll cells"
    lexicon = Lexicon.from_texts([text, "palisade: a layer", "mesophyll: the inside of a leaf"])
    joined = [text[b.start : b.end] for b in find_blanks(text, lexicon, ClozeSettings())]
    assert joined == ["palisade mesophyll"]
    apart = find_blanks(text, lexicon, ClozeSettings(), protected=[(8, 9)])
    assert [text[b.start : b.end] for b in apart] == ["palisade", "mesophyll"]


def test_the_subject_lists_apply_to_a_course_of_their_subject_only() -> None:
    biology = [
        "insulin from the pancreas lowers blood glucose",
        "glucagon from the pancreas raises it; the liver stores glycogen",
        "the plague spread through the town",
    ]
    history = [
        "the plague spread through the town in 1348",
        "the Tsar abdicated in March 1917 and the war went on",
        "the Bolsheviks seized power in October 1917",
    ]
    line = "the plague spread through the town"
    assert texts(line, find_blanks(line, Lexicon.from_texts(biology), DEFAULT)) == ["plague"]
    assert texts(line, find_blanks(line, Lexicon.from_texts(history), DEFAULT)) == []


def test_a_history_course_that_writes_a_few_science_words_keeps_them_ordinary() -> None:
    # 4 of its 236 distinct lower-case words are on the subject list (1.7%): a history course,
    # where "the depression" and "evolution" are no science terms
    history = [
        "Prohibition banned alcohol from 1920 and gangsters like Capone grew rich on bootlegging",
        "the Scopes trial in Dayton put the teaching of evolution on trial in July 1925",
        "farmers suffered long before the crash, as prices fell after the war ended",
        "the Wall Street crash of October 1929 wiped out savings and closed thousands of banks",
        "unemployment reached a quarter of workers, and queues for bread and soup stretched round blocks",
        "Hoover believed in rugged individualism and thought prosperity was just around the corner",
        "shanty towns called Hoovervilles grew on waste ground in every large city",
        "Roosevelt promised a new deal, closing weak banks and creating jobs through public works",
        "the dust bowl drove families west from Oklahoma towards California in battered trucks",
        "critics said the new deal cost too much and gave the government too much power",
        "rearmament for war rather than reform finally ended the depression in America",
        "the plague of poverty left deep scars on a whole generation of ordinary families",
        "jazz clubs, cinema palaces and radio shows spread a brash consumer culture across cities",
        "flappers cut their hair short, smoked openly and danced the charleston until dawn",
        "cheap credit let households buy cars, fridges and washing machines on hire purchase",
        "speculators borrowed heavily to buy shares, confident that values would keep rising",
        "black musicians moved north during the great migration, taking the blues with them",
        "nativist fears led Congress to pass strict quotas limiting arrivals from southern Europe",
        "the revived Klan marched openly in Washington and claimed millions of members",
        "Sacco and Vanzetti were executed in 1927 after a trial many thought deeply unfair",
        "women voted nationally for the first time after the nineteenth amendment was ratified",
        "Ford's assembly line made the Model T affordable for clerks, miners and shopkeepers",
        "advertising agencies persuaded anxious buyers that happiness came packaged in tins",
        "tenant sharecroppers in Mississippi rarely saw any of the boom's glittering rewards",
        "the Tennessee Valley Authority built dams, brought electricity and planted forests",
        "the Supreme Court struck down several agencies, angering the president deeply",
        "fireside chats reassured listeners, explaining policy in plain and friendly language",
        "opponents on the left, such as Huey Long, demanded sweeping redistribution of wealth",
    ]
    lexicon = Lexicon.from_texts(history)
    for line, word in [(history[0], "alcohol"), (history[1], "evolution"), (history[10], "depression")]:
        assert word not in texts(line, find_blanks(line, lexicon, DEFAULT))
    assert texts(history[1], find_blanks(history[1], lexicon, DEFAULT)) == ["Scopes trial", "Dayton", "July 1925"]


def test_a_phrase_written_often_is_no_term_for_sharing_a_first_word_with_one() -> None:
    # "sea wall" is a term; "sea level", written in three lines, is how the notes measure height
    course = [
        "sea wall: a concrete barrier along the coast",
        "~80% of land less than 1 m above sea level",
        "~26% of the country is below sea level",
        "built ~2 m above sea level",
    ]
    lexicon = Lexicon.from_texts(course)
    found = [course[2][b.start : b.end] for b in find_blanks(course[2], lexicon, ClozeSettings())]
    assert "sea level" not in found


def test_a_plain_heading_is_a_term_only_where_another_line_uses_it_as_words() -> None:
    used = Lexicon.from_texts(["Water resources", "water resources are under stress"])
    assert "water resources" in used.terms.get("water", ())
    inside = Lexicon.from_texts(["Urban models", "suburban models of growth"])
    assert "urban models" not in inside.terms.get("urban", ())


def test_pressures_and_molar_masses_make_no_course_clinical() -> None:
    # a chemistry course writes units that clinical notes use too, but doses no one
    course = [
        "standard pressure 101 kPa = 760 mmHg",
        "glucose: 180 g/mol; CO2 now over 420 ppm",
        "ethanol: 46 g/mol; water: 18 g/mol; sucrose: 342 g/mol",
        "the reaction is left for 10 min at 25°C",
    ]
    lexicon = Lexicon.from_texts(course)
    assert not lexicon.clinical
    assert texts(course[3], find_blanks(course[3], lexicon, DEFAULT)) == []
    dosed = Lexicon.from_texts([*course, "aspirin 300 mg", "clopidogrel 75 mg", "ramipril 10 mg"])
    assert dosed.clinical
    assert "10 min" in texts(course[3], find_blanks(course[3], dosed, DEFAULT))


@pytest.mark.parametrize(
    ("line", "term"),
    [
        ("def: a buffer - resists change in pH", "buffer"),
        ("def: the rain shadow - dry land behind hills", "rain shadow"),
    ],
)
def test_a_labelled_definition_defines_its_term_without_the_article(line: str, term: str) -> None:
    blanks = find_blanks(line, Lexicon.from_texts([line]), ClozeSettings())
    assert [line[b.start : b.end] for b in blanks] == [term]
