#!/usr/bin/env python3
"""Differential tester: random kustomization trees, built by `kubectl kustomize` (the oracle) and
by `sts-kustomize build`; every difference in stdout or in success/failure is shrunk to a small
reproducer and saved. See README.md in this directory.
"""
import argparse
import copy
import difflib
import hashlib
import json
import multiprocessing
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time

sys.dont_write_bytecode = True          # leave no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from grammar import generate, YFile, TFile, JFile, Tree   # noqa: E402
from yamltext import S, Flow, JSONDoc, Inline                 # noqa: E402

KUBECTL = os.environ.get('DIFFTEST_KUBECTL', '/usr/bin/kubectl')
TIMEOUT = 60


# ---------------------------------------------------------------- running the two tools

class Outcome:
    __slots__ = ('rc', 'out', 'err')

    def __init__(self, rc, out, err):
        self.rc, self.out, self.err = rc, out, err

    @property
    def ok(self):
        return self.rc == 0


def run_cmd(argv, cwd=None):
    for attempt in range(40):
        try:
            p = subprocess.run(argv, capture_output=True, timeout=TIMEOUT, cwd=cwd)
            return Outcome(p.returncode, p.stdout, p.stderr)
        except subprocess.TimeoutExpired as e:
            return Outcome(124, b'', b'timeout after %ds' % TIMEOUT)
        except OSError as e:
            # the binary may be in the middle of being replaced (ETXTBSY, ENOENT): wait and retry
            if attempt == 39:
                return Outcome(127, b'', f'cannot run {argv[0]}: {e}'.encode())
            time.sleep(0.5)


def run_both(bin_path, root, target):
    d = os.path.join(root, target)
    res = {}

    def oracle():
        res['k'] = run_cmd([KUBECTL, 'kustomize', d])
    t = threading.Thread(target=oracle)
    t.start()
    res['o'] = run_cmd([bin_path, 'build', d])
    t.join()
    return res['k'], res['o']


def agree(k, o):
    if k.ok and o.ok:
        return k.out == o.out
    return not k.ok and not o.ok


# ---------------------------------------------------------------- signatures

def value_class(v):
    v = v.strip()
    if v == '':
        return 'none'
    c = v[0]
    if c in '"\'':
        return 'q' + c
    if c in '|>':
        return 'block' + v
    if c in '[{':
        return 'flow'
    if re.fullmatch(r'[-+]?[0-9]+', v):
        return 'int'
    if re.fullmatch(r'[-+]?([0-9]*\.[0-9]*([eE][-+]?[0-9]+)?|[0-9]+[eE][-+]?[0-9]+|\.inf|\.nan)', v, re.I):
        return 'float'
    if v.lower() in ('true', 'false', 'yes', 'no', 'on', 'off', 'y', 'n'):
        return 'bool'
    if v in ('null', '~', 'Null', 'NULL'):
        return 'null'
    return 'str'


def parse_line(l):
    m = re.match(r'^( *)((?:- )*)(.*)$', l)
    sp, dashes, rest = len(m.group(1)), len(m.group(2)) // 2, m.group(3)
    km = re.match(r'^([^\s"\'|>#\[{-][^:]*|"[^"]*"|\'[^\']*\'):( |$)(.*)$', rest)
    key = km.group(1) if km else None
    val = km.group(3) if km else rest
    return sp, dashes, key, sp + 2 * dashes, val


MAPS = {'labels', 'annotations', 'matchLabels', 'selector', 'data', 'stringData', 'binaryData', 'nodeSelector',
        'parameters', 'requests', 'limits', 'capacity'}


def line_path(lines, idx):
    """Key path of line idx of a rendered YAML stream, e.g. spec.template.spec.containers[].image;
    keys of label-like maps are generalised to *."""
    if idx >= len(lines):
        return '<eof>'
    if lines[idx] == '---':
        return '---'
    sp, dashes, key, cur, val = parse_line(lines[idx])
    path = [key or '?']
    inseq = False
    if dashes:
        path.append('[]')
        cur, inseq = sp, True
    for j in range(idx - 1, -1, -1):
        if lines[j] == '---':
            break
        sp2, d2, key2, k2, val2 = parse_line(lines[j])
        if key2 is None:
            continue
        if not d2:
            if k2 < cur or (inseq and k2 == cur):
                path.append(key2)
                cur, inseq = k2, False
        else:
            if val2.strip() == '' and (k2 < cur or (inseq and k2 == cur)):
                path += [key2, '[]']
                cur, inseq = sp2, True
            elif not inseq and k2 <= cur:
                path.append('[]')
                cur, inseq = sp2, True
    path.reverse()
    out = []
    for i, p in enumerate(path):
        if i > 0 and path[i - 1] in MAPS and p != '[]':
            out.append('*')
            break
        out.append(p)
    s = '.'.join(out).replace('.[]', '[]')
    s = re.sub(r'^spec\.(jobTemplate\.spec\.)?template\.spec\.', 'POD.', s)
    return s


def line_value(line):
    m = re.match(r'^ *(- )?[^\s:][^:]*: ?(.*)$', line)
    return m.group(2) if m else line.strip()


def norm_msg(msg, root):
    msg = msg.replace(root, '<T>')
    msg = re.sub(r'/tmp/difftest[^\s\'":]*', '<T>', msg)
    lines = [l for l in msg.splitlines() if l.strip() and not l.startswith('# Warning')
             and not re.match(r'^I\d{4} .*log\.go:\d+\]', l)]
    if not lines:
        return '<empty>'
    # kubectl: E1206 ... run.go:72] "command failed" err="..." / error: ...
    text = ' '.join(lines[:3])
    text = re.sub(r'^E\d{4} [\d:.]+ +\d+ run\.go:\d+\] "command failed" err=', '', text)
    if text.startswith('"') and text.endswith('"'):
        text = text[1:-1].replace('\\"', '"')
    text = re.sub(r'^< ?(.*?) ?>$', r'\1', text)
    text = re.sub(r'^(error|Error): ', '', text)
    text = re.sub(r'^<T>[^:]*:\d+:\d+: ', '', text)      # ours: file:line:col:
    text = re.sub(r'^[^\s:]*\.ya?ml:\d+(:\d+)?: ', '', text)
    text = re.sub(r'map\[string\]interface \{\}\{.*?\}(?=: [a-z])', 'MAP', text)
    text = re.sub(r'"[^"]{0,200}"', 'Q', text)
    text = re.sub(r"'[^']{0,200}'", 'Q', text)
    text = re.sub(r'[^\s\'"]*/[^\s\'";:]*', 'ID', text)      # resource ids Kind.v1.group/name.ns, paths
    text = re.sub(r'\b[0-9a-f]{10}\b', 'H', text)
    text = re.sub(r'\d+', 'N', text)
    # kustomize wraps errors in "accumulating resources: ..." chains; keep the innermost part
    parts = [p for p in re.split(r': (?=[a-zA-Z])', text) if p]
    tail = ': '.join(parts[-2:]) if len(parts) > 1 else text
    return tail[:140]


def first_diff(a, b):
    sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag != 'equal':
            return i1, j1
    return len(a), len(b)


def signature(k, o, root):
    if k.ok and o.ok:
        a = k.out.decode('utf-8', 'replace').split('\n')
        b = o.out.decode('utf-8', 'replace').split('\n')
        i, j = first_diff(a, b)
        la = a[i] if i < len(a) else '<eof>'
        lb = b[j] if j < len(b) else '<eof>'
        pa, pb = line_path(a, i), line_path(b, j)
        if pa == pb:
            va, vb = line_value(la), line_value(lb)
            how = 'value ' + value_class(va) + '->' + value_class(vb)
            if va.strip('"\'') == vb.strip('"\'') and va != vb:
                how = 'quoting ' + value_class(va) + '->' + value_class(vb)
            return f'output | {pa} | {how}'
        return f'output | expected {pa} | got {pb}'
    if k.ok:
        return 'we fail | ' + norm_msg(o.err.decode('utf-8', 'replace'), root)
    return 'kubectl fails | ' + norm_msg(k.err.decode('utf-8', 'replace'), root)


# ---------------------------------------------------------------- trees on disk

def write_tree(tree, root):
    if os.path.exists(root):
        shutil.rmtree(root)
    os.makedirs(root)
    tree.write(root)


def evaluate(tree, bin_path, workdir):
    root = os.path.join(workdir, 't')
    write_tree(tree, root)
    k, o = run_both(bin_path, root, tree.target)
    return k, o, root


# ---------------------------------------------------------------- minimiser

def children(node):
    """Steps to the children of a node, shallowest structure first."""
    if isinstance(node, dict):
        return [('k', key) for key in node]
    if isinstance(node, list):
        return [('i', i) for i in range(len(node))]
    if isinstance(node, (Flow, JSONDoc)):
        return [('v',)]
    if isinstance(node, Inline):
        return [('d',)]
    return []


def step(node, s):
    if s[0] == 'k':
        return node[s[1]]
    if s[0] == 'i':
        return node[s[1]]
    if s[0] == 'v':
        return node.value
    return node.docs


def all_paths(tree):
    """(file, [steps]) for every removable node, breadth first."""
    out = []
    queue = []
    for rel in sorted(tree.files):
        f = tree.files[rel]
        for i in range(len(f.docs)):
            queue.append((rel, [('i', i)], f.docs[i]))
    while queue:
        nxt = []
        for rel, p, node in queue:
            out.append((rel, p))
            for s in children(node):
                if s[0] in ('v', 'd'):
                    # wrappers are not removable themselves; go through them
                    inner = step(node, s)
                    for s2 in children(inner):
                        nxt.append((rel, p + [s, s2], step(inner, s2)))
                else:
                    nxt.append((rel, p + [s], step(node, s)))
        queue = nxt
    return out


def delete_at(tree, rel, path):
    t = copy.deepcopy(tree)
    node = t.files[rel].docs
    if not path:
        return None
    for s in path[:-1]:
        node = step(node, s) if s[0] != 'i' or not isinstance(node, list) else node[s[1]]
    last = path[-1]
    try:
        if last[0] == 'k':
            del node[last[1]]
        else:
            del node[last[1]]
    except (KeyError, IndexError, TypeError):
        return None
    return t


KUST_NAMES = ('kustomization.yaml', 'kustomization.yml', 'Kustomization')


def kust_files(tree):
    return {os.path.join(tree.target, n) for n in KUST_NAMES}


def _norm_ref(v):
    if isinstance(v, S):
        v = v.text
    if not isinstance(v, str):
        return None
    return os.path.normpath(v)


def remove_refs(tree, target):
    """Drop every kustomization list entry (or {path: ...} entry) that names target."""
    for rel, f in tree.files.items():
        if os.path.basename(rel) not in KUST_NAMES or not f.docs:
            continue
        want = os.path.normpath(os.path.relpath(target, os.path.dirname(rel) or '.'))

        def walk(node):
            node = node.value if isinstance(node, (Flow, JSONDoc)) else node
            if isinstance(node, dict):
                for v in node.values():
                    walk(v)
            elif isinstance(node, list):
                keep = []
                for x in node:
                    if _norm_ref(x) == want:
                        continue
                    if isinstance(x, dict) and _norm_ref(x.get('path')) == want:
                        continue
                    keep.append(x)
                    walk(x)
                node[:] = keep
        for doc in f.docs:
            walk(doc)


def unit_candidates(tree):
    """Directories (deepest first) and files that can go away together with their references."""
    dirs = set()
    for rel in tree.files:
        p = os.path.dirname(rel)
        while p:
            dirs.add(p)
            p = os.path.dirname(p)
    target = os.path.normpath(tree.target)
    out = []
    for dname in sorted(dirs, key=lambda x: (x.count('/'), x)):
        if target == dname or target.startswith(dname + '/'):
            continue
        out.append(('dir', dname))
    for rel in sorted(tree.files):
        if rel not in kust_files(tree):
            out.append(('file', rel))
    return out


def remove_unit(tree, unit):
    t = copy.deepcopy(tree)
    kind, name = unit
    if kind == 'dir':
        gone = [r for r in t.files if r.startswith(name + '/')]
        if not gone:
            return None
        for r in gone:
            del t.files[r]
    else:
        if name not in t.files:
            return None
        del t.files[name]
    remove_refs(t, name)
    return t


def kust_of(tree, dname):
    for n in KUST_NAMES:
        rel = os.path.join(dname, n) if dname else n
        if rel in tree.files:
            return rel
    return None


def kust_dict(tree, rel):
    f = tree.files.get(rel)
    if f is None or not f.docs:
        return None
    doc = f.docs[0]
    doc = doc.value if isinstance(doc, (Flow, JSONDoc)) else doc
    return doc if isinstance(doc, dict) else None


def layer_candidates(tree):
    """Trees with one kustomization layer fewer: the target moved down to its only base, or a
    pass-through kustomization (only directory resources) replaced by its own entries."""
    out = []
    trel = kust_of(tree, os.path.normpath(tree.target))
    k = kust_dict(tree, trel) if trel else None
    if k is not None:
        keys = [x for x in k if x not in ('apiVersion', 'kind')]
        entries = k.get('resources') if keys == ['resources'] else k.get('bases') if keys == ['bases'] else None
        entries = entries.value if isinstance(entries, Flow) else entries
        if isinstance(entries, list) and len(entries) == 1 and _norm_ref(entries[0]):
            sub = os.path.normpath(os.path.join(tree.target, _norm_ref(entries[0])))
            if kust_of(tree, sub):
                t = copy.deepcopy(tree)
                del t.files[trel]
                t.target = sub
                out.append(t)
    for rel in sorted(tree.files):
        if os.path.basename(rel) not in KUST_NAMES:
            continue
        k = kust_dict(tree, rel)
        if k is None:
            continue
        kdir = os.path.dirname(rel)
        for field in ('resources', 'bases'):
            entries = k.get(field)
            if not isinstance(entries, list):
                continue
            for idx, e in enumerate(entries):
                ref = _norm_ref(e)
                if not ref:
                    continue
                sub = os.path.normpath(os.path.join(kdir, ref))
                srel = kust_of(tree, sub)
                sk = kust_dict(tree, srel) if srel else None
                if sk is None or sk.get('kind') == 'Component':
                    continue
                if any(x not in ('apiVersion', 'kind', 'resources', 'bases') for x in sk):
                    continue
                subs = []
                ok = True
                for f2 in ('resources', 'bases'):
                    for e2 in (sk.get(f2) or []) if isinstance(sk.get(f2), list) else []:
                        r2 = _norm_ref(e2)
                        target2 = os.path.normpath(os.path.join(sub, r2)) if r2 else None
                        if not target2 or not kust_of(tree, target2):
                            ok = False   # a file: it must stay inside its own kustomization's root
                            break
                        subs.append(os.path.relpath(target2, kdir or '.'))
                if not ok:
                    continue
                t = copy.deepcopy(tree)
                tk = kust_dict(t, rel)
                tk[field] = tk[field][:idx] + subs + tk[field][idx + 1:]
                del t.files[srel]
                out.append(t)
    return out


def minimise(tree, interesting, budget_calls=600, budget_secs=240):
    start = time.time()
    calls = [0]

    def test(t):
        if calls[0] >= budget_calls or time.time() - start > budget_secs:
            raise TimeoutError
        calls[0] += 1
        return interesting(t)

    try:
        changed = True
        while changed:
            changed = False
            # kustomization layers that only pass resources through
            progress = True
            while progress:
                progress = False
                for t in layer_candidates(tree):
                    if test(t):
                        tree = t
                        changed = progress = True
                        break
            # directories and files, with the entries that name them
            for unit in unit_candidates(tree):
                t = remove_unit(tree, unit)
                if t is not None and test(t):
                    tree = t
                    changed = True
            # halves of big maps and lists
            for rel, p in all_paths(tree):
                try:
                    node = node_at(tree, rel, p)
                except (KeyError, IndexError, TypeError):
                    continue
                kids = children(node)
                if len(kids) < 4 or kids[0][0] not in ('k', 'i'):
                    continue
                for part in (kids[:len(kids) // 2], kids[len(kids) // 2:]):
                    t = delete_many(tree, rel, p, part)
                    if t is not None and test(t):
                        tree = t
                        changed = True
                        break
            # nodes one at a time, breadth first; after a success the same index is the next sibling
            i = 0
            while True:
                paths = all_paths(tree)
                if i >= len(paths):
                    break
                rel, p = paths[i]
                t = delete_at(tree, rel, p)
                if t is not None and test(t):
                    tree = t
                    changed = True
                else:
                    i += 1
    except TimeoutError:
        pass
    return tree, calls[0]


def node_at(tree, rel, path):
    node = tree.files[rel].docs
    for s in path:
        node = step(node, s)
    return node


def delete_many(tree, rel, path, steps):
    t = copy.deepcopy(tree)
    try:
        node = node_at(t, rel, path)
        if isinstance(node, (Flow, JSONDoc)):
            node = node.value
        elif isinstance(node, Inline):
            node = node.docs
        if isinstance(node, dict):
            for s in steps:
                del node[s[1]]
        elif isinstance(node, list):
            for s in sorted(steps, key=lambda s: -s[1]):
                del node[s[1]]
        else:
            return None
    except (KeyError, IndexError, TypeError):
        return None
    return t


# ---------------------------------------------------------------- workers

def tree_for(seed, i):
    return generate(f'{seed}:{i}')


def check_one(args):
    seed, i, bin_path = args
    tree = tree_for(seed, i)
    with tempfile.TemporaryDirectory(prefix='difftest-') as wd:
        k, o, root = evaluate(tree, bin_path, wd)
        if agree(k, o):
            return dict(i=i, agree=True, k_ok=k.ok, o_ok=o.ok)
        sig = signature(k, o, root)
        # kustomize is not always deterministic (map key order, see README): check it
        k2 = run_cmd([KUBECTL, 'kustomize', os.path.join(root, tree.target)])
        flaky = (k2.rc == 0) != k.ok or (k.ok and k2.out != k.out)
        return dict(i=i, agree=False, k_ok=k.ok, o_ok=o.ok, sig=sig, flaky=flaky)


def save_repro(outdir, tree, k, o, sig, meta):
    if os.path.exists(outdir):
        shutil.rmtree(outdir)
    os.makedirs(outdir)
    tree.write(os.path.join(outdir, 'tree'))
    exp = k.out if k.ok else b'ERROR (exit %d)\n' % k.rc + k.err
    act = o.out if o.ok else b'ERROR (exit %d)\n' % o.rc + o.err
    with open(os.path.join(outdir, 'expected.txt'), 'wb') as f:
        f.write(exp)
    with open(os.path.join(outdir, 'actual.txt'), 'wb') as f:
        f.write(act)
    d = difflib.unified_diff(exp.decode('utf-8', 'replace').splitlines(True), act.decode('utf-8', 'replace').splitlines(True),
                             'expected (kubectl kustomize)', 'actual (sts-kustomize)')
    with open(os.path.join(outdir, 'diff.txt'), 'w') as f:
        f.writelines(d)
    with open(os.path.join(outdir, 'signature.txt'), 'w') as f:
        f.write(sig + '\n')
    with open(os.path.join(outdir, 'repro.sh'), 'w') as f:
        f.write('#!/bin/sh\n# Builds the tree with kubectl kustomize and with sts-kustomize; compares stdout and exit status.\n'
                'cd "$(dirname "$0")"\nBIN="${BIN:-/tmp/sts-kustomize-current}"\nd=$(mktemp -d)\n'
                f'kubectl kustomize tree/{tree.target} >$d/expected 2>$d/expected.err; k=$?\n'
                f'"$BIN" build tree/{tree.target} >$d/actual 2>$d/actual.err; o=$?\n'
                'echo "kubectl exit $k, sts-kustomize exit $o"\n'
                '[ $k -ne 0 ] && grep -v "^# Warning" $d/expected.err\n[ $o -ne 0 ] && cat $d/actual.err\n'
                'if [ $k -eq 0 ] && [ $o -eq 0 ]; then diff -u $d/expected $d/actual && echo SAME; '
                'elif [ $k -ne 0 ] && [ $o -ne 0 ]; then echo "SAME (both fail)"; else echo DIFFERENT; fi\n'
                'rm -rf $d\n')
    os.chmod(os.path.join(outdir, 'repro.sh'), 0o755)
    with open(os.path.join(outdir, 'meta.json'), 'w') as f:
        json.dump(meta, f, indent=2)


def minimise_one(args):
    seed, i, bin_path, sig, outdir, do_min = args[:6]
    budget = args[6] if len(args) > 6 else {}
    tree = tree_for(seed, i)
    with tempfile.TemporaryDirectory(prefix='difftest-min-') as wd:
        def interesting(t):
            k, o, root = evaluate(t, bin_path, wd)
            return not agree(k, o) and signature(k, o, root) == sig
        calls = 0
        t0 = time.time()
        if do_min:
            tree, calls = minimise(tree, interesting, **budget)
        k, o, root = evaluate(tree, bin_path, wd)
        final_sig = signature(k, o, root) if not agree(k, o) else None
        save_repro(outdir, tree, k, o, sig, dict(seed=seed, index=i, target=tree.target, signature=sig,
                                                 final_signature=final_sig, minimise_calls=calls,
                                                 minimise_secs=round(time.time() - t0, 1), bin=bin_path,
                                                 bin_sha256=file_sha(bin_path)))
        return dict(i=i, sig=sig, dir=outdir, still=final_sig == sig, calls=calls)


def file_sha(p):
    try:
        with open(p, 'rb') as f:
            return hashlib.sha256(f.read()).hexdigest()[:16]
    except OSError:
        return None


# ---------------------------------------------------------------- main

def reminimise(args):
    jobs = []
    for dname in args.reminimise:
        with open(os.path.join(dname, 'meta.json')) as f:
            meta = json.load(f)
        r = check_one((meta['seed'], meta['index'], args.bin))
        if r['agree']:
            print(f'{dname}: the original tree now agrees; left as it is')
            continue
        jobs.append((meta['seed'], meta['index'], args.bin, r['sig'], dname, True, dict(budget_calls=2000, budget_secs=900)))
    with multiprocessing.Pool(args.jobs) as pool:
        for r in pool.imap_unordered(minimise_one, jobs):
            print(f'{r["dir"]}: {r["calls"]} runs{"" if r["still"] else ", NOT REPRODUCED"}: {r["sig"]}', flush=True)
    return 0


def recheck(args):
    still = gone = 0
    for name in sorted(os.listdir(args.out)):
        meta_path = os.path.join(args.out, name, 'meta.json')
        if not os.path.exists(meta_path):
            continue
        with open(meta_path) as f:
            meta = json.load(f)
        root = os.path.join(args.out, name, 'tree')
        k, o = run_both(args.bin, root, meta['target'])
        if agree(k, o):
            gone += 1
            status = 'FIXED (now agrees)'
        else:
            still += 1
            sig = signature(k, o, root)
            status = 'still differs' + ('' if sig == meta['signature'] else f' (now: {sig})')
        meta['recheck'] = dict(bin_sha256=file_sha(args.bin), status=status)
        with open(meta_path, 'w') as f:
            json.dump(meta, f, indent=2)
        print(f'{name:24s} {status:20s} {meta["signature"]}')
    print(f'\n{still} still differ, {gone} now agree (binary {args.bin}, sha256 {file_sha(args.bin)})')
    return 0


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument('--count', type=int, default=100, help='trees to generate (default 100)')
    ap.add_argument('--seed', default='1', help='seed (any text); tree n is generated from "SEED:n"')
    ap.add_argument('--start', type=int, default=0, help='first tree index (default 0)')
    ap.add_argument('--jobs', type=int, default=2, help='parallel workers (default 2)')
    ap.add_argument('--bin', default='/tmp/sts-kustomize-current', help='sts-kustomize binary (re-read for every tree)')
    ap.add_argument('--out', default='/tmp/difftest-out', help='reproducers go to OUT/<seed>-<n>/ (default /tmp/difftest-out)')
    ap.add_argument('--no-minimise', action='store_true', help='save reproducers without shrinking them')
    ap.add_argument('--max-repros', type=int, default=60, help='at most this many new reproducers per run')
    ap.add_argument('--fresh', action='store_true', help='ignore signatures already saved in OUT/index.json')
    ap.add_argument('--recheck', action='store_true', help='re-run every saved reproducer in OUT with BIN and say which still differ')
    ap.add_argument('--reminimise', nargs='+', metavar='DIR', help='shrink these saved reproducers again (from their seed and index) '
                    'with BIN and a bigger budget, in place; their signature is taken afresh')
    ap.add_argument('--show', type=int, metavar='N', help='print tree N of the seed (its files) and exit')
    ap.add_argument('--write', metavar='DIR', help='with --show: also write the tree to DIR')
    args = ap.parse_args()

    if args.show is not None:
        tree = tree_for(args.seed, args.show)
        if args.write:
            write_tree(tree, args.write)
        print(f'# target: {tree.target}')
        for rel in sorted(tree.files):
            print(f'==> {rel} <==')
            print(tree.files[rel].render().decode('utf-8', 'replace'))
        return 0

    if args.recheck:
        return recheck(args)
    if args.reminimise:
        return reminimise(args)

    os.makedirs(args.out, exist_ok=True)
    index_path = os.path.join(args.out, 'index.json')
    index = {}
    if os.path.exists(index_path) and not args.fresh:
        with open(index_path) as f:
            index = json.load(f)

    t0 = time.time()
    results = []
    work = [(args.seed, i, args.bin) for i in range(args.start, args.start + args.count)]
    with multiprocessing.Pool(args.jobs) as pool:
        done = 0
        for r in pool.imap(check_one, work, chunksize=1):
            results.append(r)
            done += 1
            if done % 100 == 0 or done == len(work):
                nd = sum(1 for x in results if not x['agree'] and not x['flaky'])
                print(f'[{time.time() - t0:6.0f}s] {done}/{len(work)} trees, {nd} differences', file=sys.stderr, flush=True)

        diffs = [r for r in results if not r['agree'] and not r['flaky']]
        flaky = [r for r in results if not r['agree'] and r['flaky']]
        by_sig = {}
        for r in diffs:
            by_sig.setdefault(r['sig'], []).append(r['i'])
        new = [(s, ix) for s, ix in by_sig.items() if s not in index][:args.max_repros]
        jobs = [(args.seed, ix[0], args.bin, s, os.path.join(args.out, f'{args.seed}-{ix[0]}'), not args.no_minimise)
                for s, ix in new]
        saved = []
        for r in pool.imap_unordered(minimise_one, jobs):
            saved.append(r)
            print(f'[{time.time() - t0:6.0f}s] saved {r["dir"]} ({r["calls"]} runs{"" if r["still"] else ", NOT REPRODUCED"}): {r["sig"]}',
                  file=sys.stderr, flush=True)
    for r in saved:
        index[r['sig']] = dict(dir=r['dir'], seed=args.seed, index=r['i'], reproduced=r['still'])
    for s, ix in by_sig.items():
        if s in index:
            index[s].setdefault('hits', 0)
            index[s]['hits'] = index[s]['hits'] + len(ix)
    with open(index_path, 'w') as f:
        json.dump(index, f, indent=2, ensure_ascii=False)

    n = len(results)
    k_ok = sum(1 for r in results if r['k_ok'])
    same = sum(1 for r in results if r['agree'] and r['k_ok'])
    both_err = sum(1 for r in results if r['agree'] and not r['k_ok'])
    print(f'\nseed {args.seed}: {n} trees in {time.time() - t0:.0f}s; kubectl succeeded on {k_ok} ({100 * k_ok / max(n, 1):.0f}%)')
    print(f'  agreements: {same + both_err} ({same} identical output, {both_err} both error)')
    print(f'  differences: {len(diffs)}' + (f' (+{len(flaky)} where kubectl itself is not deterministic, ignored)' if flaky else ''))
    print(f'  distinct signatures: {len(by_sig)} ({len(new)} new this run)')
    for s, ix in sorted(by_sig.items(), key=lambda x: -len(x[1])):
        where = index.get(s, {}).get('dir', '-')
        print(f'  {len(ix):4d}  {s}\n        -> {where}  (trees {", ".join(map(str, ix[:5]))}{"…" if len(ix) > 5 else ""})')
    return 0


if __name__ == '__main__':
    sys.exit(main())
