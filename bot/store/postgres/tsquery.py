"""FTS5 queries (the subset ``bot.retrieval.fts`` builds) as PostgreSQL ``to_tsquery`` input.

``bot.retrieval.fts`` only ever builds quoted terms joined by ``OR`` or ``AND``, a term's spellings in
brackets: ``("g7" OR "g-7") AND "summit"``. Each quoted term becomes a quoted tsquery lexeme (so no
character of it is syntax; one of several words is a phrase), brackets stay brackets, and the operators
become ``|`` and ``&``, which bind in the same order as in FTS5 (AND before OR).
"""

from __future__ import annotations

import re

from bot.errors import BadQuestion

_TOKEN = re.compile(r'\s*(?:"((?:[^"]|"")*)"|(OR|AND|NOT)\b|([()])|([^\s()]+))')
_OPERATORS = {"OR": "|", "AND": "&"}


def _lexeme(term: str, weights: str) -> str:
    """A term as a tsquery lexeme literal: backslashes and quotes escaped, optional weight labels."""
    literal = "'" + term.replace("\\", "\\\\").replace("'", "''") + "'"
    return literal + (f":{weights}" if weights else "")


def to_tsquery_text(fts_query: str, *, weights: str = "") -> str:
    """The ``to_tsquery`` input for an FTS5 query of quoted terms joined by OR/AND; "" when it has none.

    Terms with no characters are dropped with the operator before them.

    :param weights: weight labels every lexeme is restricted to, e.g. "B" to match paragraph text only.
    """
    parts: list[str] = []
    operator = ""
    for match in _TOKEN.finditer(fts_query.strip()):
        quoted, word, bracket, bare = match.groups()
        if word is not None:
            if word not in _OPERATORS:
                raise BadQuestion(f"Unsupported search operator {word!r}.")
            operator = _OPERATORS[word]
            continue
        if bracket == ")":
            parts.append(bracket)
            continue
        if bracket == "(":
            operand = bracket
        else:
            term = quoted.replace('""', '"') if quoted is not None else bare
            if term is None or not term.strip():
                operator = ""
                continue
            operand = _lexeme(term, weights)
        if parts and parts[-1] != "(":
            parts.append(operator or "&")  # FTS5 reads adjacent terms as AND
        parts.append(operand)
        operator = ""
    return " ".join(parts)
