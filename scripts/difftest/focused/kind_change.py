#!/usr/bin/env python3
"""Trees where generated ConfigMaps and Secrets are patched, often with `allowKindChange`
and `allowNameChange`, over one or two layers: kustomize then hashes the object's whole
go-yaml node tree (see `KyamlReplay`). Some trees add another transformer, a list, a comment
or an explicit tag, which sts-kustomize must refuse rather than guess.

    kind_change.py SEED COUNT OUTDIR   # writes OUTDIR/t<n>/{base,top}/..., and t<n>/target
"""
import os
import random
import sys

random.seed(int(sys.argv[1]))
N = int(sys.argv[2])
os.chdir(sys.argv[3])
vals = ['1', 'yes', 'abc', '"quoted"', "'sq'", 'x y', '1.5', 'true', '~', 'null', '""', '|\n      multi\n      line', '0777', 'a:b']
kinds = ['Service', 'Role', 'Foo', 'ClusterRole', 'Deployment', 'ConfigMap', 'Secret', 'Namespace']
def lit():
    k = random.choice(['a', 'b', 'key', 'z1', 'A'])
    v = random.choice(['x', '1', 'yes', 'hello world', 'multi\\nline', 'true', '', 'é'])
    return k, v
def patch_body(kind, name, ind):
    lines = ['kind: %s' % kind] if kind else []
    if random.random() < 0.7:
        lines.append('apiVersion: %s' % random.choice(['v1', 'apps/v1', 'rbac.authorization.k8s.io/v1']))
    meta = []
    if random.random() < 0.8: meta.append('  name: %s' % name)
    if random.random() < 0.3: meta.append('  namespace: %s' % random.choice(['ns1', 'default', '""']))
    if random.random() < 0.3: meta.append('  labels:\n    l1: %s' % random.choice(vals[:9]))
    if random.random() < 0.3: meta.append('  annotations:\n    a1: %s' % random.choice(vals[:9]))
    if meta: lines.append('metadata:\n' + '\n'.join(meta))
    if random.random() < 0.4:
        lines.append('data:\n  %s: %s' % (random.choice(['a', 'n', 'key']), random.choice(vals)))
    if random.random() < 0.3:
        lines.append('spec:\n  x: %s\n  m:\n    y: %s' % (random.choice(vals), random.choice(vals)))
    if random.random() < 0.15:
        f = random.choice(['extra', 'data', 'type', 'immutable'])
        if not any(l.startswith(f + ':') for l in lines): lines.append('%s: %s' % (f, random.choice(vals)))
    if random.random() < 0.1:
        lines.append('spec:\n  ports:\n  - port: 80' if not any(l.startswith('spec:') for l in lines) else 'list: [1, 2]')
    if random.random() < 0.08: lines.append('# a comment')
    if random.random() < 0.05: lines.insert(0, 'foo: !!str 1')
    body = '\n'.join(lines)
    if random.random() < 0.15: body = '\n\n' + body + '\n\n'
    return '\n'.join(' ' * ind + l if l else l for l in body.split('\n'))
for n in range(N):
    d = 't%d' % n
    os.makedirs(d + '/base')
    gen = random.choice(['configMapGenerator', 'secretGenerator'])
    e = '- name: %s\n' % random.choice(['env', 'cfg', '"true"', '"123"'])
    if random.random() < 0.7:
        ls = dict(lit() for _ in range(random.randint(1, 3))); e += '  literals:\n' + ''.join('  - %s=%s\n' % kv for kv in ls.items())
    if random.random() < 0.2: e += '  namespace: %s\n' % random.choice(['ns1', 'default'])
    if gen == 'secretGenerator' and random.random() < 0.2: e += '  type: kubernetes.io/tls\n'
    if random.random() < 0.3:
        e += '  options:\n'
        if random.random() < 0.5: e += '    labels:\n      app: %s\n' % random.choice(['web', '"1"', '"yes"'])
        if random.random() < 0.5: e += '    annotations:\n      note: %s\n' % random.choice(['hi', '"1"', '"true"'])
        if random.random() < 0.3: e += '    immutable: true\n'
        if random.random() < 0.1: e += '    disableNameSuffixHash: true\n'
    k = '%s:\n%s' % (gen, e)
    layers = random.choice([1, 1, 2])
    npatch = random.choice([1, 1, 2, 3])
    patches = []
    for i in range(npatch):
        kind = random.choice(kinds) if i == npatch - 1 or random.random() < 0.5 else random.choice(['ConfigMap', 'Secret'])
        targeted = random.random() < 0.93
        body = patch_body(kind, random.choice(['other', 'env', 'x']), 6 if random.random() < 0.8 else 0)
        entry = '- patch: |\n' + body + '\n' if body.startswith(' ') or body.startswith('\n') else '- patch: "%s"\n' % body.replace('\\', '\\\\').replace('"', '\\"').replace('\n', '\\n')
        if targeted: entry += '  target:\n    kind: %s\n' % random.choice(['ConfigMap', 'Secret', '.*']) if random.random() < 0.5 else '  target: {}\n'
        opts = []
        if random.random() < 0.85: opts.append('    allowKindChange: true')
        if random.random() < 0.3: opts.append('    allowNameChange: true')
        if opts: entry += '  options:\n' + '\n'.join(opts) + '\n'
        patches.append(entry)
    if layers == 1:
        k += 'patches:\n' + ''.join(patches)
        open(d + '/base/kustomization.yaml', 'w').write(k)
        open(d + '/target', 'w').write('base')
    else:
        split = random.randint(0, npatch)
        if split: k += 'patches:\n' + ''.join(patches[:split])
        open(d + '/base/kustomization.yaml', 'w').write(k)
        os.makedirs(d + '/top')
        t = 'resources:\n- ../base\n'
        r = random.random()
        if r < 0.08: t += 'namePrefix: p-\n'
        elif r < 0.16: t += 'commonLabels:\n  team: a\n'
        elif r < 0.22: t += 'namespace: nsx\n'
        elif r < 0.28: t += 'commonAnnotations:\n  c: d\n'
        if patches[split:]: t += 'patches:\n' + ''.join(patches[split:])
        open(d + '/top/kustomization.yaml', 'w').write(t)
        open(d + '/target', 'w').write('top')
