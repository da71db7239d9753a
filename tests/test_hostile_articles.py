"""Hostile files are refused with a reason or stored harmlessly; nothing hangs and nothing is half-stored."""

from __future__ import annotations

import io
import time
import zipfile
from pathlib import Path

import pytest

from bot.commands import handle
from bot.formatting import to_plain_text, to_slack_messages, to_telegram_html
from bot.models import Chat, User
from bot.service import BriefingService

ADMIN = User("console", "admin")


def load_file(service: BriefingService, path: Path) -> tuple[str, str]:
    outcome = service.load_paths([path], by=ADMIN).outcomes[0]
    return outcome.status, outcome.reason


def zip_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("story.txt", "Title\n\nBody " * 100)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("photo.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "PNG image"),
        ("archive.txt", zip_bytes(), "zip archive"),
        ("program.txt", b"\x7fELF\x02\x01\x01" + b"\x00" * 200, "program"),
        ("noise.txt", bytes(range(1, 32)) * 40, "binary"),
        ("blank.md", b"\n\n   \n", "empty"),
    ],
)
def test_non_text_files_are_refused_with_a_reason(
    service: BriefingService, tmp_path: Path, name: str, data: bytes, reason: str
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    status, why = load_file(service, path)
    assert status == "failed" and reason in why
    assert service.store.stats()["articles"] == 1  # only the bundled seed


def test_a_50_mb_text_is_refused_before_it_is_read(service: BriefingService, tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as out:
        out.truncate(50 * 1024 * 1024)
        out.write(b"Huge\n\nSome text.")
    started = time.monotonic()
    status, why = load_file(service, path)
    assert status == "failed" and "larger than" in why
    assert time.monotonic() - started < 5


def test_a_million_tiny_paragraphs_are_refused(service: BriefingService) -> None:
    report = service.load_document(ADMIN, "confetti.txt", b"x\n\n" * 1_000_000)
    assert report.outcomes[0].status == "failed"
    small = service.settings.model_copy(update={"max_article_bytes": 10_000_000})
    dense = BriefingService(service.store, small).load_document(ADMIN, "confetti.txt", b"x\n\n" * 1_000_000)
    assert dense.outcomes[0].status == "failed" and "paragraphs" in dense.outcomes[0].reason


def test_invalid_utf8_is_decoded_and_stored_safely(service: BriefingService) -> None:
    report = service.load_document(ADMIN, "latin.txt", b"Caf\xe9 crisis\n\nThe caf\xe9 owner said prices rose \xa35.")
    assert report.outcomes[0].status == "loaded"
    answer = service.ask("any news on the café owner?")
    assert answer.hits and "£5" in answer.hits[0].text


def test_html_with_scripts_keeps_only_the_article(service: BriefingService) -> None:
    body = "".join(f"<p>Paragraph {i} about the harbour expansion plan and its cost to the city.</p>" for i in range(8))
    page = (
        "<html><head><title>Harbour plan</title><script>alert('x')</script></head><body>"
        f"<nav>Home | News | Sport</nav><article><h1>Harbour plan</h1>{body}"
        "<script>document.write('<p>injected</p>')</script></article><footer>Cookies</footer></body></html>"
    )
    report = service.load_document(ADMIN, "page.html", page.encode())
    outcome = report.outcomes[0]
    assert outcome.status == "loaded", outcome.reason
    stored = service.store.paragraphs_of(outcome.article_id or 0)
    assert all("alert" not in p and "injected" not in p and "Cookies" not in p for p in stored)


def test_markup_heavy_article_renders_harmlessly_everywhere(service: BriefingService) -> None:
    nasty = (
        "Markup mayhem\n\n"
        "Minister Jo Bloggs said: <b>*_[bold](x)_*</b> & <script>x</script> ~`#` <@U123> <!channel> </i>"
    )
    service.load_text(ADMIN, nasty)
    reply = handle(service, User("telegram", "5"), Chat("telegram", "5"), "what did Jo Bloggs say about bold?")
    assert reply.quotes
    html = "".join(to_telegram_html(reply))
    assert "<script>" not in html and "&lt;script&gt;" in html
    slack = str(to_slack_messages(reply))
    assert "<!channel>" not in slack and "<@U123>" not in slack
    assert "<script>x</script>" in to_plain_text(reply)
