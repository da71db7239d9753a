"""Each article format parsed into metadata and paragraphs; the parser never crashes nor loses text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.ingest import Failed, Limits, parse_document, parse_pasted, parse_paths
from bot.ingest.text import headline_from, split_paragraphs
from bot.models import ArticleDraft
from tests.conftest import CORPUS, SEED_DIR, needs_corpus

SEED = """ date 2021-03-04 By Example Wire

By Jane Reporter

Minister Ana Lopez and her counterpart met on Tuesday to discuss trade, the ministry said.

Lopez said exports of grain would double.
"""


def only_draft(parsed: list[ArticleDraft | Failed]) -> ArticleDraft:
    assert len(parsed) == 1 and isinstance(parsed[0], ArticleDraft), parsed
    return parsed[0]


def test_seed_format_reads_metadata_byline_and_derives_a_headline() -> None:
    draft = only_draft(parse_document(SEED.encode(), "wire.txt"))
    assert (draft.published, draft.source, draft.author) == ("2021-03-04", "Example Wire", "Jane Reporter")
    assert draft.paragraphs[0].startswith("Minister Ana Lopez")
    assert len(draft.paragraphs) == 2
    assert draft.title == "Minister Ana Lopez and her counterpart met on Tuesday to discuss trade…"


def test_bundled_seed_article_has_a_real_title() -> None:
    draft = only_draft(list(parse_paths([SEED_DIR])))
    assert draft.title.startswith("Azerbaijani Deputy Foreign Minister Khalaf Khalafov")
    assert draft.source == "Azernews" and draft.published == "2022-06-10"
    assert any(p.startswith("Imomi stated that Tajikistan is interested") for p in draft.paragraphs)


def test_bbc_layout_gives_source_category_and_headline(tmp_path: Path) -> None:
    path = tmp_path / "bbc" / "politics" / "001.txt"
    path.parent.mkdir(parents=True)
    path.write_text("Labour plans pay rise\n\nPay is to rise, the minister said.\n\nMore detail follows.\n")
    draft = only_draft(list(parse_paths([tmp_path])))
    assert (draft.title, draft.source, draft.category) == ("Labour plans pay rise", "BBC News", "politics")
    assert draft.paragraphs == ("Pay is to rise, the minister said.", "More detail follows.")


def test_markdown_title_and_inline_markup() -> None:
    text = "# Oil output rises\n\nThe **minister** said [output](http://x) rose.\n\n## Detail\n\nMore `text`."
    draft = only_draft(parse_document(text.encode(), "a.md"))
    assert draft.title == "Oil output rises"
    assert draft.paragraphs == ("The minister said output rose.", "More text.")


def test_json_list_and_jsonl_records_with_a_bad_line_reported() -> None:
    records = [
        {
            "title": "A",
            "body": "One.\n\nTwo.",
            "date": "2024-05-01T10:00:00Z",
            "source": "S",
            "url": "http://a",
        }
    ]
    draft = only_draft(parse_document(json.dumps(records).encode(), "a.json"))
    assert (draft.title, draft.published, draft.url, draft.paragraphs) == (
        "A",
        "2024-05-01",
        "http://a",
        ("One.", "Two."),
    )
    lines = (
        '{"title": "B", "text": ["P1", "P2"], "published": "Tue, 01 Jun 2021 10:00:00 GMT"}\n'
        '{oops\n{"title": "C"}\n'
    )
    parsed = parse_document(lines.encode(), "b.jsonl")
    assert isinstance(parsed[0], ArticleDraft) and parsed[0].published == "2021-06-01"
    assert [p.origin for p in parsed[1:]] == ["b.jsonl", "b.jsonl"]
    assert "line 2" in parsed[1].reason and "line 3" in parsed[2].reason  # type: ignore[union-attr]


def test_binary_empty_and_oversized_files_fail_with_reasons() -> None:
    zipped = parse_document(b"PK\x03\x04" + b"\x00" * 50, "notes.txt")
    assert isinstance(zipped[0], Failed) and "zip" in zipped[0].reason
    assert isinstance(parse_document(b"\x00\x01\x02binary", "x.txt")[0], Failed)
    empty = parse_document(b"  \n\n ", "empty.txt")
    assert isinstance(empty[0], Failed) and "empty" in empty[0].reason
    big = parse_document(b"word " * 1000, "big.txt", limits=Limits(max_bytes=1024))
    assert isinstance(big[0], Failed) and "larger" in big[0].reason
    many = parse_document(b"p\n\n" * 50, "many.txt", limits=Limits(max_paragraphs=10))
    assert isinstance(many[0], Failed) and "paragraphs" in many[0].reason


def test_latin1_bytes_are_decoded_not_refused() -> None:
    draft = only_draft(parse_document("Price rise\n\nIt cost £5, he said.".encode("latin-1"), "p.txt"))
    assert draft.paragraphs == ("It cost £5, he said.",)


def test_pasted_text_and_headline_shortening() -> None:
    pasted = parse_pasted("Short headline\n\nBody text here.")
    assert isinstance(pasted, ArticleDraft) and pasted.title == "Short headline"
    assert isinstance(parse_pasted("   "), Failed)
    assert headline_from(
        "The U.S. said on Monday that trade talks with Japan would resume in April next year."
    ) == ("The U.S. said on Monday that trade talks with Japan would resume…")


def test_directory_walk_reports_unreadable_files_and_continues(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("Title\n\nBody.")
    (tmp_path / "bad.txt").write_bytes(b"\x00\x00")
    (tmp_path / ".hidden").write_text("skip me")
    results = list(parse_paths([tmp_path]))
    assert [type(r).__name__ for r in results] == ["Failed", "ArticleDraft"]


paragraph_text = (
    st.text(
        alphabet=st.characters(
            blacklist_categories=["Cs", "Cc"], blacklist_characters="\u2028\u2029\x85\x0b\x0c\x1c\x1d\x1e"
        ),
        min_size=1,
        max_size=80,
    )
    .map(str.strip)
    .filter(bool)
)


@given(st.lists(paragraph_text, min_size=1, max_size=8))
def test_split_paragraphs_never_loses_a_paragraph(paragraphs: list[str]) -> None:
    single_line = [" ".join(p.split()) for p in paragraphs]
    single_line = [p for p in single_line if p]
    assert split_paragraphs("\n\n".join(single_line)) == single_line


@given(st.binary(max_size=2000), st.sampled_from(["a.txt", "a.md", "a.json", "a.jsonl", "a"]))
def test_parse_document_never_raises(data: bytes, name: str) -> None:
    for parsed in parse_document(data, name):
        assert isinstance(parsed, ArticleDraft | Failed)
        if isinstance(parsed, ArticleDraft):
            assert parsed.title and parsed.paragraphs


@needs_corpus()
def test_whole_shared_corpus_parses_without_failures() -> None:
    parsed = list(parse_paths([CORPUS]))
    assert len(parsed) == 2225 + 400 + 1
    assert not [p for p in parsed if isinstance(p, Failed)]


@pytest.mark.parametrize("text", [".", "...\n\n!!", "* * *"])
def test_text_without_words_is_refused_in_a_sentence(text: str) -> None:
    assert parse_document(text.encode(), "a.txt") == [Failed("a.txt", "The text has no words in it.")]


def test_a_lead_without_words_does_not_make_the_title() -> None:
    (draft,) = parse_document(b"* * *\n\nThe minister spoke on oil.", "a.txt")
    assert isinstance(draft, ArticleDraft) and draft.title == "The minister spoke on oil"
