#!/usr/bin/env python3
"""Scores a conformance run (its --json output) on the cases whose tags lie within a feature set.

usage: conformance_subset.py RESULTS.json CASES.tsv [core|patches|all]
"""
import csv, json, sys

CORE = {'basic', 'overlays', 'nameprefix', 'namesuffix', 'namespace', 'labels', 'commonlabels',
        'annotations', 'images', 'replicas', 'sortoptions', 'list', 'load-restrictor', 'statefulset',
        'volumeclaimtemplates'}
PATCHES = CORE | {'patches-smp', 'patches-json6902', 'smp-directives', 'patch-target', 'openapi'}

results, tsv = sys.argv[1], sys.argv[2]
which = sys.argv[3] if len(sys.argv) > 3 else 'core'
features = {'core': CORE, 'patches': PATCHES}.get(which)
rows = list(csv.DictReader(open(tsv), delimiter='\t'))
selected = {r['id'] for r in rows if features is None or set(r['tags'].split(',')) <= features}
data = json.load(open(results))
cases = data['cases'] if isinstance(data, dict) and 'cases' in data else data
counts = {}
outputs = identical = 0
failed = []
for c in cases:
    if c['id'] not in selected:
        continue
    counts[c['class']] = counts.get(c['class'], 0) + 1
    if c['class'] in ('identical', 'equivalent') or (c['class'] == 'fail' and c.get('expect') == 'output'):
        outputs += 1
    if c['class'] == 'fail':
        failed.append(c['id'])
total = len(selected)
passed = total - len(failed)
print(f"{which}: {total} cases, passed {passed} ({100*passed/max(total,1):.1f}%), "
      f"identical {counts.get('identical',0)}, equivalent {counts.get('equivalent',0)}, "
      f"pass (error) {counts.get('pass',0)}, fail {len(failed)}")
for f in failed:
    print("  FAIL", f)
