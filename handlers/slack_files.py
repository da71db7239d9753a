"""Downloading a file shared with the Slack bot: size checked first, the bot token sent only to Slack.

Slack serves private files (``url_private``) only to requests carrying the bot token, and answers
anyone else with a 200 sign-in page rather than an error. The token must never reach another host,
so a download goes only to ``files.slack.com`` over https or to the host of the configured Web API
base URL (a local Slack API in tests), and a redirect elsewhere is refused rather than followed.
"""

from __future__ import annotations

import urllib.error
import urllib.request
from typing import Any
from urllib.parse import urlsplit

SLACK_FILES_HOST = "files.slack.com"
DOWNLOAD_TIMEOUT = 30.0


class DownloadError(Exception):
    """A shared file could not be fetched; the message is fit to show the person who shared it."""


def too_big(size: int, limit: int) -> str:
    """The refusal for a file over the upload limit, in megabytes."""
    return f"it is {size / 1_048_576:.1f} MB and I take files up to {limit / 1_048_576:.1f} MB"


def may_send_token(url: str, api_base_url: str) -> bool:
    """Whether ``url`` is Slack's file host (https) or the configured Web API host, so it may see the token."""
    try:
        target, base = urlsplit(url), urlsplit(api_base_url)
        if target.scheme == "https" and target.hostname == SLACK_FILES_HOST and target.port in (None, 443):
            return True
        return bool(target.hostname) and (target.scheme, target.hostname, target.port) == (
            base.scheme,
            base.hostname,
            base.port,
        )
    except ValueError:  # a malformed port or host
        return False


def download_file(file: dict[str, Any], *, token: str, api_base_url: str, limit: int) -> bytes:
    """The bytes of a Slack file object, at most ``limit`` of them; raises ``DownloadError``."""
    size = file.get("size")
    if isinstance(size, int) and size > limit:
        raise DownloadError(too_big(size, limit))
    url = str(file.get("url_private_download") or file.get("url_private") or "")
    if not url:
        raise DownloadError("Slack gave no download address for it")
    if not may_send_token(url, api_base_url):
        raise DownloadError("its download address is not on Slack, so I won't send my token there")
    opener = urllib.request.build_opener(_SlackOnlyRedirects(api_base_url))
    request = urllib.request.Request(url, headers={"Authorization": f"Bearer {token}"})
    try:
        with opener.open(request, timeout=DOWNLOAD_TIMEOUT) as answer:
            data: bytes = answer.read(limit + 1)
            kind = answer.headers.get_content_type()
    except (urllib.error.URLError, OSError) as error:
        raise DownloadError(f"Slack would not give it to me ({error})") from None
    if len(data) > limit:
        raise DownloadError(too_big(len(data), limit))
    if kind == "text/html" and file.get("mimetype") != "text/html" and b"<html" in data[:512].lower():
        # Slack's answer to a token without files:read is its sign-in page, with status 200.
        raise DownloadError("Slack sent a sign-in page instead (does the app have the files:read scope?)")
    return data


class _SlackOnlyRedirects(urllib.request.HTTPRedirectHandler):
    """Follows a redirect only to a host that may see the token (urllib would forward the header)."""

    def __init__(self, api_base_url: str) -> None:
        self.api_base_url = api_base_url

    def redirect_request(
        self, req: urllib.request.Request, fp: Any, code: int, msg: str, headers: Any, newurl: str
    ) -> urllib.request.Request | None:
        """The follow-up request, or ``None`` (urllib then raises the 3xx) for a host off Slack."""
        if not may_send_token(newurl, self.api_base_url):
            return None
        return super().redirect_request(req, fp, code, msg, headers, newurl)
