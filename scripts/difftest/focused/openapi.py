#!/usr/bin/env python3
"""Trees with an `openapi:` schema for a custom resource (list fields merged by key or
replaced, nested maps, refs, the GVK extension matching or not) and strategic merge patches
on that resource, with directives, sometimes a base below and the schema set at one level.

    openapi.py SEED COUNT OUTDIR   # writes OUTDIR/t<n>/{base,top}/..., and t<n>/target
"""
import json
import os
import random
import sys

random.seed(int(sys.argv[1])); N = int(sys.argv[2])
os.chdir(sys.argv[3])


def pick(xs): return random.choice(xs)


def schema():
    kind = pick(['Widget', 'Widget', 'Gadget'])
    version = pick(['v1', 'v1', 'v2'])
    item = {'type': 'object', 'properties': {'name': {'type': 'string'}, 'port': {'type': 'integer'}, 'tags': {'type': 'array', 'items': {'type': 'string'}}}}
    items = {'type': 'array', 'items': {'$ref': '#/definitions/com.example.v1.Item'}}
    r = random.random()
    if r < 0.6:
        items['x-kubernetes-patch-merge-key'] = pick(['name', 'name', 'port'])
        items['x-kubernetes-patch-strategy'] = pick(['merge', 'merge', 'replace', 'merge,retainKeys'])
    elif r < 0.75:
        items['x-kubernetes-list-type'] = 'map'
        items['x-kubernetes-list-map-keys'] = ['name']
    tags = {'type': 'array', 'items': {'type': 'string'}}
    if random.random() < 0.5: tags['x-kubernetes-patch-strategy'] = 'merge'
    spec = {'type': 'object', 'properties': {'items': items, 'tags': tags, 'config': {'type': 'object', 'additionalProperties': {'type': 'string'}}}}
    defs = {
        'com.example.v1.Item': item,
        'com.example.v1.WidgetSpec': spec,
        'com.example.v1.Widget': {
            'type': 'object',
            'properties': {'apiVersion': {'type': 'string'}, 'kind': {'type': 'string'},
                           'metadata': {'$ref': '#/definitions/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta'},
                           'spec': {'$ref': '#/definitions/com.example.v1.WidgetSpec'}},
            'x-kubernetes-group-version-kind': [{'group': 'example.com', 'kind': kind, 'version': version}],
        },
        'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta': {'type': 'object', 'properties': {'name': {'type': 'string'}}},
    }
    return {'definitions': defs}


def item(name, port=None, tags=None):
    t = '  - name: %s\n' % name
    if port is not None: t += '    port: %s\n' % port
    if tags: t += '    tags: [%s]\n' % ', '.join(tags)
    return t


def resource():
    t = 'apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\nspec:\n  items:\n'
    for n in random.sample(['a', 'b', 'c'], random.randint(1, 3)):
        t += item(n, pick([80, 81, None]), pick([None, ['x'], ['x', 'y']]))
    if random.random() < 0.7: t += '  tags: [%s]\n' % ', '.join(random.sample(['p', 'q', 'r'], 2))
    if random.random() < 0.5: t += '  config:\n    k1: v1\n    k2: v2\n'
    return t


def patch():
    t = 'apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\nspec:\n'
    if random.random() < 0.8:
        t += '  items:\n'
        for n in random.sample(['a', 'b', 'd'], random.randint(1, 2)):
            r = random.random()
            if r < 0.15: t += '  - name: %s\n    $patch: delete\n' % n
            elif r < 0.25: t += '  - $patch: replace\n'
            else: t += item(n, pick([90, None]), pick([None, ['z']]))
    if random.random() < 0.5: t += '  tags: [%s]\n' % ', '.join(random.sample(['p', 's', 't'], random.randint(1, 2)))
    if random.random() < 0.3: t += '  $setElementOrder/items:\n  - name: %s\n  - name: a\n' % pick(['b', 'd'])
    if random.random() < 0.4: t += '  config:\n    k1: %s\n' % pick(['new', 'null', '"1"'])
    if random.random() < 0.1: t += '  $retainKeys: [items]\n'
    return t


for n in range(N):
    d = 't%d' % n; os.makedirs(d + '/base'); os.makedirs(d + '/top')
    open(d + '/base/r.yaml', 'w').write(resource())
    sch = json.dumps(schema(), indent=1)
    where = pick(['base', 'top', 'both', 'none'])
    b = 'resources:\n- r.yaml\n'
    if where in ('base', 'both'):
        open(d + '/base/schema.json', 'w').write(sch)
        b += 'openapi:\n  path: schema.json\n'
    if random.random() < 0.5:
        open(d + '/base/p.yaml', 'w').write(patch())
        b += 'patches:\n- path: p.yaml\n'
    open(d + '/base/kustomization.yaml', 'w').write(b)
    t = 'resources:\n- ../base\n'
    if where in ('top', 'both'):
        open(d + '/top/schema.json', 'w').write(sch if where == 'top' else json.dumps(schema(), indent=1))
        t += 'openapi:\n  path: schema.json\n'
    open(d + '/top/p.yaml', 'w').write(patch())
    t += 'patches:\n- path: p.yaml\n'
    open(d + '/top/kustomization.yaml', 'w').write(t)
    open(d + '/target', 'w').write('top')
