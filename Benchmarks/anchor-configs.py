#!/usr/bin/env python3
# Writes a config replacing the keyword-anchored built-in password rules by copies, so the anchor
# can be measured with one binary (scan --config plain.toml vs --config anchored.toml):
#   python3 Benchmarks/anchor-configs.py plain > plain.toml        (anchor stripped: the baseline)
#   python3 Benchmarks/anchor-configs.py anchored [id=N,...] > anchored.toml
import os, re, sys
mode = sys.argv[1]
over = dict(kv.split('=') for kv in sys.argv[2].split(',')) if len(sys.argv) > 2 else {}
pack = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'Sources', 'SecretRules', 'Builtin', 'passwords.toml')
blocks = re.split(r'(?m)^(?=\[\[rules\]\]\n)', open(pack).read())
out = ['[extend]\nuseDefault = true\n']
for b in blocks:
    m = re.match(r'\[\[rules\]\]\nid = "([^"]+)"', b)
    if m and 'anchor = "keyword"' in b:
        if mode == 'plain':
            b = re.sub(r'\nanchor = "keyword"\nmaxKeywordDistance = \d+\n', '\n', b)
        elif m.group(1) in over:
            b = re.sub(r'maxKeywordDistance = \d+', 'maxKeywordDistance = ' + over[m.group(1)], b)
        out.append(b)
print(''.join(out))
