#!/usr/bin/env python3
"""Helper: print numbered paragraphs of corpus docs.  usage: show.py politics/100.txt reuters/10264.txt"""
import sys, re
ROOT='/work/shared/corpus/'
SPLIT=re.compile(r'\n[ \t]*\n')
for d in sys.argv[1:]:
    p = ROOT + (d if d.startswith(('reuters/','azernews/')) else 'bbc/'+d)
    t = open(p, encoding='utf-8', errors='replace').read()
    print('=====', d)
    for i, para in enumerate([x for x in SPLIT.split(t) if x.strip()]):
        print(f'[{i}] {para}')
