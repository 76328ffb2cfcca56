#!/usr/bin/env python3
"""Trees where objects of one name live in several namespaces (set in the object, by a
level's `namespace:`, or not at all) and are renamed by prefixes, suffixes and generator
hashes at different levels, while workloads, role bindings, ingresses, autoscalers and
services refer to them: which referral kustomize picks, and when it finds several.

    name_refs.py SEED COUNT OUTDIR   # writes OUTDIR/t<n>/{a,b,top}/..., and t<n>/target
"""
import os
import random
import sys

random.seed(int(sys.argv[1])); N = int(sys.argv[2])
os.chdir(sys.argv[3])


def pick(xs): return random.choice(xs)


def ns_line():
    r = random.random()
    if r < 0.4: return ''
    return '  namespace: %s\n' % pick(['ns1', 'ns2', 'default'])


def targets():
    out = []
    for kind, body in [('ConfigMap', 'data:\n  k: v\n'), ('Secret', 'type: Opaque\n'), ('ServiceAccount', ''),
                       ('Service', 'spec:\n  ports:\n  - port: 80\n'), ('PersistentVolumeClaim', 'spec:\n  resources:\n    requests:\n      storage: 1Gi\n'),
                       ('Role', 'rules: []\n')]:
        if random.random() < 0.6:
            api = 'rbac.authorization.k8s.io/v1' if kind == 'Role' else 'v1'
            out.append('apiVersion: %s\nkind: %s\nmetadata:\n  name: %s\n%s%s' % (api, kind, pick(['x', 'w']), ns_line(), body))
    return out


def referrers():
    out = []
    n = lambda: pick(['x', 'w'])
    if random.random() < 0.7:
        out.append(('apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n%sspec:\n  template:\n    spec:\n'
                    '      serviceAccountName: %s\n      containers:\n      - name: c\n        image: i\n        envFrom:\n'
                    '        - configMapRef:\n            name: %s\n        - secretRef:\n            name: %s\n'
                    '      volumes:\n      - name: v\n        persistentVolumeClaim:\n          claimName: %s\n') % (ns_line(), n(), n(), n(), n()))
    if random.random() < 0.5:
        subj = ''.join('- kind: ServiceAccount\n  name: %s\n%s' % (n(), pick(['', '  namespace: ns1\n', '  namespace: ns2\n', '  namespace: default\n']))
                       for _ in range(random.randint(1, 2)))
        kind = pick(['RoleBinding', 'ClusterRoleBinding'])
        out.append(('apiVersion: rbac.authorization.k8s.io/v1\nkind: %s\nmetadata:\n  name: rb\n%sroleRef:\n  apiGroup: rbac.authorization.k8s.io\n'
                    '  kind: Role\n  name: %s\nsubjects:\n%s') % (kind, ns_line() if kind == 'RoleBinding' else '', n(), subj))
    if random.random() < 0.4:
        out.append(('apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: ing\n%sspec:\n  rules:\n  - http:\n      paths:\n'
                    '      - path: /\n        pathType: Prefix\n        backend:\n          service:\n            name: %s\n            port:\n              number: 80\n'
                    '  tls:\n  - secretName: %s\n') % (ns_line(), n(), n()))
    if random.random() < 0.3:
        out.append(('apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: hpa\n%sspec:\n  scaleTargetRef:\n'
                    '    apiVersion: apps/v1\n    kind: Deployment\n    name: web\n  minReplicas: 1\n  maxReplicas: 3\n') % ns_line())
    return out


def level_fields(name):
    k = ''
    if random.random() < 0.5: k += 'namePrefix: %s-\n' % name
    if random.random() < 0.2: k += 'nameSuffix: -%s\n' % name
    if random.random() < 0.35: k += 'namespace: %s\n' % pick(['ns1', 'ns2', 'lvl-' + name])
    if random.random() < 0.3:
        k += 'configMapGenerator:\n- name: %s\n  literals:\n  - a=%s\n' % (pick(['x', 'w']), name)
        if random.random() < 0.3: k += '  namespace: %s\n' % pick(['ns1', 'ns2'])
    return k


for n in range(N):
    d = 't%d' % n
    for lvl in ('a', 'b', 'top'): os.makedirs('%s/%s' % (d, lvl))
    docs_a = targets() + referrers()
    docs_b = targets() + (referrers() if random.random() < 0.5 else [])
    open(d + '/a/r.yaml', 'w').write('---\n'.join(docs_a) or 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n')
    open(d + '/b/r.yaml', 'w').write('---\n'.join(docs_b) or 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: w\n')
    open(d + '/a/kustomization.yaml', 'w').write('resources:\n- r.yaml\n' + level_fields('a'))
    open(d + '/b/kustomization.yaml', 'w').write('resources:\n- r.yaml\n' + level_fields('b'))
    top = 'resources:\n- ../a\n' + ('- ../b\n' if random.random() < 0.7 else '')
    if random.random() < 0.3:
        open(d + '/top/more.yaml', 'w').write('---\n'.join(referrers()) or 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: z\n')
        top += '- more.yaml\n'
    top += level_fields('t')
    open(d + '/top/kustomization.yaml', 'w').write(top)
    open(d + '/target', 'w').write('top')
