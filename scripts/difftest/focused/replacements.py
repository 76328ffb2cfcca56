#!/usr/bin/env python3
"""Trees where `replacements:` at an upper level select sources and targets that lower levels
renamed, moved to namespaces or generated (with hashes), by name, namespace, kind and
labels, with `select`/`reject`, `options` (delimiter, index, create) and `[name=...]` paths.

    replacements.py SEED COUNT OUTDIR   # writes OUTDIR/t<n>/{base,top}/..., and t<n>/target
"""
import os
import random
import sys

random.seed(int(sys.argv[1])); N = int(sys.argv[2])
os.chdir(sys.argv[3])


def pick(xs): return random.choice(xs)


RES = [
    ('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\n  labels:\n    app: a\ndata:\n  host: db.example.com\n'
     '  port: "5432"\n  list: a,b,c\n'),
    ('apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  labels:\n    app: a\nspec:\n  replicas: 1\n'
     '  template:\n    metadata:\n      annotations:\n        note: x\n    spec:\n      containers:\n      - name: main\n'
     '        image: nginx:1.0\n        env:\n        - name: HOST\n          value: h\n        - name: PORT\n          value: "1"\n'
     '      - name: side\n        image: busybox\n        args: [a.b.c, x]\n'),
    ('apiVersion: v1\nkind: Service\nmetadata:\n  name: svc\n  labels:\n    app: b\nspec:\n  selector:\n    app: a\n'
     '  ports:\n  - name: http\n    port: 80\n'),
    ('apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: db\nspec:\n  serviceName: svc\n  replicas: 3\n'
     '  template:\n    spec:\n      containers:\n      - name: main\n        image: postgres:15\n'),
]

SOURCES = [
    ('ConfigMap', 'cfg', ['data.host', 'data.port', 'data.list', 'metadata.name', 'metadata.namespace', 'metadata.labels.app']),
    ('Deployment', 'web', ['spec.replicas', 'metadata.name', 'spec.template.spec.containers.[name=main].image',
                           'spec.template.spec.containers.0.name', 'metadata.namespace']),
    ('Service', 'svc', ['metadata.name', 'spec.ports.0.port', 'spec.ports.[name=http].port']),
    ('StatefulSet', 'db', ['spec.serviceName', 'spec.replicas', 'metadata.name']),
]
TARGET_PATHS = {
    'ConfigMap': ['data.host', 'data.new', 'metadata.annotations.copied', 'data.list'],
    'Deployment': ['spec.template.spec.containers.[name=main].env.[name=HOST].value', 'spec.replicas',
                   'spec.template.spec.containers.[name=side].args.0', 'spec.template.metadata.annotations.note',
                   'metadata.labels.copied', 'spec.template.spec.containers.[name=main].image'],
    'Service': ['metadata.annotations.from', 'spec.ports.[name=http].targetPort', 'spec.selector.app'],
    'StatefulSet': ['spec.serviceName', 'spec.template.spec.containers.0.image', 'metadata.annotations.x'],
}


PREFIX = ['']


def selector(kind, name, indent):
    s = indent + 'kind: %s\n' % kind
    r = random.random()
    if r < 0.6: s += indent + 'name: %s\n' % (PREFIX[0] + name)
    elif r < 0.7: s += indent + 'name: %s\n' % pick([name, 'b-' + name, 't-' + name, name + '-x'])
    if random.random() < 0.2: s += indent + 'namespace: %s\n' % pick(['ns1', 'default', 'basens'])
    return s


def replacement():
    kind, name, paths = pick(SOURCES)
    out = '- source:\n' + selector(kind, name, '    ')
    if random.random() < 0.8: out += '    fieldPath: %s\n' % pick(paths)
    if random.random() < 0.2:
        out += '    options:\n      delimiter: "%s"\n      index: %d\n' % (pick([',', '.', ':']), random.randint(-1, 2))
    out += '  targets:\n'
    for _ in range(random.randint(1, 2)):
        tk = pick(list(TARGET_PATHS))
        out += '  - select:\n' + selector(tk, {'ConfigMap': 'cfg', 'Deployment': 'web', 'Service': 'svc', 'StatefulSet': 'db'}[tk], '      ')
        if random.random() < 0.2:
            out += '    reject:\n    - name: %s\n' % pick(['web', 'cfg', 'b-web'])
        out += '    fieldPaths:\n    - %s\n' % pick(TARGET_PATHS[tk])
        if random.random() < 0.7:
            out += '    options:\n'
            if random.random() < 0.85: out += '      create: true\n'
            if random.random() < 0.5: out += '      delimiter: "%s"\n      index: %d\n' % (pick([',', '.', ':']), random.randint(-1, 2))
    return out


for n in range(N):
    d = 't%d' % n; os.makedirs(d + '/base'); os.makedirs(d + '/top')
    open(d + '/base/r.yaml', 'w').write('---\n'.join(random.sample(RES, random.randint(3, 4))))
    b = 'resources:\n- r.yaml\n'
    PREFIX[0] = ''
    if random.random() < 0.4: b += 'namePrefix: b-\n'
    if random.random() < 0.3: b += 'namespace: basens\n'
    if random.random() < 0.3: b += 'configMapGenerator:\n- name: gen\n  literals:\n  - host=gen.example.com\n'
    if random.random() < 0.3: b += 'replacements:\n' + replacement()
    open(d + '/base/kustomization.yaml', 'w').write(b)
    if 'namePrefix: b-' in b: PREFIX[0] = 'b-'
    t = 'resources:\n- ../base\n'
    if random.random() < 0.3: t += 'namePrefix: t-\n'
    if random.random() < 0.2: t += 'namespace: ns1\n'
    t += 'replacements:\n' + ''.join(replacement() for _ in range(random.randint(1, 3)))
    open(d + '/top/kustomization.yaml', 'w').write(t)
    open(d + '/target', 'w').write('top')
