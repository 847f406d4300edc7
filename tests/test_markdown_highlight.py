"""Code blocks from Markdown notes are highlighted for cards that read well in light and dark mode."""

from __future__ import annotations

import re

import pytest

from ankibuild.highlight import CODE_CSS, highlight


def test_known_language_gets_coloured_spans() -> None:
    html = highlight("def area(r):\n    return 3.14 * r ** 2  # circle\n", "python")
    assert html == (
        '<pre class="ab-code"><code><span class="ab-k">def</span> <span class="ab-f">area</span>(r):\n'
        '    <span class="ab-k">return</span> <span class="ab-m">3.14</span> * r ** <span class="ab-m">2</span>'
        '  <span class="ab-c"># circle</span></code></pre>'
    )


@pytest.mark.parametrize("lang", [None, "", "no-such-language"])
def test_unknown_or_missing_language_is_escaped_plain_code(lang: str | None) -> None:
    assert highlight("if a < b && c > d:\n", lang) == (
        '<pre class="ab-code"><code>if a &lt; b &amp;&amp; c &gt; d:</code></pre>'
    )


@pytest.mark.parametrize("lang", ["python", "html", "js", "sql", "bash", "c"])
def test_code_is_escaped_and_kept_whatever_the_language(lang: str) -> None:
    code = '<script>alert("x & y")</script>\nprint(1 < 2)'
    html = highlight(code, lang)
    inner = re.fullmatch(r'<pre class="ab-code"><code>(.*)</code></pre>', html, re.DOTALL)
    assert inner is not None
    assert "<script>" not in html
    text = re.sub(r"<[^>]+>", "", inner.group(1))
    assert text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&amp;", "&") == code


def test_language_name_is_case_insensitive_and_output_repeats() -> None:
    assert highlight("x = 1", "Python") == highlight("x = 1", "python") == highlight("x = 1", "python")


def test_css_styles_every_class_for_light_and_night_mode() -> None:
    classes = {"c", "k", "s", "m", "b", "f"}
    for name in classes:
        assert f".ab-code .ab-{name} " in CODE_CSS
        assert f".nightMode .ab-code .ab-{name} " in CODE_CSS
    assert ".nightMode .ab-code {" in CODE_CSS
    assert len(CODE_CSS) < 2000
