#!/usr/bin/env python3
"""Validate bench/eval/own2.jsonl (copy of check_own.py adapted to ids pNNN, its own no_answer probes,
and an extra overlap check against own.jsonl) against the corpora (independent re-implementation of the rules in
/work/shared/eval/validate_eval.py; imports nothing from the bot).

Usage: python3 check_own2.py [own2.jsonl] [--corpus DIR] [--dev DEV.jsonl] [--show]
Checks: schema (exactly the dev.jsonl fields), id format oNNN and uniqueness, kinds, no_answer <=> empty gold,
1-4 gold quotes, quote length 40-120, quote in exactly one paragraph of its file and occurring once in it,
quote absent from every other corpus file (BBC + Reuters + azernews), gold never on an exact-duplicate BBC
article, no question repeated from dev.jsonl and no gold article shared with dev.jsonl, and for every
no_answer question a corpus-wide probe (regexes that must never co-occur in one paragraph).
--show prints every gold paragraph for manual review.
"""
import sys, os, re, json, hashlib, collections

args = sys.argv[1:]
def opt(name, default):
    if name in args:
        i = args.index(name); v = args[i + 1]; del args[i:i + 2]; return v
    return default
here = os.path.dirname(os.path.abspath(__file__))
root = opt('--corpus', '/work/shared/corpus')
dev = opt('--dev', '/work/shared/eval/dev.jsonl')
own1 = opt('--own', os.path.join(here, 'own.jsonl'))
show = '--show' in args
if show: args.remove('--show')
path = args[0] if args else os.path.join(here, 'own2.jsonl')

KINDS = {'speaker_topic', 'speaker_only', 'topic_only', 'no_answer'}
FIELDS = ['id', 'question', 'kind', 'gold', 'notes']
PARA_SPLIT = re.compile(rb'\n[ \t]*\n')

# no_answer probes: question text -> list of regex groups; no paragraph may match all regexes of any group.
I = re.I
NO_ANSWER_PROBES = {
    "volcker on the price of crude": [[r'Volcker', r'\boil\b|crude|OPEC|petroleum|barrel']],
    "did stoltenberg say anything about unemployment?": [[r'Stoltenberg', r'unemploy|jobless|\bjobs?\b|labou?r market|employment']],
    "What did Mitterrand say about the franc?": [[r'Mitterr?and']],
    "what was agreed at the toronto economic summit?": [[r'Toronto', r'summit|G-?7|G-?5|economic leaders|heads of (state|government)']],
    "did ronnie corbett say anything about the licence fee": [[r'Corbett', r'licen[cs]e|fee']],
    "cathy jamieson on knife crime": [[r'Jamieson', r'knife|knives|stab|blade']],
    "what has nattrass said about immigration?": [[r'Nattrass', r'immigra|asylum|migra|foreigner']],
    "What did Hillary Clinton say about violent video games?": [[r'Hillary']],
    "any news on the oxford v cambridge boat race?": [[r'boat[- ]race'], [r'Oxford', r'Cambridge', r'\bboats?\b|rowing|rowers?\b|\bcrew']],
    "any news on the band aid 30 single": [[r'Band ?Aid (30|XXX|thirty)']],
}

REUTERS_NO_ANSWER = set(list(NO_ANSWER_PROBES)[:4])  # the first four probes are the Reuters questions

docs = {}
for dirpath, _, files in os.walk(root):
    for f in files:
        if f.endswith('.txt'):
            full = os.path.join(dirpath, f)
            rel = os.path.relpath(full, root).replace(os.sep, '/')
            if rel.startswith('bbc/'): rel = rel[4:]
            docs[rel] = open(full, 'rb').read()
by_hash = collections.defaultdict(list)
for k, v in docs.items(): by_hash[hashlib.md5(v).hexdigest()].append(k)
dup_docs = {k for v in by_hash.values() if len(v) > 1 for k in v}
paras = {k: [p for p in PARA_SPLIT.split(v) if p.strip()] for k, v in docs.items()}

dev_q, dev_docs = set(), set()
for prev in (dev, own1):
    if not os.path.exists(prev): continue
    for line in open(prev, encoding='utf-8'):
        o = json.loads(line); dev_q.add(' '.join(o['question'].lower().split()))
        dev_docs.update(g['doc'] for g in o['gold'])

errors = []; ids = set(); questions = {}
kinds = collections.Counter(); corpus_kind = collections.Counter(); ngold = collections.Counter()
for ln, line in enumerate(open(path, encoding='utf-8'), 1):
    try: o = json.loads(line)
    except Exception as e: errors.append(f'line {ln}: bad JSON {e}'); continue
    where = f'{ln}:{o.get("id")}'
    if list(o.keys()) != FIELDS: errors.append(f'{where} fields {list(o.keys())} != {FIELDS}'); 
    if not re.fullmatch(r'p\d{3}', str(o.get('id'))): errors.append(f'{where} id not pNNN')
    if o.get('id') != f'p{ln:03d}': errors.append(f'{where} id out of sequence')
    if o['id'] in ids: errors.append(f'{where} duplicate id')
    ids.add(o['id'])
    if not isinstance(o['question'], str) or not o['question'].strip(): errors.append(f'{where} empty question')
    if not isinstance(o['notes'], str) or not o['notes'].strip(): errors.append(f'{where} empty notes')
    qn = ' '.join(o['question'].lower().split())
    if qn in questions: errors.append(f'{where} same question as {questions[qn]}')
    if qn in dev_q: errors.append(f'{where} question copied from dev.jsonl/own.jsonl')
    questions[qn] = where
    if o['kind'] not in KINDS: errors.append(f'{where} bad kind {o["kind"]}')
    kinds[o['kind']] += 1; ngold[len(o['gold'])] += 1
    if (o['kind'] == 'no_answer') != (len(o['gold']) == 0):
        errors.append(f'{where} no_answer must have empty gold (and only no_answer)')
    if len(o['gold']) > 4: errors.append(f'{where} more than 4 gold quotes')
    corp = {('reuters' if g['doc'].startswith('reuters/') else 'bbc') for g in o['gold']}
    if len(corp) > 1: errors.append(f'{where} gold mixes corpora')
    if o['kind'] == 'no_answer':
        corp = {'reuters' if o['question'] in REUTERS_NO_ANSWER else 'bbc'}
    corpus_kind[(corp.pop() if corp else '?', o['kind'])] += 1
    seen_paras = set()
    for g in o['gold']:
        if set(g) != {'doc', 'quote'}: errors.append(f'{where} gold keys {sorted(g)}')
        d, q = g['doc'], g['quote']
        if d not in docs: errors.append(f'{where} unknown doc {d}'); continue
        if d in dup_docs: errors.append(f'{where} gold doc {d} is an exact duplicate article')
        if d in dev_docs: errors.append(f'{where} gold doc {d} is also used by dev.jsonl/own.jsonl')
        if not 40 <= len(q) <= 120: errors.append(f'{where} quote length {len(q)}')
        qb = q.encode('utf-8')
        hits = [i for i, p in enumerate(paras[d]) if qb in p]
        if len(hits) != 1: errors.append(f'{where} quote found in {len(hits)} paragraphs of {d}')
        elif (d, hits[0]) in seen_paras: errors.append(f'{where} two quotes point at the same paragraph {d}#{hits[0]}')
        else: seen_paras.add((d, hits[0]))
        if docs[d].count(qb) != 1: errors.append(f'{where} quote occurs {docs[d].count(qb)} times in {d}')
        others = [k for k, v in docs.items() if k != d and qb in v]
        if others: errors.append(f'{where} quote also in {others}')
        if show and hits:
            print(f'--- {o["id"]} [{o["kind"]}] {o["question"]}\n    {d}#{hits[0]}: {paras[d][hits[0]].decode("utf-8","replace")[:700]}\n')
    if o['kind'] == 'no_answer':
        probes = NO_ANSWER_PROBES.get(o['question'])
        if probes is None: errors.append(f'{where} no_answer question has no corpus probe'); continue
        for group in probes:
            rx = [re.compile(r.encode(), I) for r in group]
            for d, ps in paras.items():
                for i, p in enumerate(ps):
                    if all(r.search(p) for r in rx):
                        errors.append(f'{where} no_answer probe {group} matches {d}#{i}: {p[:100]!r}')

print(f'{os.path.basename(path)}: {sum(kinds.values())} questions, kinds {dict(sorted(kinds.items()))}')
print('per corpus/kind:', dict(sorted(corpus_kind.items())))
print('gold-count histogram:', dict(sorted(ngold.items())))
print(f'corpus files: {len(docs)}; errors: {len(errors)}')
for e in errors: print('ERROR', e)
if not errors: print('OK: schema, kinds, quotes (unique paragraph, unique across corpus) and no_answer probes all pass')
sys.exit(1 if errors else 0)
