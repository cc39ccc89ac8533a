#!/usr/bin/env python3
"""Lists lines of the project's own text (rule-pack examples, Corpora bills, the ModelLaw
catalog) that share a run of K or more words with a statute in ../shared/statutes.

    scripts/check-originality.py [K]      (default 9)

The project writes its examples, sample bills and catalog in its own words; a long shared
run is a sign of copying. Exit status 1 when any line is listed.
"""
import yaml,glob,re,sys
def words(s): return re.findall(r"[a-z0-9]+", s.lower().replace('[[','').replace(']]',''))
stat={f.split('/')[-1]:words(open(f).read()) for f in glob.glob('../shared/statutes/*.txt')}
K=int(sys.argv[1]) if len(sys.argv)>1 else 9
import os
os.chdir(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..'))
found=0
shingles={}
for name,w in stat.items():
    for i in range(len(w)-K+1): shingles.setdefault(tuple(w[i:i+K]),name)
files=glob.glob('Plugins/*/rules/*.yml')+glob.glob('Corpora/*/bill.txt')+glob.glob('ModelLaw/catalog/*.yml')
for p in sorted(files):
    raw=open(p).read()
    if p.endswith('.yml'):
        # examples and prose: every quoted/plain line
        texts=[l for l in raw.split('\n')]
    else: texts=raw.split('\n')
    for t in texts:
        w=words(t)
        best=0;where=None
        i=0
        while i<=len(w)-K:
            if tuple(w[i:i+K]) in shingles:
                j=i+K
                name=shingles[tuple(w[i:i+K])]
                while j<len(w) and any(tuple(w[a:a+K]) in shingles for a in [j-K+1]): j+=1
                if j-i>best: best=j-i; where=(name,' '.join(w[i:j]))
                i=j
            else: i+=1
        if best>=K:
            found+=1
            print(f"{best}\t{p}\t{where[0]}\t{where[1][:160]}")
sys.exit(1 if found else 0)
