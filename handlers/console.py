"""``ConsoleAdapter``: the chat REPL behind ``briefbot chat``, over the same command set as the platforms."""

from __future__ import annotations

import getpass
from typing import TextIO

from bot.commands import handle
from bot.formatting import to_plain_text
from bot.models import Chat, User
from bot.service import BriefingService

PROMPT = "you> "
# What leaves the console: the commands, and the words people type for them ("quit" is no question).
LEAVE = frozenset({"/quit", "/exit", "quit", "exit", "bye", "q"})


class ConsoleAdapter:
    """Reads questions and commands line by line and prints plain-text replies; the local user is an admin."""

    def __init__(self, service: BriefingService, stdin: TextIO, stdout: TextIO) -> None:
        self.service = service
        self.stdin = stdin
        self.stdout = stdout
        self.user = User("console", getpass.getuser())
        self.chat = Chat("console", "local")

    def run(self) -> None:
        """Answer until end of input (or /quit, or "quit" typed as people do); prompts only when a person is typing."""
        interactive = self.stdin.isatty()
        if interactive:
            self._write("Briefbot — ask me about the news. /help lists commands, /quit or Ctrl-D leaves.\n")
        while True:
            if interactive:
                self._write(PROMPT)
            line = self.stdin.readline()
            if not line or line.strip().lower() in LEAVE:
                break
            if line.strip():
                self._write(self.on_message(line) + "\n\n")

    def on_message(self, text: str) -> str:
        """One line in, the rendered reply out."""
        return to_plain_text(handle(self.service, self.user, self.chat, text))

    def _write(self, text: str) -> None:
        self.stdout.write(text)
        self.stdout.flush()
