#!/usr/bin/env python3
"""Trees whose kustomizations configure kustomize's builtin plugins under `transformers:` and
`generators:` (as files, or inline), with the options and field specs only a plugin config
can set, over a base of several kinds, sometimes below an overlay with the usual fields.

    plugins.py SEED COUNT OUTDIR   # writes OUTDIR/t<n>/{base,top}/..., and t<n>/target
"""
import os
import random
import sys

random.seed(int(sys.argv[1])); N = int(sys.argv[2])
os.chdir(sys.argv[3])

RESOURCES = [
    'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\n  labels:\n    app: a\ndata:\n  k: v\n',
    'apiVersion: v1\nkind: Service\nmetadata:\n  name: svc\nspec:\n  selector:\n    app: a\n  ports:\n  - port: 80\n',
    ('apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  namespace: old\nspec:\n  replicas: 1\n'
     '  selector:\n    matchLabels:\n      app: a\n  template:\n    metadata:\n      labels:\n        app: a\n'
     '    spec:\n      containers:\n      - name: c\n        image: nginx:1.0\n        envFrom:\n        - configMapRef:\n            name: cm\n'),
    ('apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: db\nspec:\n  serviceName: svc\n  replicas: 2\n'
     '  selector:\n    matchLabels:\n      app: db\n  template:\n    metadata:\n      labels:\n        app: db\n'
     '    spec:\n      containers:\n      - name: c\n        image: postgres@sha256:' + 'a' * 64 + '\n'
     '  volumeClaimTemplates:\n  - metadata:\n      name: data\n    spec:\n      resources:\n        requests:\n          storage: 1Gi\n'),
    ('apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata:\n  name: rb\nroleRef:\n  apiGroup: rbac.authorization.k8s.io\n'
     '  kind: Role\n  name: r\nsubjects:\n- kind: ServiceAccount\n  name: default\n- kind: ServiceAccount\n  name: sa\n  namespace: other\n'),
    'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: old\n',
    'apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\nspec:\n  size: 1\n  image: nginx\n  ref: cm\n',
    'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: cr\nrules: []\n',
]


def pick(xs): return random.choice(xs)


def specs(paths, create=None):
    out = 'fieldSpecs:\n'
    for p in random.sample(paths, random.randint(1, min(3, len(paths)))):
        out += '- path: %s\n' % p
        if random.random() < 0.3: out += '  kind: %s\n' % pick(['Deployment', 'StatefulSet', 'Widget', 'ConfigMap', 'Service'])
        c = create if create is not None else random.random() < 0.5
        if random.random() < 0.8: out += '  create: %s\n' % str(c).lower()
    return out


def meta(kind, name):
    m = 'apiVersion: builtin\nkind: %s\nmetadata:\n  name: %s\n' % (kind, name)
    if random.random() < 0.2: m += '  namespace: %s\n' % pick(['ns1', 'default'])
    return m


def transformer(i):
    kind = pick(['PrefixSuffixTransformer', 'LabelTransformer', 'AnnotationsTransformer', 'NamespaceTransformer',
                 'ImageTagTransformer', 'ReplicaCountTransformer', 'PatchTransformer', 'PatchJson6902Transformer',
                 'PatchStrategicMergeTransformer', 'ValueAddTransformer'])
    c = meta(kind, 't%d' % i)
    if kind == 'PrefixSuffixTransformer':
        if random.random() < 0.8: c += 'prefix: %s\n' % pick(['p-', 'pre-', '""'])
        if random.random() < 0.4: c += 'suffix: %s\n' % pick(['-s', '-x'])
        c += specs(['metadata/name', 'spec/ref', 'spec/serviceName'], create=False)
    elif kind == 'LabelTransformer':
        c += 'labels:\n  %s: %s\n' % (pick(['app', 'team', 'env']), pick(['x', '"1"', 'yes', '""']))
        c += specs(['metadata/labels', 'spec/selector', 'spec/selector/matchLabels', 'spec/template/metadata/labels', 'spec/labels'])
    elif kind == 'AnnotationsTransformer':
        c += 'annotations:\n  %s: %s\n' % (pick(['note', 'a.io/b']), pick(['x', '"1"', 'true', '']))
        c += specs(['metadata/annotations', 'spec/template/metadata/annotations', 'spec/notes'])
    elif kind == 'NamespaceTransformer':
        c = c.replace('  name: t%d\n' % i, '  name: t%d\n  namespace: %s\n' % (i, pick(['prod', 'dev'])), 1)
        if random.random() < 0.4: c += 'unsetOnly: %s\n' % pick(['true', 'false'])
        if random.random() < 0.4: c += 'setRoleBindingSubjects: %s\n' % pick(['none', 'defaultOnly', 'allServiceAccounts'])
        if random.random() < 0.8: c += specs(['metadata/namespace', 'metadata/name', 'spec/ns', 'subjects/namespace'], create=True)
    elif kind == 'ImageTagTransformer':
        c += 'imageTag:\n  name: %s\n' % pick(['nginx', 'postgres'])
        c += pick(['  newTag: "2.0"\n', '  newName: my/nginx\n', '  digest: sha256:' + 'b' * 64 + '\n', '  newName: x\n  newTag: y\n'])
        if random.random() < 0.7:
            c += specs(['spec/template/spec/containers[]/image', 'spec/containers[]/image', 'spec/image', 'spec/template/spec/containers/image'])
    elif kind == 'ReplicaCountTransformer':
        c += 'replica:\n  name: %s\n  count: %s\n' % (pick(['web', 'db', 'w']), pick(['3', '0', '12']))
        c += specs(['spec/replicas', 'spec/size'])
    elif kind == 'PatchTransformer':
        c += pick(['patch: |-\n  - op: replace\n    path: /spec/replicas\n    value: 5\n',
                   'patch: |-\n  metadata:\n    name: web\n  spec:\n    replicas: 7\n',
                   'patch: |-\n  apiVersion: v1\n  kind: ConfigMap\n  metadata:\n    name: cm\n  data:\n    extra: "1"\n'])
        c += 'target:\n  kind: %s\n' % pick(['Deployment', 'StatefulSet', 'ConfigMap'])
    elif kind == 'PatchJson6902Transformer':
        c += 'target:\n  group: apps\n  version: v1\n  kind: %s\n  name: %s\n' % (pick(['Deployment', 'StatefulSet']), pick(['web', 'db']))
        c += "jsonOp: '[{\"op\": \"add\", \"path\": \"/metadata/annotations\", \"value\": {\"x\": \"y\"}}]'\n"
    elif kind == 'PatchStrategicMergeTransformer':
        c += pick(['patches: |-\n  apiVersion: apps/v1\n  kind: Deployment\n  metadata:\n    name: web\n  spec:\n    replicas: 9\n',
                   'paths:\n- smp.yaml\n'])
    elif kind == 'ValueAddTransformer':
        c += 'value: %s\n' % pick(['v1', 'prod', 'a/b'])
        c += 'targets:\n- fieldPath: %s\n' % pick(['metadata/namespace', 'metadata/annotations/x', 'spec/ref', 'metadata/name'])
        if random.random() < 0.5: c += '  selector:\n    kind: %s\n' % pick(['Widget', 'ConfigMap', 'Deployment'])
        if random.random() < 0.3: c += '  filePathPosition: %d\n' % random.randint(1, 3)
    return c


def generator(i):
    kind = pick(['ConfigMapGenerator', 'SecretGenerator'])
    c = meta(kind, pick(['gen', 'cm', 'g%d' % i]))
    c += 'literals:\n- %s=%s\n' % (pick(['a', 'b']), pick(['1', 'x', 'true']))
    if random.random() < 0.3: c += 'behavior: %s\n' % pick(['create', 'merge', 'replace'])
    if random.random() < 0.4: c += 'options:\n  disableNameSuffixHash: %s\n' % pick(['true', 'false'])
    if kind == 'SecretGenerator' and random.random() < 0.3: c += 'type: Opaque\n'
    return c


def entries(make, d, prefix):
    out = []
    for i in range(random.randint(1, 3)):
        text = make(i)
        if random.random() < 0.3:
            out.append('- |-\n' + ''.join('  ' + l + '\n' for l in text.rstrip('\n').split('\n')))
        else:
            fn = '%s%d.yaml' % (prefix, i)
            open(d + '/' + fn, 'w').write(text)
            out.append('- %s\n' % fn)
    return ''.join(out)


for n in range(N):
    d = 't%d' % n; os.makedirs(d + '/base'); os.makedirs(d + '/top')
    # the Deployment and the StatefulSet are always there: the patches name them
    open(d + '/base/r.yaml', 'w').write('---\n'.join(RESOURCES[2:4] + random.sample(RESOURCES[:2] + RESOURCES[4:], random.randint(1, 6))))
    open(d + '/base/smp.yaml', 'w').write('apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    metadata:\n      labels:\n        smp: "1"\n')
    k = 'resources:\n- r.yaml\n'
    if random.random() < 0.8: k += 'transformers:\n' + entries(transformer, d + '/base', 'tr')
    if random.random() < 0.3: k += 'generators:\n' + entries(generator, d + '/base', 'gen')
    if random.random() < 0.3: k += pick(['namePrefix: b-\n', 'namespace: basens\n', 'commonLabels:\n  base: "1"\n'])
    open(d + '/base/kustomization.yaml', 'w').write(k)
    t = 'resources:\n- ../base\n'
    if random.random() < 0.5: t += 'transformers:\n' + entries(transformer, d + '/top', 'tr')
    if random.random() < 0.5: t += pick(['namePrefix: t-\n', 'namespace: topns\n', 'commonLabels:\n  top: x\n', 'images:\n- name: nginx\n  newTag: "3"\n'])
    open(d + '/top/smp.yaml', 'w').write('apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 4\n')
    open(d + '/top/kustomization.yaml', 'w').write(t)
    open(d + '/target', 'w').write(random.choice(['top', 'base']))
