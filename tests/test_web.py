"""Safe fetching against a local server: private addresses, redirects, size, time and caching rules."""

from __future__ import annotations

import functools
import ipaddress
import socket
import ssl
import time
import tracemalloc
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot import web
from bot.errors import IngestError
from bot.web import Fetched, afetch, fetch, is_public_address
from tests.fakes.web_server import (
    FakeWebServer,
    conditional,
    gzip_bomb,
    huge_body,
    self_signed_certificate,
    slow_drip,
)
from tests.fixtures.pages import article_page

PRIVATE = "That address points inside our own network, so I won't fetch it."
FAKE_SERVER_IP = ipaddress.ip_address("127.0.0.1")


@pytest.fixture
def server() -> Iterator[FakeWebServer]:
    """A fresh local web server per test."""
    with FakeWebServer() as fake:
        yield fake


@dataclass
class FakeDns:
    """Host name → addresses (None: the name does not exist), and the names looked up so far."""

    answers: dict[str, list[str] | None] = field(default_factory=dict)
    lookups: list[str] = field(default_factory=list)


@pytest.fixture
def dns(monkeypatch: pytest.MonkeyPatch) -> FakeDns:
    """Fake DNS answers by host name; the fake server's 127.0.0.1 counts as a public address.

    That lets a test play a public site on the local server while every other private address
    keeps being refused, which is what redirect and rebinding checks need.
    """
    fake = FakeDns()
    real_getaddrinfo = socket.getaddrinfo
    real_is_public = web.is_public_address

    def getaddrinfo(host: Any, port: Any, *args: Any, **kwargs: Any) -> Any:
        if host not in fake.answers:
            return real_getaddrinfo(host, port, *args, **kwargs)
        fake.lookups.append(host)
        addresses = fake.answers[host]
        if addresses is None:
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        family = {4: socket.AF_INET, 6: socket.AF_INET6}
        return [
            (family[ipaddress.ip_address(ip).version], socket.SOCK_STREAM, 6, "", (ip, port))
            for ip in addresses
        ]

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    monkeypatch.setattr(web, "is_public_address", lambda ip: ip == FAKE_SERVER_IP or real_is_public(ip))
    return fake


def fetch_local(url: str, **options: Any) -> Fetched:
    return fetch(url, allow_private=True, **options)


def refusal(call: Callable[[], object]) -> str:
    with pytest.raises(IngestError) as caught:
        call()
    return caught.value.user_message


# Pages and content


def test_fetches_a_page_with_its_final_url_and_type(server: FakeWebServer) -> None:
    url = server.page("/news/story", article_page())
    got = fetch_local(url)
    assert (got.url, got.status, got.content_type, got.not_modified) == (url, 200, "text/html", False)
    assert "Port of Lessa" in got.text
    assert server.hits("/news/story")[0].headers["user-agent"].startswith("Briefbot/")


def test_refuses_content_that_is_not_a_web_page(server: FakeWebServer) -> None:
    url = server.page("/logo.png", b"\x89PNG\r\n\x1a\n", content_type="image/png")
    assert refusal(lambda: fetch_local(url)) == "That is not a web page (image/png)."


def test_accept_takes_other_types_and_wildcards(server: FakeWebServer) -> None:
    url = server.page("/feed", "<rss version='2.0'/>", content_type="application/rss+xml")
    assert fetch_local(url, accept=("application/rss+xml",)).content_type == "application/rss+xml"
    assert (
        fetch_local(server.page("/t", "plain", content_type="text/plain"), accept=("text/*",)).text == "plain"
    )


@pytest.mark.parametrize(
    ("status", "message"),
    [(404, "The page answered 404 Not Found."), (500, "The page answered 500 Internal Server Error.")],
)
def test_error_statuses_become_plain_sentences(server: FakeWebServer, status: int, message: str) -> None:
    url = server.page("/broken", "oops", status=status)
    assert refusal(lambda: fetch_local(url)) == message


@pytest.mark.parametrize(
    ("body", "content_type", "expected"),
    [
        ("café".encode("latin-1"), "text/html; charset=ISO-8859-1", "café"),
        ("“quoted”".encode("cp1252"), "text/html", "“quoted”"),
        ("<meta charset='koi8-r'>мир".encode("koi8-r"), "text/html", "мир"),
        ("naïve".encode(), "text/html; charset=no-such-charset", "naïve"),
        ("naïve".encode(), "text/html; charset=rot13", "naïve"),
        ("BOM first".encode("utf-16"), "text/html", "BOM first"),
    ],
)
def test_decodes_with_declared_sniffed_or_fallback_charset(
    server: FakeWebServer, body: bytes, content_type: str, expected: str
) -> None:
    url = server.page("/charset", body, content_type=content_type)
    assert expected in fetch_local(url).text


def test_bytes_wrong_for_the_declared_charset_are_replaced_not_fatal(server: FakeWebServer) -> None:
    url = server.page("/lying", b"ok \xff\xfe end", content_type="text/html; charset=utf-8")
    assert fetch_local(url).text == "ok \ufffd\ufffd end"


# Conditional requests


def test_conditional_get_reports_not_modified(server: FakeWebServer) -> None:
    stamp = "Thu, 14 Mar 2024 09:30:00 GMT"
    url = server.route("/cached", conditional("<p>v1</p>", etag='"v1"', last_modified=stamp))
    first = fetch_local(url)
    assert (first.etag, first.last_modified, first.not_modified) == ('"v1"', stamp, False)
    again = fetch_local(url, etag=first.etag, last_modified=first.last_modified)
    assert (again.status, again.not_modified, again.text, again.etag) == (304, True, "", '"v1"')
    assert server.hits("/cached")[1].headers["if-none-match"] == '"v1"'
    by_date = fetch_local(url, last_modified=stamp)
    assert by_date.not_modified


# Redirects


def test_follows_a_chain_of_redirects_including_relative_ones(server: FakeWebServer) -> None:
    server.redirect("/a", f"{server.url}/b", status=301)
    server.redirect("/b", "/c", status=307)
    server.redirect("/c", "d", status=308)
    final = server.page("/d", article_page())
    assert fetch_local(f"{server.url}/a").url == final


def test_redirect_loops_are_refused(server: FakeWebServer) -> None:
    server.redirect("/ping", "/pong")
    server.redirect("/pong", "/ping")
    assert refusal(lambda: fetch_local(f"{server.url}/ping")) == "The page redirects in a loop."
    assert len(server.hits("/ping")) == 1


def test_redirect_chains_are_bounded(server: FakeWebServer) -> None:
    for hop in range(8):
        server.redirect(f"/r{hop}", f"/r{hop + 1}")
    server.page("/r8", article_page())
    message = refusal(lambda: fetch_local(f"{server.url}/r0", max_redirects=5))
    assert message == "The page redirected more than 5 times."
    assert len(server.requests) == 6
    assert fetch_local(f"{server.url}/r0", max_redirects=8).url.endswith("/r8")


@pytest.mark.parametrize("location", ["ftp://files.example/x", "file:///etc/passwd", "javascript:alert(1)"])
def test_redirects_to_other_schemes_are_refused(server: FakeWebServer, location: str) -> None:
    server.redirect("/away", location)
    assert refusal(lambda: fetch_local(f"{server.url}/away")) == (
        "The page redirected to an address I can't fetch."
    )


# Private addresses


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1/",
        "http://10.1.2.3/",
        "http://172.16.0.1/",
        "http://192.168.1.1:8080/admin",
        "http://169.254.169.254/latest/meta-data/",
        "http://100.64.0.1/",
        "http://0.0.0.0/",
        "http://224.0.0.1/",
        "http://[::1]/",
        "http://[fe80::1]/",
        "http://[fc00::1]/",
        "http://[::ffff:127.0.0.1]/",
        "http://[::ffff:10.0.0.1]/",
        "http://localhost/",
        "http://2130706433/",
    ],
)
def test_private_addresses_are_refused(url: str) -> None:
    assert refusal(lambda: fetch(url, allow_private=False)) == PRIVATE


def test_localhost_is_refused_even_when_a_server_listens(server: FakeWebServer) -> None:
    server.page("/", article_page())
    assert refusal(lambda: fetch(f"http://localhost:{server.port}/", allow_private=False)) == PRIVATE
    assert refusal(lambda: fetch(f"{server.url}/", allow_private=False)) == PRIVATE
    assert server.requests == []


def test_connects_to_the_checked_address_with_the_original_host(server: FakeWebServer, dns: FakeDns) -> None:
    dns.answers["news.example"] = ["127.0.0.1"]
    server.page("/story", article_page())
    got = fetch(f"http://news.example:{server.port}/story", allow_private=False)
    assert got.url == f"http://news.example:{server.port}/story"
    assert server.hits("/story")[0].headers["host"] == f"news.example:{server.port}"
    # One lookup per hop: the connection goes to the address that was checked, not a second answer.
    assert dns.lookups == ["news.example"]


def test_https_connects_to_the_checked_address_but_verifies_the_name(
    dns: FakeDns, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    made = self_signed_certificate(tmp_path, "news.example")
    if made is None:
        pytest.skip("the openssl tool is not installed")
    cert, key = made
    tls = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    tls.load_cert_chain(cert, key)
    # Trust only the test certificate, keeping hostname checks on.
    monkeypatch.setattr(
        web.httpx,
        "AsyncClient",
        functools.partial(httpx.AsyncClient, verify=ssl.create_default_context(cafile=cert)),
    )
    dns.answers["news.example"] = dns.answers["impostor.example"] = ["127.0.0.1"]
    with FakeWebServer(tls=tls) as server:
        server.page("/story", article_page())
        got = fetch(f"https://news.example:{server.port}/story", allow_private=False)
        assert got.url == f"https://news.example:{server.port}/story" and "Port of Lessa" in got.text
        assert server.sni_names == ["news.example"]
        url = f"https://impostor.example:{server.port}/story"
        assert refusal(lambda: fetch(url, allow_private=False)) == "I couldn't connect to impostor.example."


def test_any_private_answer_among_several_is_refused(dns: FakeDns) -> None:
    dns.answers["mixed.example"] = ["93.184.216.34", "10.0.0.8"]
    assert refusal(lambda: fetch("http://mixed.example/", allow_private=False)) == PRIVATE


@pytest.mark.parametrize(
    "location",
    [
        "http://10.0.0.7/",
        "http://[::1]/",
        "http://169.254.169.254/latest/meta-data/",
        "http://intranet.example/wiki",
        "http://localhost:{port}/inside",
    ],
)
def test_every_redirect_hop_is_checked(server: FakeWebServer, dns: FakeDns, location: str) -> None:
    dns.answers["news.example"] = ["127.0.0.1"]
    dns.answers["intranet.example"] = ["192.168.0.10"]
    dns.answers["localhost"] = ["::1"]
    server.redirect("/go", location.format(port=server.port))
    server.page("/inside", "secret")
    url = f"http://news.example:{server.port}/go"
    assert refusal(lambda: fetch(url, allow_private=False)) == PRIVATE
    assert server.hits("/inside") == []


def test_unknown_hosts_and_bad_addresses_are_plain_errors(dns: FakeDns) -> None:
    dns.answers["nowhere.example"] = None
    message = refusal(lambda: fetch("http://nowhere.example/", allow_private=False))
    assert message == "I couldn't find the site nowhere.example."
    assert refusal(lambda: fetch("ftp://example.com/file", allow_private=False)).startswith("I can only")
    assert refusal(lambda: fetch("not a url at all", allow_private=False)).startswith("I can only")


@pytest.mark.parametrize(
    ("address", "public"),
    [
        ("93.184.216.34", True),
        ("8.8.8.8", True),
        ("2606:4700:4700::1111", True),
        ("::ffff:8.8.8.8", True),
        ("127.0.0.5", False),
        ("100.127.255.254", False),
        ("198.18.0.1", False),
        ("255.255.255.255", False),
        ("ff02::1", False),
        ("2002:7f00:1::", False),  # 6to4 wrapping 127.0.0.1
        ("64:ff9b::a00:1", False),  # NAT64 wrapping 10.0.0.1
        ("2001:db8::1", False),
    ],
)
def test_address_policy(address: str, public: bool) -> None:
    assert is_public_address(ipaddress.ip_address(address)) is public


@given(st.ip_addresses())
def test_address_policy_never_admits_what_ipaddress_calls_local(ip: Any) -> None:
    if ip.is_loopback or ip.is_private or ip.is_link_local or ip.is_multicast or ip.is_unspecified:
        mapped = getattr(ip, "ipv4_mapped", None)
        assert not is_public_address(ip) or (mapped is not None and is_public_address(mapped))


# Size, time and compression


def test_declared_length_over_the_cap_is_refused_before_reading(server: FakeWebServer) -> None:
    url = server.route("/big", huge_body(50_000_000, declare_length=True))
    started = time.monotonic()
    assert refusal(lambda: fetch_local(url, max_bytes=1_000_000)) == "The page is larger than 1 MB."
    assert time.monotonic() - started < 2


def test_undeclared_length_is_capped_while_reading(server: FakeWebServer) -> None:
    url = server.route("/stream", huge_body(3_000_000, declare_length=False))
    assert refusal(lambda: fetch_local(url, max_bytes=1_000_000)) == "The page is larger than 1 MB."
    assert fetch_local(url, max_bytes=5_000_000).text == "a" * 3_000_000


def test_default_cap_is_named_in_megabytes(server: FakeWebServer) -> None:
    url = server.route("/big", huge_body(6_000_000, declare_length=True))
    assert refusal(lambda: fetch_local(url)) == "The page is larger than 5 MB."


def test_gzip_bomb_is_stopped_without_inflating_it(server: FakeWebServer) -> None:
    url = server.route("/bomb", gzip_bomb(50_000_000))
    tracemalloc.start()
    try:
        message = refusal(lambda: fetch_local(url, max_bytes=1_000_000))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert message == "The page is larger than 1 MB."
    assert peak < 20_000_000


def test_gzip_pages_within_the_cap_are_decoded(server: FakeWebServer) -> None:
    url = server.route("/small-gzip", gzip_bomb(10_000))
    assert fetch_local(url).text == "\0" * 10_000


@pytest.mark.parametrize("in_headers", [False, True])
def test_slow_drip_hits_the_overall_deadline(server: FakeWebServer, in_headers: bool) -> None:
    url = server.route("/drip", slow_drip(interval=0.05, in_headers=in_headers))
    started = time.monotonic()
    assert refusal(lambda: fetch_local(url, timeout=1.0)) == "The page took longer than 1 second."
    assert time.monotonic() - started < 2.0


def test_deadline_message_names_the_configured_time(server: FakeWebServer) -> None:
    url = server.route("/drip", slow_drip(interval=0.5))
    assert refusal(lambda: fetch_local(url, timeout=0.5)) == "The page took longer than 0.5 seconds."


def test_a_connection_closed_early_is_a_plain_error(server: FakeWebServer) -> None:
    def truncated(request: Any) -> None:
        request.send_response(200)
        request.send_header("Content-Length", "1000")
        request.end_headers()
        request.wfile.write(b"<p>only part")

    url = server.route("/cut", truncated)
    assert refusal(lambda: fetch_local(url)) == "The connection to 127.0.0.1 broke off."


# From async code


async def test_afetch_runs_on_the_callers_event_loop(server: FakeWebServer) -> None:
    url = server.page("/story", article_page())
    got = await afetch(url, allow_private=True)
    assert got.status == 200 and "Port of Lessa" in got.text
    with pytest.raises(IngestError, match="inside our own network"):
        await afetch(url, allow_private=False)
