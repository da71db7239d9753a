"""Does an answer survive the way a question is typed? Re-ask each question in other phrasings and count changes.

Run: .venv/bin/python bench/eval/phrasings.py [QUESTIONS.jsonl ...] [--corpus DIR] [--show N]

Loads the corpus into a temporary store, reads each speaker + topic and topic-only question's speaker and topic
as the bot parses them, asks them again in every phrasing below, and prints, per phrasing, how many first answers
differ from the answer to the plain form ("what did X say about Y?", "any news on Y?"). Questions the plain form
leaves unanswered are skipped. Then the same for the speaker's name: each speaker + topic question whose speaker
is one person with a two-word name, asked again with other forms of it (surname, initial, a slip in it).
Defaults: the dev set and own.jsonl–own4.jsonl (read sets, not held out).
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from bot.config import Settings
from bot.evaluation import read_questions
from bot.models import User
from bot.retrieval.query import SPEAKER_TOPIC, TOPIC_ONLY, parse_question
from bot.service import BriefingService
from bot.store import Store

HERE = Path(__file__).resolve().parent
DEFAULT_SETS = [HERE.parents[2] / "shared/eval/dev.jsonl", *(HERE / f"own{n}.jsonl" for n in ("", 2, 3, 4))]
SPEAKER_PHRASINGS = (
    "what did {s} say about {t}?", "{s} on {t}", "{s}'s comments on {t}", "did {s} mention {t}?",
    "what has {s} said about {t}?", "tell me what {s} said about {t}", "what's {s}'s view on {t}?",
    "has {s} talked about {t}?", "any comments from {s} on {t}?", "what was {s}'s reaction to {t}?",
    "quotes from {s} on {t}", "what did {s} tell reporters about {t}?", "{s} talking about {t}",
    "WHAT DID {S} SAY ABOUT {T}?", "{s}: {t}?", "{s}, {t}", "{s} - {t}", "{s} re {t}", "{t} - {s}?", "{s} {t}",
    "{s} said what about {t}?", "i want to know what {s} said about {t}", "i'd like to know what {s} thinks about {t}",
    "do you know what {s} said about {t}?", "what did {s} say when asked about {t}?",
    "what did {s} say about {t} last week?", "what did {s} say last month about {t}?",
    "hey bot, what did {s} say about {t}?", "ok and what did {s} say about {t}?", "what did {s} say abt {t} pls",
    "what did {s} say in a speech about {t}?", "what did {s} say to reporters about {t}?",
    "what did {s} say about {t} in an interview?", "what did {s} say about {t} at the press conference?",
    "please, what did {s} say about {t}?", "quick question: what did {s} say about {t}?",
    "could you please tell me what {s} said about {t}?", "i was wondering what {s} said about {t}",
    "what has been said by {s} about {t}?", "how did {s} react to {t}?", "what was {s}'s response to {t}?",
    "was {s} quoted on {t}?", "what did {s} say with regards to {t}?",
)  # fmt: skip
TOPIC_PHRASINGS = (
    "any news on {t}?", "what was said about {t}?", "{t}?", "tell me about {t}", "what's the latest on {t}?",
    "updates on {t}", "i want to know about {t}", "anything on {t}?", "what's happening with {t}?", "{T}",
    "do you know anything about {t}?", "give me the latest on {t}", "what do the articles say about {t}?",
    "who said what about {t}?", "summarise {t}", "info on {t}", "background on {t}", "reactions to {t}",
    "tell me everything about {t}", "what's the deal with {t}?", "who mentioned {t}?",
    "has anyone commented on {t}?", "what are people saying about {t}?", "quotes about {t}",
    "please, any news on {t}?", "bot, anything on {t}?", "any articles mentioning {t}?",
    "what's being said about {t}?", "is there anything about {t}?", "what happened to {t}?",
    "any developments on {t}?", "how did people react to {t}?", "{t} - any news?", "what can you tell me about {t}?",
)  # fmt: skip


# A slip is made at a random place after the first letter, the same places every run.
_SLIPS = random.Random(7)
NAME_FORMS: dict[str, Callable[[str, str], str]] = {
    "surname": lambda first, last: last,
    "lower case": lambda first, last: f"{first} {last}".lower(),
    "initial and surname": lambda first, last: f"{first[0]}. {last}",
    "Mr or Ms and surname": lambda first, last: f"Mr {last}",
    "surname, a letter left out": lambda first, last: _left_out(last),
    "surname, two letters swapped": lambda first, last: _swapped(last),
    "surname, a letter doubled": lambda first, last: _doubled(last),
    "first name misspelt": lambda first, last: f"{_left_out(first)} {last}",
    "first name only": lambda first, last: first,
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("questions", nargs="*", type=Path, default=DEFAULT_SETS)
    parser.add_argument("--corpus", type=Path, default=HERE.parents[2] / "shared/corpus")
    parser.add_argument("--show", type=int, default=0, metavar="N", help="print N changed answers per phrasing")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(_env_file=None, db_path=Path(tmp) / "phrasings.db")
        service = BriefingService(Store.open(settings.db_path), settings)
        service.load_paths([args.corpus], by=User("console", "bench"))
        speakers, topics = [], []
        for path in args.questions:
            for question in read_questions(path):
                asked = parse_question(question.question)
                if question.kind == SPEAKER_TOPIC and asked.kind == SPEAKER_TOPIC:
                    speakers.append((asked.speaker, asked.topic))
                elif question.kind == TOPIC_ONLY and asked.kind == TOPIC_ONLY:
                    topics.append(("", asked.topic))
        first = _first_answer(service)
        print(f"{len(speakers)} speaker + topic questions, {len(topics)} topic-only questions")
        for plain, phrasings, asked in (
            ("what did {s} say about {t}?", SPEAKER_PHRASINGS, speakers),
            ("{t}", TOPIC_PHRASINGS, topics),
        ):
            answered = [(s, t, found) for s, t in asked if (found := first(_phrase(plain, s, t)))]
            print(f"\nFirst answers changed, of {len(answered)} answered in the plain form ({plain!r}):")
            for phrasing in phrasings:
                asked_so = [(_phrase(phrasing, s, t), found) for s, t, found in answered]
                changed = [(q, got) for q, found in asked_so if (got := first(q)) != found]
                print(f"{len(changed):5d}  {phrasing}")
                for question, got in changed[: args.show]:
                    print(f"         {question!r} -> {got[:70]!r}")
        _name_forms(service, speakers, first, args.show)


def _name_forms(
    service: BriefingService, speakers: list[tuple[str, str]], first: Callable[[str], str], show: int
) -> None:
    """Changed first answers when the speaker's full name is typed in other forms."""
    asked = []
    for typed, topic in speakers:
        found = service.retriever.speakers.resolve(typed)
        parts = found.names[0].split() if found and len(found.names) == 1 else []
        if len(parts) != 2 or not all(part.isalpha() and len(part) > 3 for part in parts):
            continue  # one person, "first last", each long enough to misspell
        if answer := first(f"what did {' '.join(parts)} say about {topic}?"):
            asked.append((parts[0], parts[1], topic, answer))
    print(f"\nFirst answers changed, of {len(asked)} asked by a person's full name, when the name is typed as:")
    for form, written in NAME_FORMS.items():
        changed = []
        for given, surname, topic, answer in asked:
            question = f"what did {written(given, surname)} say about {topic}?"
            if (got := first(question)) != answer:
                changed.append((question, got))
        print(f"{len(changed):5d}  {form}")
        for question, got in changed[:show]:
            print(f"         {question!r} -> {got[:70]!r}")


def _first_answer(service: BriefingService) -> Callable[[str], str]:
    """The first paragraph answering a question, "" for none."""

    def first(question: str) -> str:
        hits = service.ask(question, limit=1).hits
        return hits[0].text if hits else ""

    return first


def _phrase(phrasing: str, speaker: str, topic: str) -> str:
    return phrasing.format(s=speaker, t=topic, S=speaker.upper(), T=topic.upper())


def _left_out(word: str) -> str:
    at = _SLIPS.randrange(1, len(word) - 1)
    return word[:at] + word[at + 1 :]


def _swapped(word: str) -> str:
    at = _SLIPS.randrange(1, len(word) - 2)
    return word[:at] + word[at + 1] + word[at] + word[at + 2 :]


def _doubled(word: str) -> str:
    at = _SLIPS.randrange(1, len(word) - 1)
    return word[:at] + word[at] + word[at:]


if __name__ == "__main__":
    main()
