#!/usr/bin/env python3
"""Trees of two to four levels (base, middle, top, sometimes a component) where each level
may add `configurations:` specs on the paths of kustomize's builtin tables (metadata/name,
metadata/labels, spec/replicas, image paths...), for kinds that sort before, among and after
the builtin ones, with and without `create`, and sets the transformers that read them. Which
specs survive depends on where kustomize merges and sorts the tables.

    field_specs.py SEED COUNT OUTDIR   # writes OUTDIR/t<n>/{base,mid,top,comp}/..., and t<n>/target
"""
import os
import random
import sys

random.seed(int(sys.argv[1])); N = int(sys.argv[2])
os.chdir(sys.argv[3])

RESOURCES = {
    'ConfigMap': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: %s\ndata:\n  k: v\n',
    'Secret': 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: %s\n',
    'Service': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: %s\nspec:\n  selector:\n    app: a\n',
    'Deployment': ('apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: %s\nspec:\n  replicas: 1\n'
                   '  selector:\n    matchLabels:\n      app: a\n  template:\n    metadata:\n      labels:\n        app: a\n'
                   '    spec:\n      containers:\n      - name: c\n        image: nginx:1.0\n'),
    'StatefulSet': ('apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: %s\nspec:\n  serviceName: s\n  replicas: 2\n'
                    '  template:\n    spec:\n      containers:\n      - name: c\n        image: redis\n'),
    'Widget': 'apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: %s\nspec:\n  size: 1\n  image: nginx\n  ref: w0\n  other: w1\n',
    'ValidatingWebhookConfiguration': ('apiVersion: admissionregistration.k8s.io/v1\nkind: ValidatingWebhookConfiguration\n'
                                       'metadata:\n  name: %s\nwebhooks: []\n'),
    'Ingress': 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: %s\n',
}
KINDS = list(RESOURCES)
TABLES = {
    'namePrefix': ['metadata/name', 'spec/ref'],
    'nameSuffix': ['metadata/name'],
    'commonLabels': ['metadata/labels', 'spec/selector', 'spec/selector/matchLabels', 'spec/template/metadata/labels', 'spec/labels'],
    'commonAnnotations': ['metadata/annotations', 'spec/template/metadata/annotations', 'spec/notes'],
    'namespace': ['metadata/namespace', 'spec/ns', 'metadata/name'],
    'replicas': ['spec/replicas', 'spec/size'],
    'images': ['spec/template/spec/containers[]/image', 'spec/containers[]/image', 'spec/image'],
    'templateLabels': ['spec/template/metadata/labels', 'metadata/labels'],
    'labels': ['spec/selector/matchLabels', 'spec/template/metadata/labels', 'metadata/labels', 'spec/labels'],
}
BUILTIN_CREATE = {'metadata/name': False, 'metadata/labels': True, 'metadata/annotations': True, 'spec/selector': True,
                  'spec/selector/matchLabels': True, 'spec/template/metadata/labels': True,
                  'spec/template/metadata/annotations': True, 'spec/replicas': True,
                  'spec/template/spec/containers[]/image': True, 'spec/containers[]/image': True}


def spec(table):
    s = {'path': random.choice(TABLES[table])}
    r = random.random()
    if r < 0.75:
        s['kind'] = random.choice(KINDS + ['Namespace'])
        if random.random() < 0.2:
            s['group'] = random.choice(['', 'apps', 'example.com'])
        if random.random() < 0.15:
            s['version'] = random.choice(['v1', 'v2'])
    # kustomize refuses a spec whose `create` disagrees with a builtin one it stands for, so
    # mostly keep the builtin's
    builtin = BUILTIN_CREATE.get(s['path'])
    if builtin is None or random.random() < 0.1:
        if random.random() < 0.5: s['create'] = random.random() < 0.5
    elif builtin or random.random() < 0.3:
        s['create'] = builtin
    return s


def name_reference():
    out = 'nameReference:\n'
    for _ in range(random.randint(1, 2)):
        target = random.choice(['ConfigMap', 'Secret', 'Service', 'Deployment', 'Widget'])
        out += '- kind: %s\n' % target
        if random.random() < 0.5: out += '  version: v1\n'
        out += '  fieldSpecs:\n'
        for _ in range(random.randint(1, 2)):
            kind = random.choice(['Widget', 'Deployment', 'StatefulSet', None])
            path = random.choice(['spec/ref', 'spec/other', 'spec/template/spec/volumes/configMap/name', 'metadata/name'])
            out += '  - path: %s\n' % path + ('    kind: %s\n' % kind if kind else '')
    return out


def configuration():
    out = name_reference() if random.random() < 0.3 else ''
    for table in random.sample(list(TABLES), random.randint(1, 3)):
        out += '%s:\n' % table
        for _ in range(random.randint(1, 3)):
            s = spec(table)
            out += '- ' + '\n  '.join('%s: %s' % (k, str(v).lower() if isinstance(v, bool) else v) for k, v in s.items()) + '\n'
    return out


def transformers(level):
    out = ''
    if random.random() < 0.5: out += 'namePrefix: %s-\n' % level[0]
    if random.random() < 0.2: out += 'nameSuffix: -%s\n' % level[0]
    if random.random() < 0.4: out += 'commonLabels:\n  l%s: v\n' % level[0]
    if random.random() < 0.2: out += 'labels:\n- pairs:\n    t%s: v\n  includeTemplates: true\n' % level[0]
    if random.random() < 0.3: out += 'commonAnnotations:\n  a%s: v\n' % level[0]
    if random.random() < 0.3: out += 'namespace: ns-%s\n' % level[0]
    if random.random() < 0.3: out += 'images:\n- name: nginx\n  newTag: "2"\n'
    if random.random() < 0.1:
        out += 'replicas:\n- name: %s\n  count: 5\n' % random.choice(['w0', 'w1', 'w2'])
    return out


def level(d, name, below, component=False):
    os.makedirs('%s/%s' % (d, name))
    k = 'apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\n' if component else ''
    res = []
    if not below or random.random() < 0.3:
        docs = [RESOURCES[kd] % ('w%d' % i) for i, kd in enumerate(random.sample(KINDS, random.randint(2, 4)))]
        open('%s/%s/r.yaml' % (d, name), 'w').write('---\n'.join(docs))
        res.append('r.yaml')
    res += ['../%s' % b for b in below]
    if res: k += 'resources:\n' + ''.join('- %s\n' % r for r in res)
    if random.random() < 0.6:
        cfgs = ['c%d.yaml' % i for i in range(random.choice([1, 1, 1, 2]))]
        for c in cfgs: open('%s/%s/%s' % (d, name, c), 'w').write(configuration())
        k += 'configurations:\n' + ''.join('- %s\n' % c for c in cfgs)
    k += transformers(name)
    return k


for n in range(N):
    d = 't%d' % n; os.makedirs(d)
    kb = level(d, 'base', [])
    open(d + '/base/kustomization.yaml', 'w').write(kb)
    levels = ['base']
    if random.random() < 0.7:
        km = level(d, 'mid', ['base'])
        open(d + '/mid/kustomization.yaml', 'w').write(km)
        levels = ['mid']
    kt = level(d, 'top', levels)
    if random.random() < 0.3:
        kc = level(d, 'comp', [], component=True)
        open(d + '/comp/kustomization.yaml', 'w').write(kc)
        kt += 'components:\n- ../comp\n'
    open(d + '/top/kustomization.yaml', 'w').write(kt)
    open(d + '/target', 'w').write('top')
