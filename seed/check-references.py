# Checks an evaluation folder beside the seed (seed/dev, seed/holdout) without dotnet: JSON parses; every actor, topic,
# holder, target and signatory key exists in the seed or in the folder; topic parents come first; every quote occurs in
# its document body (white space collapsed) once, or at its recorded occurrence.
# Usage: python3 seed/check-references.py seed/holdout
import json,os,re,sys,collections
if len(sys.argv)!=2: sys.exit('usage: python3 seed/check-references.py FOLDER (seed/dev or seed/holdout)')
S=os.path.dirname(os.path.abspath(__file__))+'/'; R=os.path.abspath(sys.argv[1])+'/'
def load(p): return json.load(open(p,encoding='utf-8'))
seedA={a['slug'] for a in load(S+'actors.json')}; seedT={t['slug'] for t in load(S+'topics.json')}
myA=load(R+'actors.json'); myT=load(R+'topics.json')
A=seedA|{a['slug'] for a in myA}; T=set(seedT)
errs=[]
for a in myA:
    if a['slug'] in seedA: errs.append('actor dup of seed '+a['slug'])
    if a['parent'] and a['parent'] not in A: errs.append('actor parent '+a['parent'])
for t in myT:
    if t['slug'] in seedT: errs.append('topic dup of seed '+t['slug'])
    if t['parent'] and t['parent'] not in T: errs.append('topic parent order '+t['slug'])
    T.add(t['slug'])
docs=load(R+'documents.json'); per=collections.Counter(); stances=collections.Counter()
for d in docs:
    for s in d['signatories']:
        if s not in A: errs.append('signatory '+s)
    f=R+d['file']
    if not os.path.exists(f): errs.append('file '+f)
    t=open(f,encoding='utf-8').read(); m=re.search(r'^={5,}\s*$',t,re.M); body=re.sub(r'\s+',' ',t[m.end():])
    c=load(R+'claims/'+d['key']+'.json')
    assert c['document']==d['key']
    for cl in c['claims']:
        for h in cl['holders']:
            if h not in A: errs.append('holder '+h)
        if cl.get('target') and cl['target'] not in A: errs.append('target '+cl['target'])
        if cl['topic'] not in T: errs.append('topic '+cl['topic']+' in '+d['key'])
        q=re.sub(r'\s+',' ',cl['quote']); n=body.count(q)
        if n < cl.get('occurrence',1): errs.append('quote '+q)
        if n>1 and 'occurrence' not in cl: errs.append('ambiguous '+q)
        # offsets (code points) for the record
        i=-1
        for _ in range(cl.get('occurrence',1)): i=body.find(q,i+1)
        assert i>=0
        assert cl['stance'] in ('supports','welcomes','reaffirms','calls_for','commits','concerned','opposes','condemns')
        assert 1<=cl['intensity']<=3
        stances[cl['stance']]+=1
    per[d['language']]+=len(c['claims'])
    print(d['key'],d['language'],len(c['claims']))
print(dict(per), dict(stances))
print('ERRORS' if errs else 'all references resolve', errs)
raise SystemExit(1 if errs else 0)
