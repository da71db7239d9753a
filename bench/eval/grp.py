#!/usr/bin/env python3
"""Helper: paragraphs in the corpus matching ALL given regexes (case-insensitive). usage: grp.py REGEX [REGEX...]"""
import sys, re, os
ROOT='/work/shared/corpus/'
SPLIT=re.compile(r'\n[ \t]*\n')
pats=[re.compile(a, re.I) for a in sys.argv[1:]]
n=0
for dp,_,fs in os.walk(ROOT):
    for f in sorted(fs):
        full=os.path.join(dp,f); rel=os.path.relpath(full,ROOT)
        if rel.startswith('bbc/'): rel=rel[4:]
        t=open(full,encoding='utf-8',errors='replace').read()
        for i,p in enumerate([x for x in SPLIT.split(t) if x.strip()]):
            if all(r.search(p) for r in pats):
                n+=1; print(f'{rel}[{i}] {p[:300]}')
print('matches:',n)
