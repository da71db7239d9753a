"""Fetch web pages safely: public addresses only, bounded size, time and redirects.

``afetch`` does the work on the running event loop; ``fetch`` runs it to completion from synchronous
code. Every failure is an ``IngestError`` whose message can be shown to the person who sent the link.
"""

from __future__ import annotations

import asyncio
import codecs
import ipaddress
import re
import socket
import zlib
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from http import HTTPStatus
from typing import TypedDict, Unpack

import httpx

from bot.errors import IngestError

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

USER_AGENT = "Briefbot/0.1 (news briefing bot)"
HTML_TYPES = ("text/html", "application/xhtml+xml")
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
# RFC 6598 shared space and the NAT64 prefix are not flagged by every Python's ipaddress.
_CGNAT = ipaddress.ip_network("100.64.0.0/10")
_NAT64 = ipaddress.ip_network("64:ff9b::/96")
# WHATWG treats these labels as windows-1252, which is what such pages really contain.
_WINDOWS_1252_LABELS = frozenset({"iso-8859-1", "iso8859-1", "latin-1", "latin1", "us-ascii", "ascii"})
_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""", re.I)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9_.:-]{1,40})""")
_BAD_REDIRECT = "The page redirected to an address I can't fetch."
_PRIVATE = "That address points inside our own network, so I won't fetch it."


@dataclass(frozen=True)
class Fetched:
    """A fetched page: where it ended up, its decoded text and its caching validators."""

    url: str
    status: int
    content_type: str  # media type only, lower case ("text/html"); empty when the server sent none
    text: str
    etag: str | None = None
    last_modified: str | None = None
    not_modified: bool = False


def is_public_address(ip: IPAddress) -> bool:
    """True when ``ip`` is a globally routable unicast address (never loopback, private, CGNAT…)."""
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return is_public_address(ip.ipv4_mapped)
        embedded = ip.sixtofour or (ip.teredo[1] if ip.teredo else None)
        if embedded is None and ip in _NAT64:
            # A NAT64 gateway turns 64:ff9b::a.b.c.d into a connection to a.b.c.d.
            embedded = ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
        if embedded is not None and not is_public_address(embedded):
            return False
    return ip.is_global and not (
        ip.is_private
        or ip.is_loopback
        or ip.is_link_local
        or ip.is_multicast
        or ip.is_reserved
        or ip.is_unspecified
        or ip in _CGNAT
    )


class _FetchOptions(TypedDict, total=False):
    """The optional keywords of ``afetch``, which ``fetch`` passes on; their defaults are ``afetch``'s."""

    max_bytes: int
    timeout: float
    max_redirects: int
    accept: tuple[str, ...]
    etag: str | None
    last_modified: str | None


def fetch(url: str, *, allow_private: bool, **options: Unpack[_FetchOptions]) -> Fetched:
    """The page at ``url``, from synchronous code (from async code, await ``afetch`` instead)."""
    loop = asyncio.new_event_loop()
    try:
        return loop.run_until_complete(afetch(url, allow_private=allow_private, **options))
    finally:
        # Unlike asyncio.run, close() does not wait for a resolver thread stuck past the deadline.
        loop.close()


async def afetch(
    url: str,
    *,
    allow_private: bool,
    max_bytes: int = 5_000_000,
    timeout: float = 10.0,
    max_redirects: int = 5,
    accept: tuple[str, ...] = HTML_TYPES,
    etag: str | None = None,
    last_modified: str | None = None,
) -> Fetched:
    """The page at ``url``, following at most ``max_redirects`` redirects, all within ``timeout`` seconds.

    :param allow_private: fetch loopback and private addresses too (tests, intranet deployments).
    :param accept: media types to accept; ``"text/*"`` style wildcards work.
    :param etag: validator from an earlier fetch; a 304 answer gives ``not_modified=True``.
    """
    limits = _Limits(allow_private, max_bytes, timeout, max_redirects, accept)
    headers = {
        "User-Agent": USER_AGENT,
        # The low-priority catch-all avoids bare 406s; a wrong type is refused by name after the headers.
        "Accept": ", ".join((*accept, "*/*;q=0.1")),
        # Only encodings _BoundedDecoder can unpack with a size limit.
        "Accept-Encoding": "gzip, deflate",
    }
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    try:
        # One deadline for DNS, connecting, every redirect and the body: a slow drip cannot outlast it.
        async with asyncio.timeout(timeout):
            return await _follow(_parse_url(url), headers, limits, _Validators(etag, last_modified))
    except (TimeoutError, httpx.TimeoutException) as exc:
        raise IngestError(f"The page took longer than {_seconds(timeout)}.") from exc


@dataclass(frozen=True)
class _Limits:
    allow_private: bool
    max_bytes: int
    timeout: float
    max_redirects: int
    accept: tuple[str, ...]


@dataclass(frozen=True)
class _Validators:
    etag: str | None
    last_modified: str | None


async def _follow(target: httpx.URL, headers: dict[str, str], limits: _Limits, sent: _Validators) -> Fetched:
    seen = {str(target)}
    for _hop in range(limits.max_redirects + 1):
        async with _request(target, headers, limits) as response:
            location = _redirect_target(response, target)
            if location is None:
                return await _read(response, target, limits, sent)
        if str(location) in seen:
            raise IngestError("The page redirects in a loop.")
        seen.add(str(location))
        target = location
    raise IngestError(f"The page redirected more than {limits.max_redirects} times.")


@asynccontextmanager
async def _request(
    target: httpx.URL, headers: dict[str, str], limits: _Limits
) -> AsyncIterator[httpx.Response]:
    send_to, extra_headers, extensions = await _pin(target, limits.allow_private)
    host = target.host
    # A fresh client per hop: a pooled connection made for one host's name must not carry another's.
    async with httpx.AsyncClient(trust_env=False, follow_redirects=False, timeout=limits.timeout) as client:
        request = client.build_request(
            "GET", send_to, headers={**headers, **extra_headers}, extensions=extensions
        )
        try:
            response = await client.send(request, stream=True)
        except httpx.TimeoutException:
            # Timeouts are transport errors too; afetch words them once, with the deadline.
            raise
        except httpx.ConnectError as exc:
            raise IngestError(f"I couldn't connect to {host}.") from exc
        except httpx.InvalidURL as exc:
            # httpx prepares the next request even when not following, and trips on odd Locations.
            raise IngestError(_BAD_REDIRECT) from exc
        except httpx.HTTPError as exc:
            raise IngestError(f"The connection to {host} failed.") from exc
        try:
            yield response
        except httpx.TimeoutException:
            raise
        except (httpx.TransportError, httpx.StreamError) as exc:
            raise IngestError(f"The connection to {host} broke off.") from exc
        finally:
            await response.aclose()


async def _pin(target: httpx.URL, allow_private: bool) -> tuple[httpx.URL, dict[str, str], dict[str, object]]:
    """Where to connect: the checked IP, so a second DNS answer cannot point somewhere else."""
    if allow_private:
        return target, {}, {}
    host = target.raw_host.decode("ascii")
    port = target.port or (443 if target.scheme == "https" else 80)
    try:
        infos = await asyncio.to_thread(socket.getaddrinfo, host, port, 0, socket.SOCK_STREAM)
    except (OSError, UnicodeError) as exc:
        raise IngestError(f"I couldn't find the site {target.host}.") from exc
    addresses = [ipaddress.ip_address(str(info[4][0])) for info in infos]
    # One private answer is enough to refuse: an attacker controls the order of DNS answers.
    if not addresses or not all(is_public_address(ip) for ip in addresses):
        raise IngestError(_PRIVATE)
    extensions: dict[str, object] = {"sni_hostname": host} if target.scheme == "https" else {}
    return target.copy_with(host=str(addresses[0])), {"Host": target.netloc.decode("ascii")}, extensions


def _parse_url(url: str) -> httpx.URL:
    try:
        parsed = httpx.URL(url.strip())
    except (httpx.InvalidURL, TypeError) as exc:
        raise IngestError("That doesn't look like a web address.") from exc
    if parsed.scheme not in ("http", "https") or not parsed.host:
        raise IngestError("I can only fetch web addresses that start with http:// or https://.")
    return parsed


def _redirect_target(response: httpx.Response, current: httpx.URL) -> httpx.URL | None:
    location = response.headers.get("location")
    if response.status_code not in _REDIRECTS or not location:
        return None
    try:
        return _parse_url(str(current.join(location)))
    except (IngestError, httpx.InvalidURL) as exc:
        raise IngestError(_BAD_REDIRECT) from exc


async def _read(response: httpx.Response, url: httpx.URL, limits: _Limits, sent: _Validators) -> Fetched:
    status = response.status_code
    content_type = response.headers.get("content-type", "")
    media_type = content_type.split(";", 1)[0].strip().lower()
    etag = response.headers.get("etag", sent.etag)
    last_modified = response.headers.get("last-modified", sent.last_modified)
    if status == HTTPStatus.NOT_MODIFIED:
        return Fetched(str(url), status, media_type, "", etag, last_modified, not_modified=True)
    if not 200 <= status < 300:
        raise IngestError(f"The page answered {_status_text(status)}.")
    # A missing type is left to the parser to judge; a wrong one (an image, a PDF) is refused here.
    if media_type and not _accepted(media_type, limits.accept):
        raise IngestError(f"That is not a web page ({media_type}).")
    too_large = IngestError(f"The page is larger than {_size(limits.max_bytes)}.")
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limits.max_bytes:
        raise too_large
    decoder = _BoundedDecoder(response.headers.get("content-encoding", ""), limits.max_bytes, too_large)
    chunks = [decoder.feed(chunk) async for chunk in response.aiter_raw()]
    chunks.append(decoder.flush())
    text = _decode(b"".join(chunks), content_type)
    return Fetched(str(url), status, media_type, text, etag, last_modified)


class _BoundedDecoder:
    """Undo Content-Encoding while counting bytes, so a small gzip bomb cannot fill memory."""

    def __init__(self, encoding: str, max_bytes: int, too_large: IngestError) -> None:
        encoding = encoding.strip().lower()
        self._max = max_bytes
        self._too_large = too_large
        self._received = 0
        self._decoded = 0
        if encoding in ("", "identity"):
            self._zlib = None
        elif encoding in ("gzip", "x-gzip"):
            self._zlib = zlib.decompressobj(16 + zlib.MAX_WBITS)
        elif encoding == "deflate":
            self._zlib = zlib.decompressobj(zlib.MAX_WBITS)
        else:
            raise IngestError(f"The page uses a compression I can't read ({encoding}).")

    def feed(self, data: bytes) -> bytes:
        """The decoded bytes of ``data``; raises once more than ``max_bytes`` arrived or came out."""
        self._received += len(data)
        if self._received > self._max:
            raise self._too_large
        if self._zlib is None:
            return self._count(data)
        parts: list[bytes] = []
        try:
            # Each call yields at most one byte past the limit, and the limit raises, so this ends.
            while data:
                room = self._max - self._decoded + 1
                parts.append(self._count(self._zlib.decompress(data, room)))
                data = self._zlib.unconsumed_tail
        except zlib.error as exc:
            raise IngestError("The page's compressed data is damaged.") from exc
        return b"".join(parts)

    def flush(self) -> bytes:
        """Whatever the decompressor still holds."""
        if self._zlib is None:
            return b""
        try:
            return self._count(self._zlib.flush())
        except zlib.error as exc:
            raise IngestError("The page's compressed data is damaged.") from exc

    def _count(self, data: bytes) -> bytes:
        self._decoded += len(data)
        if self._decoded > self._max:
            raise self._too_large
        return data


def _decode(body: bytes, content_type: str) -> str:
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if body.startswith(bom):
            return body.decode(encoding, errors="replace")
    declared = re.search(r"charset\s*=\s*[\"']?([^\s;\"']+)", content_type, re.I)
    head = body[:4096]
    sniffed = _META_CHARSET.search(head) or _XML_ENCODING.search(head)
    for label in (declared.group(1) if declared else None, sniffed.group(1).decode() if sniffed else None):
        text = _decode_as(body, label)
        if text is not None:
            return text
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        return body.decode("cp1252", errors="replace")


def _decode_as(body: bytes, label: str | None) -> str | None:
    if not label:
        return None
    label = label.strip().lower()
    encoding = "cp1252" if label in _WINDOWS_1252_LABELS else label
    try:
        return body.decode(encoding, errors="replace")
    except LookupError:
        # Unknown labels and bytes-to-bytes codecs such as "rot13" or "base64" alike.
        return None


def _accepted(media_type: str, accept: tuple[str, ...]) -> bool:
    major = media_type.split("/", 1)[0]
    return any(pattern in (media_type, f"{major}/*", "*/*") for pattern in accept)


def _status_text(status: int) -> str:
    try:
        return f"{status} {HTTPStatus(status).phrase}"
    except ValueError:
        return str(status)


def _seconds(value: float) -> str:
    return f"{value:g} second" + ("" if value == 1 else "s")


def _size(value: int) -> str:
    if value >= 1_000_000:
        return f"{value / 1_000_000:g} MB"
    if value >= 1_000:
        return f"{value / 1_000:g} kB"
    return f"{value} bytes"
