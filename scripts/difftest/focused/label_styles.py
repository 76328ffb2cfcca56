#!/usr/bin/env python3
"""Trees where one label or annotation is set by a resource, by commonLabels, labels,
commonAnnotations or generator options at several levels, then patched with values of every
YAML type: what a patch value reads as depends on the style kyaml's setters left there.

    label_styles.py SEED COUNT OUTDIR   # writes OUTDIR/t<n>/{base,top}/..., and t<n>/target
"""
import os
import random
import sys

random.seed(int(sys.argv[1])); N = int(sys.argv[2])
os.chdir(sys.argv[3])
vals = ['1', 'yes', 'abc', '"quoted"', "'sq'", '1.5', 'true', '~', '0777', '"1"', "'2'", 'on', 'x y']
def q(v): return random.choice([v, '"%s"' % v, "'%s'" % v])
for n in range(N):
    d = 't%d' % n; os.makedirs(d + '/base'); os.makedirs(d + '/top')
    kind = random.choice(['Deployment', 'StatefulSet', 'Service', 'ConfigMap', 'Job', 'CronJob', 'DaemonSet'])
    av = {'Deployment': 'apps/v1', 'StatefulSet': 'apps/v1', 'DaemonSet': 'apps/v1', 'Service': 'v1', 'ConfigMap': 'v1', 'Job': 'batch/v1', 'CronJob': 'batch/v1'}[kind]
    key = random.choice(['app', 'tier'])
    res = 'apiVersion: %s\nkind: %s\nmetadata:\n  name: w\n' % (av, kind)
    if random.random() < 0.5: res += '  labels:\n    %s: %s\n' % (key, random.choice(vals))
    if random.random() < 0.4: res += '  annotations:\n    %s: %s\n' % (key, random.choice(vals))
    if kind in ('Deployment', 'StatefulSet', 'DaemonSet', 'Job') and random.random() < 0.6:
        res += 'spec:\n'
        if random.random() < 0.5: res += '  selector:\n    matchLabels:\n      %s: %s\n' % (key, random.choice(vals))
        if random.random() < 0.6: res += '  template:\n    metadata:\n      labels:\n        %s: %s\n' % (key, random.choice(vals))
    if kind == 'Service' and random.random() < 0.5: res += 'spec:\n  selector:\n    %s: %s\n' % (key, random.choice(vals))
    b = 'resources:\n- r.yaml\n'
    m = random.choice(['commonLabels', 'labels', 'commonAnnotations', 'both', 'none'])
    v = random.choice(['"1"', 'web', '"true"', '"yes"', '"1.5"', '""'])
    if m in ('commonLabels', 'both'): b += 'commonLabels:\n  %s: %s\n' % (key, v)
    if m in ('commonAnnotations', 'both'): b += 'commonAnnotations:\n  %s: %s\n' % (key, v)
    if m == 'labels': b += 'labels:\n- pairs:\n    %s: %s\n  includeSelectors: %s\n  includeTemplates: %s\n' % (key, v, random.choice(['true', 'false']), random.choice(['true', 'false']))
    if random.random() < 0.3:
        b += 'configMapGenerator:\n- name: g\n  literals:\n  - a=b\n  options:\n    labels:\n      %s: %s\n    annotations:\n      %s: %s\n' % (key, q('1'), key, q('2'))
    open(d + '/base/r.yaml', 'w').write(res)
    open(d + '/base/kustomization.yaml', 'w').write(b)
    t = 'resources:\n- ../base\n'
    if random.random() < 0.3: t += 'commonLabels:\n  %s: %s\n' % (key, random.choice(['"2"', 'two']))
    t += 'patches:\n'
    for target in ['w', 'g'] if 'configMapGenerator' in b and random.random() < 0.6 else ['w']:
        tk, tav = (kind, av) if target == 'w' else ('ConfigMap', 'v1')
        p = '- patch: |\n    apiVersion: %s\n    kind: %s\n    metadata:\n      name: %s\n' % (tav, tk, target)
        if random.random() < 0.7: p += '      labels:\n        %s: %s\n' % (key, random.choice(vals))
        if random.random() < 0.5: p += '      annotations:\n        %s: %s\n' % (key, random.choice(vals))
        if tk in ('Deployment', 'StatefulSet', 'DaemonSet', 'Job') and random.random() < 0.5:
            p += '    spec:\n      template:\n        metadata:\n          labels:\n            %s: %s\n' % (key, random.choice(vals))
        if random.random() < 0.3: p += '  target:\n    kind: %s\n' % tk
        t += p
    open(d + '/top/kustomization.yaml', 'w').write(t)
    open(d + '/target', 'w').write('top')
