"""Random kustomization trees for the differential tester.

`generate(seed_text)` returns a Tree: a dict of relative path -> file object (YFile, TFile,
JFile) and the directory to build. Everything comes from one random.Random seeded by the text,
so a seed always gives the same tree.

The generator keeps a rough model of the resources each kustomization produces (kind, names,
namespace, containers, images, labels, generated config maps) so that patches, replacements,
vars, images, replicas and generator merges mostly hit something; "mostly" on purpose — some
trees are invalid and kustomize must reject them, and then so must we.
"""
import copy
import os
import random
import string

from yamltext import S, Flow, JSONDoc, Comment, Inline, plain_ok, emit_stream, json_text


# ---------------------------------------------------------------- files and trees

class YFile:
    def __init__(self, docs, lead=False, seq_indent=False, trail=''):
        self.docs = docs
        self.lead = lead
        self.seq_indent = seq_indent
        self.trail = trail            # extra text after the stream, e.g. '---\n' or '...\n'

    def render(self):
        return (emit_stream(self.docs, self.lead, self.seq_indent) + self.trail).encode('utf-8')


class TFile:
    """Plain lines (env files, property files, data files). Lines may be str or bytes."""
    def __init__(self, lines, final_newline=True, bom=False, crlf=False):
        self.docs = lines             # called docs so the minimiser can shrink it like a stream
        self.final_newline = final_newline
        self.bom = bom
        self.crlf = crlf

    def render(self):
        nl = b'\r\n' if self.crlf else b'\n'
        parts = [l if isinstance(l, bytes) else l.encode('utf-8') for l in self.docs]
        out = nl.join(parts)
        if self.final_newline and parts:
            out += nl
        if self.bom:
            out = b'\xef\xbb\xbf' + out
        return out


class JFile:
    def __init__(self, value):
        self.docs = [value]

    def render(self):
        return (json_text(self.docs[0], indent=2) + '\n').encode('utf-8') if self.docs else b''


class Tree:
    def __init__(self, files, target):
        self.files = files            # relpath -> file
        self.target = target          # relative dir to build

    def write(self, root):
        for rel, f in self.files.items():
            p = os.path.join(root, rel)
            os.makedirs(os.path.dirname(p), exist_ok=True)
            with open(p, 'wb') as fh:
                fh.write(f.render())
        os.makedirs(os.path.join(root, self.target), exist_ok=True)


# ---------------------------------------------------------------- value pools

H = ['0123456789abcdef' * 4, 'fedcba9876543210' * 4, 'a1b2c3d4e5f60718' * 4]

PLAIN_WEIRD = [
    'yes', 'no', 'on', 'off', 'y', 'n', 'Y', 'N', 'Yes', 'NO', 'On', 'OFF', 'true', 'false', 'True',
    'FALSE', '~', 'null', 'Null', 'NULL', '0777', '0o17', '0x1F', '0b101', '1_000', '0755', '08', '09',
    '12345678901234567890', '123456789012', '9007199254740993', '-0', '+1', '-1', '0', '00', '007',
    '1.0', '1e3', '1E3', '1.5e-3', '.5', '5.', '-.5',
    '3.14159265358979323846', '0.1', '1.10', '100.000', '2024-01-01', '2024-01-01T10:00:00Z',
    '2001-12-14 21:59:43.10 -5', '2024-1-1', '12:30:00', '1:20', '190:20:30', '1.0.0', 'v1', '1Gi',
    '500m', '=', '1,000', '$1', '0.', '1_2', '0x_1', '.', '..', 'NaN', 'Infinity', 'e3',
]

# plain scalars that kustomize cannot always carry through JSON (NaN, infinities): rarer
PLAIN_RARE = ['.inf', '-.Inf', '+.inf', '.nan', '.NaN', '1e400', '-1e400']

QUOTABLE = [
    'hello world', 'héllo wörld', '日本語テキスト', '🚀 launch 🎉', 'a: b', 'a #b', '#notcomment',
    '- dash', '@at', '`tick', '%pct', '!bang', '&amp', '*star', '{brace}', '[br]', 'quote"d',
    "single'q", 'tab\there', ' leading space', 'trailing space ', 'back\\slash', '', ' ', 'a=b',
    '?', ':', '|', '>', '<<', 'ｆｕｌｌ', 'nbsp\u00a0x', 'x: y: z', 'k=v,k2=v2', '"', "'", '\\n',
    'multi\nline', 'end with newline\n', 'ümlaut', 'Ωmega', 'crlf\r\nx', '$(NOTAVAR)', 'a\u2028b',
    '0777 ', ' 1', 'yes ', 'null ', '- ', 'key: "v"', 'ends:', 'a, b', 'tilde~', 'zero\u200bwidth',
]

WORDS = ['alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta', 'eta', 'theta', 'iota', 'kappa',
         'lambda', 'mu', 'héllo', 'wörld', '日本', '🚀', 'x', 'a:b', 'c#d', 'long-word-with-dashes',
         'supercalifragilisticexpialidocious', 'tab\tbed', '"q"', "'s'", '{x}', '[y]', '0777', 'yes']

MULTILINE = [
    'line one\nline two\n', 'line one\nline two', 'first\n\nthird\n', 'trailing  \nspaces  \n',
    'a\n  indented\nb\n', 'keep\n\n\n', 'ünïcödé\n🚀 rocket\n', 'x', 'tab\there\n', '#!/bin/sh\necho "$HOME"\nexit 0\n',
    'key: value\nother: [1, 2]\n', '- item\n- item2\n', 'one line\n', '\n\nleading blank\n',
    'ends with space \n', 'a very long line that goes on and on beyond eighty characters with spaces between the words ok\nshort\n',
]

IMAGES = [
    'nginx', 'nginx:1.25', 'nginx:latest', 'nginx@sha256:' + H[0], 'nginx:1.25@sha256:' + H[1],
    'busybox', 'busybox:1.36', 'postgres:16.1', 'docker.io/library/redis:7',
    'gcr.io/my-proj/app:v1.2.3', 'registry.example.com:5000/team/api:2024-01-01',
    'registry.example.com:5000/team/api', 'ghcr.io/org/tool@sha256:' + H[2],
    'quay.io/prometheus/node-exporter:v1.7.0', 'localhost:5000/x', 'my_registry/img:1.0', 'nginx:1',
    'alpine:3.19', 'postgres', 'redis:7-alpine',
]

LABEL_KEYS = ['app', 'env', 'team', 'tier', 'app.kubernetes.io/name', 'app.kubernetes.io/part-of',
              'example.com/owner', 'version', 'zone']
ANN_KEYS = ['note', 'example.com/desc', 'a.io/b', 'checksum/config', 'owner', 'kubernetes.io/description',
            'x.y/z-w']
WEIRD_KEYS = ['yes', 'a.b/c', 'x_y', 'UPPER', 'with space', 'émoji🚀', S('y', 'double'), 'true', '-dash', '.dot',
              S('no', 'single'), 'a.b', S('1', 'double')]
NONSTR_KEYS = [S('on'), S('1'), S('1.5'), S('~'), S('0777'), S('2024-01-01'), S('true'), S('null'), S('y'), S('Y'), S('n')]
NAMES = ['web', 'api', 'db', 'cache', 'worker', 'frontend', 'backend', 'queue', 'store', 'proxy']


def image_name(img):
    """Name part of an image reference, without tag and digest."""
    i = img.split('@')[0]
    slash = i.rfind('/')
    colon = i.rfind(':')
    if colon > slash:
        i = i[:colon]
    return i


# ---------------------------------------------------------------- resource model

class Res:
    def __init__(self, kind, api, name, ns=None, cluster=False):
        self.kind = kind
        self.api = api
        self.name = name
        self.orig_name = name
        self.ns = ns
        self.orig_ns = ns
        self.cluster = cluster
        self.doc = None
        self.pod = None               # list of keys to the pod spec
        self.generated = None         # 'configMapGenerator' / 'secretGenerator'
        self.keys = []                # data keys of config maps and secrets
        self.home = None              # directory of the kustomization that made it

    @property
    def group(self):
        return self.api.split('/')[0] if '/' in self.api else ''

    @property
    def version(self):
        return self.api.split('/')[-1]

    def containers(self):
        spec = self.podspec()
        if not isinstance(spec, dict):
            return []
        cs = spec.get('containers')
        return [c for c in cs if isinstance(c, dict)] if isinstance(cs, list) else []

    def podspec(self):
        if not self.pod or self.doc is None:
            return None
        n = self.doc
        for k in self.pod:
            if not isinstance(n, dict) or k not in n:
                return None
            n = n[k]
        return n

    def labels(self):
        md = self.doc.get('metadata') if isinstance(self.doc, dict) else None
        ls = md.get('labels') if isinstance(md, dict) else None
        return ls if isinstance(ls, dict) else {}


class _Missing:
    pass


MISSING = _Missing()


def unwrap(v):
    while isinstance(v, (Flow, JSONDoc)):
        v = v.value
    return v


def resolve(doc, tokens):
    """The node at a JSON pointer's tokens in a generated document, or MISSING."""
    n = unwrap(doc)
    for t in tokens:
        if isinstance(n, dict):
            for k, v in n.items():
                if (sval(k) if not isinstance(k, (int, float, bool)) and k is not None else None) == t:
                    n = unwrap(v)
                    break
            else:
                return MISSING
        elif isinstance(n, list):
            if not t.isdigit() or int(t) >= len(n):
                return MISSING
            n = unwrap(n[int(t)])
        else:
            return MISSING
    return n


def sval(v):
    """The string a generated scalar stands for (approximately)."""
    if isinstance(v, S):
        return v.text
    return v if isinstance(v, str) else None


# ---------------------------------------------------------------- the generator

class Gen:
    def __init__(self, seed_text):
        self.r = random.Random(seed_text)
        self.files = {}
        self.used = set()
        self.vars = []                # names of declared vars
        self.no_crd = False           # diamonds: CRD names take no prefix, so two copies clash
        self.current_names = False    # diamond tops: original names match both copies

    # -- random helpers
    def p(self, prob):
        return self.r.random() < prob

    def pick(self, seq):
        return seq[self.r.randrange(len(seq))]

    def wpick(self, pairs):
        total = sum(w for _, w in pairs)
        x = self.r.random() * total
        for v, w in pairs:
            x -= w
            if x < 0:
                return v
        return pairs[-1][0]

    def sample(self, seq, k):
        k = min(k, len(seq))
        return self.r.sample(list(seq), k)

    def fresh(self, base):
        name = base
        i = 2
        while name in self.used:
            name = f'{base}{i}'
            i += 1
        self.used.add(name)
        return name

    # -- scalars
    def long_text(self):
        n = self.r.randint(8, 22)
        return ' '.join(self.pick(WORDS) for _ in range(n))

    def text(self):
        """String content, any shape."""
        return self.wpick([
            (lambda: self.pick(PLAIN_WEIRD), 3), (lambda: self.pick(QUOTABLE), 4),
            (lambda: self.long_text(), 2), (lambda: self.pick(MULTILINE), 2),
            (lambda: 'x' * self.r.randint(70, 130), 0.5),
            (lambda: self.pick(['v1', 'prod', 'blue', 'hello', 'a-b', 'x.y']), 3),
        ])()

    def str_scalar(self, t=None):
        """A node that reads as a string."""
        if t is None:
            t = self.text()
        if any(c in t for c in '\r\u2028\u2029\x85'):
            return S(t, 'double')
        opts = []
        if plain_ok(t):
            opts.append(('plain', 4))
        if '\n' not in t and '\r' not in t:
            opts.append(('single', 2))
        opts.append(('double', 2))
        if '\n' in t and not t.startswith((' ', '\n', '\t')) and '\r' not in t and '\u2028' not in t:
            if t.endswith('\n\n'):
                opts.append(('|+', 3))
            elif t.endswith('\n'):
                opts.append(('|', 3))
                opts.append(('>', 1))
            else:
                opts.append(('|-', 3))
                opts.append(('>-', 1))
        style = self.wpick(opts)
        if style == 'plain':
            return t if self.p(0.5) else S(t)
        return S(t, style)

    def any_scalar(self):
        """Any YAML scalar: weird plain words and numbers, or a string."""
        return self.wpick([
            (lambda: S(self.pick(PLAIN_WEIRD)), 4),
            (lambda: S(self.pick(PLAIN_RARE)), 0.1),
            (lambda: self.str_scalar(), 4),
            (lambda: self.pick([0, 1, -1, 42, 3.5, True, False, None, 10 ** 20]), 1),
            (lambda: S(''), 0.3),
        ])()

    def any_value(self, depth=0):
        if depth < 2 and self.p(0.15):
            return {self.key(): self.any_value(depth + 1) for _ in range(self.r.randint(0, 2))}
        if depth < 2 and self.p(0.1):
            v = [self.any_scalar() for _ in range(self.r.randint(0, 3))]
            return Flow(v) if v and self.p(0.3) else v
        if self.p(0.03):
            return self.pick([{}, [], Flow({}), Flow([])])
        return self.any_scalar()

    def key(self):
        if self.p(0.01):
            return self.pick(NONSTR_KEYS)
        if self.p(0.08):
            return self.pick(WEIRD_KEYS)
        return self.pick(['foo', 'bar', 'baz', 'qux', 'field', 'mode', 'level', 'enabled', 'count', 'path'])

    def klabel_value(self):
        """A label value in a kustomization field (map[string]string there: non-strings fail)."""
        if self.p(0.01):
            return S(self.pick(['yes', '1', 'true', '0777', '1.5', '~', 'no']))
        return self.wpick([
            (lambda: self.pick(['v1', 'prod', 'blue', 'web', 'a-b', 'x.y', 'one_two', 'A1']), 8),
            (lambda: S(self.pick(['1', '0777', 'true', 'yes', '1.0', '2024-01-01', 'null', '', 'on']),
                       self.pick(['single', 'double'])), 2),
            (lambda: self.str_scalar(self.pick(QUOTABLE)), 0.2),
        ])()

    def kann_value(self):
        if self.p(0.01):
            return S(self.pick(PLAIN_WEIRD))
        return self.wpick([(lambda: self.str_scalar(), 6),
                           (lambda: S(self.pick(PLAIN_WEIRD), self.pick(['single', 'double'])), 1),
                           (lambda: self.pick(['', 'simple']), 2)])()

    def klabels(self, n=None, keys=LABEL_KEYS):
        n = self.r.randint(1, 2) if n is None else n
        return {k: self.klabel_value() for k in self.sample(keys, n)}

    def kannotations(self, n=None):
        n = self.r.randint(1, 2) if n is None else n
        d = {k: self.kann_value() for k in self.sample(ANN_KEYS, n)}
        if self.p(0.01):
            d['config.kubernetes.io/local-config'] = self.pick(['true', S('true', 'double'), 'false', ''])
        return d

    def label_value(self):
        return self.wpick([
            (lambda: self.pick(['v1', 'prod', 'blue', 'web', 'a-b', 'x.y', 'one_two', 'A1']), 8),
            (lambda: S(self.pick(['1', '0777', 'true', 'yes', '1.0', '2024-01-01', 'null', '', 'on']),
                       self.pick(['single', 'double'])), 2),
            (lambda: S(self.pick(['yes', '1', 'true', '0777', '1.5', '~', 'no'])), 0.3),
            (lambda: self.str_scalar(self.pick(QUOTABLE)), 0.3),
        ])()

    def ann_value(self):
        return self.wpick([(lambda: self.str_scalar(), 6),
                           (lambda: S(self.pick(PLAIN_WEIRD)), 0.4),
                           (lambda: self.pick(['', 'simple']), 2)])()

    def labels(self, n=None, keys=LABEL_KEYS):
        n = self.r.randint(1, 2) if n is None else n
        return {k: self.label_value() for k in self.sample(keys, n)}

    def annotations(self, n=None):
        n = self.r.randint(1, 2) if n is None else n
        d = {k: self.ann_value() for k in self.sample(ANN_KEYS, n)}
        if self.p(0.04):
            d[self.pick(WEIRD_KEYS)] = self.ann_value()
        if self.p(0.01):
            d['config.kubernetes.io/local-config'] = self.pick(['true', S('true', 'double'), 'false', ''])
        return d

    def maybe_flow(self, v, prob=0.1):
        return Flow(v) if self.p(prob) else v

    def image(self):
        return self.pick(IMAGES)

    # ------------------------------------------------------------ resources

    def meta(self, name, ns=None, labels=None, ann=None, cluster=False):
        md = {'name': name}
        if cluster and self.p(0.06):
            md['namespace'] = self.pick(['default', 'ns1', 'kube-system'])
        if ns:
            md['namespace'] = ns
        if labels:
            md['labels'] = labels
        if ann:
            md['annotations'] = ann
        if self.p(0.05):
            md[Comment(self.pick(['a comment', 'héllo comment', 'TODO: x']))] = None
        if self.p(0.04):
            md['finalizers'] = self.sample(['example.com/a', 'example.com/b', 'kubernetes'], 2)
        return md

    def podspec(self, refs, app):
        cs = []
        for cname in self.sample(['app', 'sidecar', 'proxy'], self.wpick([(1, 6), (2, 3), (3, 1)])):
            c = {'name': cname, 'image': self.image()}
            if self.p(0.2):
                c['imagePullPolicy'] = self.pick(['Always', 'IfNotPresent'])
            if self.p(0.25):
                c['command'] = ['sh', '-c', self.str_scalar(self.pick(MULTILINE + ['echo hi', 'sleep 3600']))]
            if self.p(0.3) or (self.vars and self.p(0.6)):
                args = [self.any_scalar() if self.p(0.05) else self.str_scalar() for _ in range(self.r.randint(0, 2))]
                for v in self.sample(self.vars, 2):
                    args.append(self.pick([f'$({v})', f'--flag=$({v})', f'$({v}):$({v})']))
                c['args'] = self.maybe_flow(args, 0.2)
            env = []
            for _ in range(self.r.randint(0, 3)):
                env.append({'name': self.fresh('E_' + self.pick(['A', 'B', 'C', 'MODE', 'URL'])),
                            'value': self.any_scalar() if self.p(0.8) else self.str_scalar()})
            if self.vars and self.p(0.5):
                env.append({'name': self.fresh('E_VAR'), 'value': f'$({self.pick(self.vars)})'})
            if refs.get('cm') and self.p(0.4):
                cm = self.pick(refs['cm'])
                env.append({'name': self.fresh('E_CM'), 'valueFrom': {'configMapKeyRef': {
                    'name': cm.orig_name, 'key': self.pick(cm.keys) if cm.keys else 'k'}}})
            if refs.get('secret') and self.p(0.3):
                s = self.pick(refs['secret'])
                env.append({'name': self.fresh('E_S'), 'valueFrom': {'secretKeyRef': {
                    'name': s.orig_name, 'key': self.pick(s.keys) if s.keys else 'k'}}})
            if self.p(0.1):
                env.append({'name': 'E_NS', 'valueFrom': {'fieldRef': {'fieldPath': 'metadata.namespace'}}})
            if env:
                c['env'] = env
            ef = []
            if refs.get('cm') and self.p(0.35):
                ef.append({'configMapRef': {'name': self.pick(refs['cm']).orig_name}})
            if refs.get('secret') and self.p(0.25):
                ef.append({'secretRef': {'name': self.pick(refs['secret']).orig_name}})
            if ef:
                c['envFrom'] = ef
            if self.p(0.4):
                c['ports'] = [{'containerPort': self.pick([80, 8080, 443, S('8080', 'double'), 9090]),
                               'name': self.pick(['http', 'metrics', 'grpc']),
                               **({'protocol': self.pick(['TCP', 'UDP'])} if self.p(0.5) else {})}]
            if self.p(0.3):
                c['resources'] = {'limits': {'cpu': self.pick([S('500m'), 1, 0.5, S('1'), '250m']),
                                             'memory': self.pick(['128Mi', S('1Gi'), '1e3', S('512M', 'double')])}}
                if self.p(0.3):
                    c['resources']['requests'] = self.pick([{}, {'cpu': S('100m')}])
            cs.append(c)
        spec = {'containers': cs}
        vols = []
        if refs.get('cm') and self.p(0.4):
            cm = self.pick(refs['cm'])
            v = {'name': self.fresh('cfg'), 'configMap': {'name': cm.orig_name}}
            if self.p(0.4):
                v['configMap']['defaultMode'] = self.pick([S('0644'), 420, S('0o644'), S('0755')])
            if cm.keys and self.p(0.3):
                v['configMap']['items'] = [{'key': self.pick(cm.keys), 'path': 'f.txt'}]
            vols.append(v)
        if refs.get('secret') and self.p(0.3):
            vols.append({'name': self.fresh('sec'), 'secret': {'secretName': self.pick(refs['secret']).orig_name}})
        if refs.get('pvc') and self.p(0.5):
            vols.append({'name': self.fresh('data'), 'persistentVolumeClaim': {'claimName': self.pick(refs['pvc']).orig_name}})
        if self.p(0.3):
            vols.append({'name': self.fresh('tmp'), 'emptyDir': self.pick([{}, {'medium': 'Memory'}, Flow({}), None])})
        if refs.get('cm') and refs.get('secret') and self.p(0.15):
            vols.append({'name': self.fresh('proj'), 'projected': {'sources': [
                {'configMap': {'name': self.pick(refs['cm']).orig_name}},
                {'secret': {'name': self.pick(refs['secret']).orig_name}}]}})
        if vols:
            spec['volumes'] = vols
            for v in vols:
                if self.p(0.7):
                    c = self.pick(cs)
                    c.setdefault('volumeMounts', []).append({'name': v['name'], 'mountPath': '/mnt/' + v['name'],
                                                            **({'readOnly': True} if self.p(0.3) else {})})
        if self.p(0.2):
            spec['initContainers'] = [{'name': 'init', 'image': self.image(),
                                       'command': ['sh', '-c', 'true']}]
        if refs.get('sa') and self.p(0.6):
            spec['serviceAccountName'] = self.pick(refs['sa']).orig_name
        if refs.get('pc') and self.p(0.6):
            spec['priorityClassName'] = self.pick(refs['pc']).orig_name
        if refs.get('secret') and self.p(0.15):
            spec['imagePullSecrets'] = [{'name': self.pick(refs['secret']).orig_name}]
        if self.p(0.2):
            spec['nodeSelector'] = self.labels(1, ['disktype', 'kubernetes.io/os', 'zone'])
        if self.p(0.15):
            spec['tolerations'] = [{'key': 'k', 'operator': 'Equal', 'value': self.label_value(),
                                    'effect': 'NoSchedule'}]
        if self.p(0.15):
            spec['securityContext'] = {'runAsUser': self.pick([1000, S('0777'), 0]),
                                       'runAsNonRoot': self.pick([True, S('yes'), S('true')])}
        if self.p(0.1):
            spec['terminationGracePeriodSeconds'] = self.pick([30, S('30', 'double'), S('1e1')])
        if self.p(0.1):
            spec['affinity'] = {'podAntiAffinity': {'preferredDuringSchedulingIgnoredDuringExecution': [
                {'weight': 100, 'podAffinityTerm': {'labelSelector': {'matchLabels': {'app': app}},
                                                    'topologyKey': 'kubernetes.io/hostname'}}]}}
        return spec

    def workload(self, kind, refs, ns):
        name = self.fresh(self.pick(NAMES))
        app = name
        sel = {'app': app}
        if self.p(0.3):
            sel['tier'] = self.label_value()
        tmpl_labels = dict(sel)
        if self.p(0.2):
            tmpl_labels['extra'] = self.label_value()
        tmpl = {'metadata': {'labels': tmpl_labels}, 'spec': self.podspec(refs, app)}
        if self.p(0.15):
            tmpl['metadata']['annotations'] = self.annotations(1)
        md_labels = self.labels(1) if self.p(0.4) else ({'app': app} if self.p(0.5) else None)
        md = self.meta(name, ns, md_labels, self.annotations(1) if self.p(0.2) else None)
        api = 'apps/v1'
        pod = ['spec', 'template', 'spec']
        if kind in ('Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet'):
            spec = {}
            if kind != 'DaemonSet' and self.p(0.7):
                spec['replicas'] = self.pick([1, 2, 3, 0, S('3'), S('2', 'double'), 5])
            spec['selector'] = {'matchLabels': sel}
            if kind == 'Deployment' and self.p(0.2):
                spec['strategy'] = self.pick([{'type': 'Recreate'},
                                              {'type': 'RollingUpdate', 'rollingUpdate': {'maxSurge': S('25%'), 'maxUnavailable': 0}}])
            spec['template'] = tmpl
            if kind == 'StatefulSet':
                spec['serviceName'] = refs['headless'] if refs.get('headless') else name + '-headless'
                if self.p(0.8):
                    vct = []
                    for cl in self.sample(['data', 'logs'], self.r.randint(1, 2)):
                        t = {'metadata': {'name': cl}, 'spec': {'accessModes': [self.pick(['ReadWriteOnce', 'ReadWriteMany'])],
                             'resources': {'requests': {'storage': self.pick(['1Gi', S('10Gi'), '100Mi', S('1e3')])}}}}
                        if refs.get('sc') and self.p(0.7):
                            t['spec']['storageClassName'] = self.pick(refs['sc']).orig_name
                        if self.p(0.3):
                            t['metadata']['labels'] = {'app': app}
                        vct.append(t)
                    spec['volumeClaimTemplates'] = vct
                    c = self.pick(tmpl['spec']['containers'])
                    c.setdefault('volumeMounts', []).append({'name': vct[0]['metadata']['name'], 'mountPath': '/var/lib/data'})
                if self.p(0.3):
                    spec['podManagementPolicy'] = self.pick(['Parallel', 'OrderedReady'])
        elif kind == 'Job':
            api = 'batch/v1'
            spec = {'template': tmpl, 'backoffLimit': self.pick([1, 4])}
            tmpl['spec']['restartPolicy'] = 'Never'
        elif kind == 'CronJob':
            api = self.pick(['batch/v1', 'batch/v1', 'batch/v1beta1'])
            spec = {'schedule': self.pick(['*/5 * * * *', S('0 0 * * *', 'double'), '@hourly']),
                    'jobTemplate': {'spec': {'template': tmpl}}}
            tmpl['spec']['restartPolicy'] = 'OnFailure'
            pod = ['spec', 'jobTemplate', 'spec', 'template', 'spec']
        elif kind == 'Pod':
            api = 'v1'
            md = self.meta(name, ns, tmpl_labels, None)
            spec = tmpl['spec']
            pod = ['spec']
        doc = {'apiVersion': api, 'kind': kind, 'metadata': md, 'spec': spec}
        r = Res(kind, api, name, ns)
        r.doc = doc
        r.pod = pod
        r.app = app
        r.sel = sel
        return r

    def simple(self, kind, refs, ns, target=None):
        """Every other kind. Returns a Res (with .doc), or None."""
        name = self.fresh(self.pick(NAMES) + '-' + kind.lower()[:4] if self.p(0.5) else kind.lower())
        C = True  # cluster-scoped
        if kind == 'Service':
            w = target
            name = self.fresh(w.app if w is not None and self.p(0.5) else self.pick(NAMES) + '-svc')
            spec = {'selector': dict(w.sel) if w is not None else {'app': name},
                    'ports': [{'port': self.pick([80, 443, 8080]),
                               'targetPort': self.pick([8080, 'http', S('8080', 'double')]),
                               **({'name': 'http'} if self.p(0.5) else {}),
                               **({'protocol': 'TCP'} if self.p(0.3) else {})}]}
            if self.p(0.3) and w is not None and w.kind == 'StatefulSet':
                spec['clusterIP'] = 'None'
            elif self.p(0.2):
                spec['type'] = self.pick(['ClusterIP', 'NodePort', 'LoadBalancer'])
            doc = {'apiVersion': 'v1', 'kind': kind, 'metadata': self.meta(name, ns, self.labels(1) if self.p(0.4) else None), 'spec': spec}
            r = Res(kind, 'v1', name, ns, False)
        elif kind == 'Headless':
            w = target
            name = self.fresh(w.app + '-headless' if w is not None else 'headless')
            spec = {'clusterIP': 'None', 'selector': dict(w.sel) if w is not None else {'app': name},
                    'ports': [{'port': 5432, 'name': 'tcp'}]}
            doc = {'apiVersion': 'v1', 'kind': 'Service', 'metadata': self.meta(name, ns), 'spec': spec}
            r = Res('Service', 'v1', name, ns, False)
        elif kind == 'ConfigMap':
            data = {}
            for _ in range(self.r.randint(0, 4)):
                k = self.key() if self.p(0.2) else self.pick(['a', 'b', 'c.txt', 'config.yaml', 'LOG_LEVEL', 'x-y', 'port'])
                data[k] = self.any_scalar() if self.p(0.4) else self.str_scalar()
            doc = {'apiVersion': 'v1', 'kind': 'ConfigMap', 'metadata': self.meta(name, ns, self.labels() if self.p(0.3) else None,
                                                                            self.annotations() if self.p(0.2) else None)}
            if data or self.p(0.5):
                doc['data'] = data
            if self.p(0.1):
                doc['binaryData'] = {'bin': 'aGVsbG8='}
            if self.p(0.05):
                doc['immutable'] = True
            r = Res('ConfigMap', 'v1', name, ns, False)
            r.keys = [sval(k) or 'k' for k in data if not isinstance(k, Comment)]
        elif kind == 'Secret':
            doc = {'apiVersion': 'v1', 'kind': 'Secret', 'metadata': self.meta(name, ns)}
            keys = []
            if self.p(0.7):
                doc['data'] = {'password': self.pick(['cGFzc3dvcmQ=', S('aGVsbG8gd29ybGQ='), ''])}
                keys.append('password')
            if self.p(0.4):
                doc['stringData'] = {'token': self.str_scalar()}
                keys.append('token')
            if self.p(0.4):
                doc['type'] = self.pick(['Opaque', 'kubernetes.io/tls', 'kubernetes.io/service-account-token'])
            r = Res('Secret', 'v1', name, ns, False)
            r.keys = keys
        elif kind == 'ServiceAccount':
            doc = {'apiVersion': 'v1', 'kind': kind, 'metadata': self.meta(name, ns)}
            if refs.get('secret') and self.p(0.3):
                doc['imagePullSecrets'] = [{'name': self.pick(refs['secret']).orig_name}]
            r = Res(kind, 'v1', name, ns, False)
        elif kind == 'PersistentVolumeClaim':
            spec = {'accessModes': ['ReadWriteOnce'], 'resources': {'requests': {'storage': self.pick(['1Gi', S('5Gi')])}}}
            if refs.get('sc') and self.p(0.6):
                spec['storageClassName'] = self.pick(refs['sc']).orig_name
            if refs.get('pv') and self.p(0.4):
                spec['volumeName'] = self.pick(refs['pv']).orig_name
            doc = {'apiVersion': 'v1', 'kind': kind, 'metadata': self.meta(name, ns), 'spec': spec}
            r = Res(kind, 'v1', name, ns, False)
        elif kind in ('Role', 'ClusterRole'):
            api = self.pick(['rbac.authorization.k8s.io/v1', 'rbac.authorization.k8s.io/v1', 'rbac.authorization.k8s.io/v1beta1'])
            rules = [{'apiGroups': [self.pick(['', S(''), 'apps'])], 'resources': self.sample(['pods', 'configmaps', 'secrets', 'deployments'], 2),
                      'verbs': self.maybe_flow(['get', 'list', 'watch'], 0.4)}]
            if refs.get('cm') and self.p(0.4):
                rules.append({'apiGroups': [''], 'resources': ['configmaps'], 'verbs': ['get'],
                              'resourceNames': [self.pick(refs['cm']).orig_name]})
            doc = {'apiVersion': api, 'kind': kind, 'metadata': self.meta(name, None if kind == 'ClusterRole' else ns, cluster=kind == 'ClusterRole'), 'rules': rules}
            if kind == 'ClusterRole' and self.p(0.15):
                doc['aggregationRule'] = {'clusterRoleSelectors': [{'matchLabels': {'agg': 'true'}}]}
            r = Res(kind, api, name, None if kind == 'ClusterRole' else ns, kind == 'ClusterRole')
        elif kind in ('RoleBinding', 'ClusterRoleBinding'):
            api = 'rbac.authorization.k8s.io/v1'
            role = target
            rk = role.kind if role is not None else ('ClusterRole' if kind == 'ClusterRoleBinding' else 'Role')
            subj = []
            for sa in self.sample(refs.get('sa', []), 2):
                s = {'kind': 'ServiceAccount', 'name': sa.orig_name}
                if sa.ns or kind == 'ClusterRoleBinding' or self.p(0.5):
                    s['namespace'] = sa.ns or self.pick(['default', 'other', 'ns1'])
                subj.append(s)
            if self.p(0.2) or not subj:
                subj.append({'kind': self.pick(['User', 'Group']), 'name': self.pick(['alice', 'system:masters']),
                             'apiGroup': 'rbac.authorization.k8s.io'})
            doc = {'apiVersion': api, 'kind': kind, 'metadata': self.meta(name, None if kind == 'ClusterRoleBinding' else ns, cluster=kind == 'ClusterRoleBinding'),
                   'roleRef': {'apiGroup': 'rbac.authorization.k8s.io', 'kind': rk,
                               'name': role.orig_name if role is not None else 'view'},
                   'subjects': subj}
            r = Res(kind, api, name, None if kind == 'ClusterRoleBinding' else ns, kind == 'ClusterRoleBinding')
        elif kind == 'Ingress':
            svc = target
            sname = svc.orig_name if svc is not None else 'web'
            api = self.pick(['networking.k8s.io/v1', 'networking.k8s.io/v1', 'extensions/v1beta1', 'networking.k8s.io/v1beta1'])
            if api == 'networking.k8s.io/v1':
                backend = {'service': {'name': sname, 'port': self.pick([{'number': 80}, {'name': 'http'}])}}
            else:
                backend = {'serviceName': sname, 'servicePort': self.pick([80, 'http'])}
            spec = {'rules': [{'host': self.pick(['example.com', S('*.example.com', 'double'), 'a.b.c']),
                               'http': {'paths': [{'path': '/', **({'pathType': 'Prefix'} if api.endswith('/v1') else {}),
                                                   'backend': backend}]}}]}
            if refs.get('secret') and self.p(0.3):
                spec['tls'] = [{'hosts': ['example.com'], 'secretName': self.pick(refs['secret']).orig_name}]
            if refs.get('ingclass') and self.p(0.5):
                spec['ingressClassName'] = self.pick(refs['ingclass']).orig_name
            if self.vars and self.p(0.3):
                spec['rules'][0]['host'] = f'$({self.pick(self.vars)}).example.com'
            doc = {'apiVersion': api, 'kind': kind, 'metadata': self.meta(name, ns, None, self.annotations(1) if self.p(0.3) else None), 'spec': spec}
            r = Res(kind, api, name, ns, False)
        elif kind == 'HorizontalPodAutoscaler':
            w = target
            api = self.pick(['autoscaling/v2', 'autoscaling/v1', 'autoscaling/v2beta2'])
            spec = {'scaleTargetRef': {'apiVersion': 'apps/v1', 'kind': w.kind if w else 'Deployment', 'name': w.orig_name if w else 'web'},
                    'minReplicas': 1, 'maxReplicas': self.pick([5, S('10')])}
            doc = {'apiVersion': api, 'kind': kind, 'metadata': self.meta(name, ns), 'spec': spec}
            r = Res(kind, api, name, ns, False)
        elif kind == 'PodDisruptionBudget':
            w = target
            api = self.pick(['policy/v1', 'policy/v1beta1'])
            doc = {'apiVersion': api, 'kind': kind, 'metadata': self.meta(name, ns),
                   'spec': {'minAvailable': self.pick([1, S('50%')]), 'selector': {'matchLabels': dict(w.sel) if w else {'app': 'web'}}}}
            r = Res(kind, api, name, ns, False)
        elif kind == 'NetworkPolicy':
            w = target
            doc = {'apiVersion': 'networking.k8s.io/v1', 'kind': kind, 'metadata': self.meta(name, ns),
                   'spec': {'podSelector': {'matchLabels': dict(w.sel) if w else {}}, 'policyTypes': ['Ingress'],
                            'ingress': [{'from': [{'podSelector': {'matchLabels': {'role': 'frontend'}}}]}]}}
            r = Res(kind, 'networking.k8s.io/v1', name, ns, False)
        elif kind == 'Namespace':
            name = self.fresh(self.pick(['ns1', 'team-a', 'monitoring', 'default', 'apps']))
            doc = {'apiVersion': 'v1', 'kind': 'Namespace', 'metadata': self.meta(name, None, self.labels(1) if self.p(0.3) else None)}
            r = Res(kind, 'v1', name, None, True)
        elif kind == 'StorageClass':
            api = self.pick(['storage.k8s.io/v1', 'storage.k8s.io/v1', 'storage.k8s.io/v1beta1'])
            doc = {'apiVersion': api, 'kind': kind, 'metadata': self.meta(name, None, None, {'storageclass.kubernetes.io/is-default-class': S('true', 'double')} if self.p(0.2) else None),
                   'provisioner': 'kubernetes.io/no-provisioner', 'reclaimPolicy': 'Retain',
                   'parameters': {'type': self.pick(['gp3', S('1', 'double'), 'pd-ssd']), 'iopsPerGB': S(self.pick(['10', '0777']), 'double')}}
            if self.p(0.3):
                doc['allowVolumeExpansion'] = self.pick([True, S('yes')])
            r = Res(kind, api, name, None, True)
        elif kind == 'PriorityClass':
            api = self.pick(['scheduling.k8s.io/v1', 'scheduling.k8s.io/v1beta1', 'scheduling.k8s.io/v1alpha1'])
            doc = {'apiVersion': api, 'kind': kind, 'metadata': self.meta(name, cluster=True), 'value': self.pick([1000, 1000000, S('1e6')]),
                   'globalDefault': self.pick([False, S('no')]), 'description': self.str_scalar()}
            r = Res(kind, api, name, None, True)
        elif kind == 'PersistentVolume':
            spec = {'capacity': {'storage': '10Gi'}, 'accessModes': ['ReadWriteOnce'], 'hostPath': {'path': '/mnt/data'}}
            if refs.get('sc') and self.p(0.6):
                spec['storageClassName'] = self.pick(refs['sc']).orig_name
            if self.p(0.2):
                spec['claimRef'] = {'name': 'claim', 'namespace': 'default'}
            doc = {'apiVersion': 'v1', 'kind': kind, 'metadata': self.meta(name, None, self.labels(1) if self.p(0.3) else None), 'spec': spec}
            r = Res(kind, 'v1', name, None, True)
        elif kind == 'FlowSchema':
            api = 'flowcontrol.apiserver.k8s.io/' + self.pick(['v1beta1', 'v1beta2', 'v1beta3', 'v1', 'v1alpha1'])
            plc = target
            doc = {'apiVersion': api, 'kind': kind, 'metadata': self.meta(name, cluster=True),
                   'spec': {'priorityLevelConfiguration': {'name': plc.orig_name if plc else 'global-default'},
                            'matchingPrecedence': 1000,
                            'rules': [{'subjects': [{'kind': 'ServiceAccount', 'serviceAccount': {'name': 'sa', 'namespace': 'default'}}],
                                       'resourceRules': [{'verbs': ['*'], 'apiGroups': ['*'], 'resources': ['*'], 'namespaces': ['*']}]}]}}
            r = Res(kind, api, name, None, True)
        elif kind == 'PriorityLevelConfiguration':
            api = 'flowcontrol.apiserver.k8s.io/' + self.pick(['v1beta1', 'v1beta2', 'v1beta3', 'v1'])
            doc = {'apiVersion': api, 'kind': kind, 'metadata': self.meta(name, cluster=True),
                   'spec': {'type': 'Limited', 'limited': {'limitResponse': {'type': 'Reject'}}}}
            r = Res(kind, api, name, None, True)
        elif kind in ('ValidatingWebhookConfiguration', 'MutatingWebhookConfiguration'):
            api = self.pick(['admissionregistration.k8s.io/v1', 'admissionregistration.k8s.io/v1beta1'])
            svc = target
            cc = {'service': {'name': svc.orig_name if svc else 'webhook', 'namespace': svc.ns if svc and svc.ns else self.pick(['default', 'system']),
                              'path': '/validate'}}
            if self.p(0.3):
                cc['caBundle'] = S('Cg==')
            doc = {'apiVersion': api, 'kind': kind, 'metadata': self.meta(name, cluster=True),
                   'webhooks': [{'name': 'v.example.com', 'clientConfig': cc, 'sideEffects': 'None',
                                 'admissionReviewVersions': ['v1'],
                                 'rules': [{'operations': ['CREATE'], 'apiGroups': [''], 'apiVersions': ['v1'], 'resources': ['pods']}]}]}
            r = Res(kind, api, name, None, True)
        elif kind == 'APIService':
            svc = target
            name = self.fresh('v1beta1.metrics.example.com')
            doc = {'apiVersion': 'apiregistration.k8s.io/v1', 'kind': kind, 'metadata': self.meta(name, cluster=True),
                   'spec': {'group': 'metrics.example.com', 'version': 'v1beta1', 'groupPriorityMinimum': 100, 'versionPriority': 100,
                            'service': {'name': svc.orig_name if svc else 'metrics', 'namespace': svc.ns if svc and svc.ns else 'default'}}}
            r = Res(kind, 'apiregistration.k8s.io/v1', name, None, True)
        elif kind == 'IngressClass':
            doc = {'apiVersion': 'networking.k8s.io/v1', 'kind': kind, 'metadata': self.meta(name, cluster=True),
                   'spec': {'controller': 'example.com/ingress-controller'}}
            r = Res(kind, 'networking.k8s.io/v1', name, None, True)
        elif kind == 'RuntimeClass':
            api = self.pick(['node.k8s.io/v1', 'node.k8s.io/v1beta1'])
            doc = {'apiVersion': api, 'kind': kind, 'metadata': self.meta(name, cluster=True), 'handler': 'runc'}
            r = Res(kind, api, name, None, True)
        elif kind == 'CSIDriver':
            doc = {'apiVersion': 'storage.k8s.io/v1', 'kind': kind, 'metadata': self.meta('csi.example.com'),
                   'spec': {'attachRequired': False}}
            r = Res(kind, 'storage.k8s.io/v1', 'csi.example.com', None, True)
        elif kind == 'ServiceMonitor':
            w = target
            doc = {'apiVersion': 'monitoring.coreos.com/v1', 'kind': kind, 'metadata': self.meta(name, ns),
                   'spec': {'selector': {'matchLabels': {'app': w.app if w else 'web'}}, 'endpoints': [{'port': 'http', 'interval': '30s'}]}}
            r = Res(kind, 'monitoring.coreos.com/v1', name, ns, False)
        else:
            raise ValueError(kind)
        r.doc = doc
        return r

    def crd_pair(self, ns):
        """A CustomResourceDefinition and one or two of its objects."""
        scope = self.pick(['Namespaced', 'Cluster'])
        group = self.pick(['example.com', 'stable.example.com', 'apps.example.org'])
        kind = self.pick(['Widget', 'Gadget', 'Backup'])
        plural = kind.lower() + 's'
        api = self.pick(['apiextensions.k8s.io/v1', 'apiextensions.k8s.io/v1', 'apiextensions.k8s.io/v1beta1'])
        spec = {'group': group, 'names': {'kind': kind, 'plural': plural, 'singular': kind.lower(),
                                          **({'shortNames': [kind.lower()[:2]]} if self.p(0.3) else {})},
                'scope': scope}
        schema = {'openAPIV3Schema': {'type': 'object', 'properties': {'spec': {'type': 'object',
                  'x-kubernetes-preserve-unknown-fields': True}}}}
        if api.endswith('v1'):
            spec['versions'] = [{'name': 'v1', 'served': True, 'storage': True, 'schema': schema}]
        else:
            spec['version'] = 'v1'
            spec['validation'] = schema
        crd_name = f'{plural}.{group}'
        if crd_name in self.used:
            group = self.fresh(group.split('.')[0]) + '.' + group.split('.', 1)[1]
            spec['group'] = group
            crd_name = f'{plural}.{group}'
        self.used.add(crd_name)
        crd = Res('CustomResourceDefinition', api, crd_name, None, True)
        crd.doc = {'apiVersion': api, 'kind': 'CustomResourceDefinition', 'metadata': self.meta(crd_name), 'spec': spec}
        out = [crd]
        for _ in range(self.r.randint(1, 2)):
            name = self.fresh(kind.lower())
            cns = ns if scope == 'Namespaced' else (self.pick([None, None, 'ns1']))
            body = {'size': self.any_scalar(), 'image': self.image(), 'message': self.str_scalar()}
            if self.p(0.5):
                body['configRef'] = self.pick(['cfg', 'settings'])
            if self.p(0.3):
                body['nested'] = {'list': [self.any_scalar()], 'empty': self.pick([{}, [], None])}
            cr = Res(kind, f'{group}/v1', name, cns, scope == 'Cluster')
            cr.doc = {'apiVersion': f'{group}/v1', 'kind': kind, 'metadata': self.meta(name, cns, self.labels(1) if self.p(0.3) else None), 'spec': body}
            out.append(cr)
        return out

    def gen_resources(self, ns, n):
        """A linked set of resources. Returns a list of Res."""
        out = []
        refs = {}

        def add(r):
            out.append(r)
            refs.setdefault({'ConfigMap': 'cm', 'Secret': 'secret', 'ServiceAccount': 'sa', 'PriorityClass': 'pc',
                             'PersistentVolumeClaim': 'pvc', 'StorageClass': 'sc', 'PersistentVolume': 'pv',
                             'IngressClass': 'ingclass', 'Service': 'svc'}.get(r.kind, r.kind), []).append(r)
            return r

        support = ['ConfigMap', 'Secret', 'ServiceAccount', 'PriorityClass', 'StorageClass', 'PersistentVolume',
                   'PersistentVolumeClaim', 'Namespace', 'IngressClass', 'RuntimeClass', 'CSIDriver',
                   'PriorityLevelConfiguration']
        weights = [5, 3, 3, 1.5, 1.5, 1, 1.5, 1.5, 0.5, 0.5, 0.3, 0.5]
        nsup = self.r.randint(0, max(1, n // 2))
        for _ in range(nsup):
            k = self.wpick(list(zip(support, weights)))
            if k == 'Namespace' and self.no_crd:
                continue
            if k == 'PersistentVolumeClaim' and 'sc' not in refs and self.p(0.5):
                add(self.simple('StorageClass', refs, ns))
            add(self.simple(k, refs, ns))
        workloads = []
        nw = self.r.randint(0, 2) if n > 2 else self.r.randint(0, 1)
        for _ in range(nw):
            k = self.wpick([('Deployment', 5), ('StatefulSet', 4), ('DaemonSet', 1), ('Job', 0.7), ('CronJob', 1), ('Pod', 0.5), ('ReplicaSet', 0.3)])
            if k == 'StatefulSet':
                if 'sc' not in refs and self.p(0.4):
                    add(self.simple('StorageClass', refs, ns))
                w = self.workload(k, refs, ns)
                if self.p(0.85):
                    h = self.simple('Headless', refs, ns, w)
                    w.doc['spec']['serviceName'] = h.name
                    add(h)
            else:
                w = self.workload(k, refs, ns)
            workloads.append(add(w))
        extras = ['Service', 'HorizontalPodAutoscaler', 'PodDisruptionBudget', 'Ingress', 'NetworkPolicy', 'Role',
                  'ClusterRole', 'FlowSchema', 'ValidatingWebhookConfiguration', 'MutatingWebhookConfiguration',
                  'APIService', 'ServiceMonitor', 'CRD']
        weights = [4, 1.5, 1, 1.5, 0.7, 1.5, 1.5, 1, 1, 0.5, 0.4, 0.4, 1.5]
        for _ in range(max(0, n - len(out)) if n > len(out) else self.r.randint(0, 1)):
            k = self.wpick(list(zip(extras, weights)))
            w = self.pick(workloads) if workloads and self.p(0.85) else None
            if k in ('Service', 'HorizontalPodAutoscaler', 'PodDisruptionBudget', 'NetworkPolicy', 'ServiceMonitor'):
                if k == 'HorizontalPodAutoscaler' and w is not None and w.kind not in ('Deployment', 'StatefulSet', 'ReplicaSet'):
                    w = None
                add(self.simple(k, refs, ns, w))
            elif k == 'Ingress':
                if 'svc' not in refs:
                    add(self.simple('Service', refs, ns, w))
                add(self.simple(k, refs, ns, self.pick(refs['svc'])))
            elif k in ('Role', 'ClusterRole'):
                role = add(self.simple(k, refs, ns))
                if 'sa' not in refs and self.p(0.7):
                    add(self.simple('ServiceAccount', refs, ns))
                if self.p(0.8):
                    bk = 'RoleBinding' if k == 'Role' else self.pick(['ClusterRoleBinding', 'ClusterRoleBinding', 'RoleBinding'])
                    add(self.simple(bk, refs, ns, role))
            elif k == 'FlowSchema':
                plc = add(self.simple('PriorityLevelConfiguration', refs, ns)) if self.p(0.5) else None
                add(self.simple(k, refs, ns, plc))
            elif k in ('ValidatingWebhookConfiguration', 'MutatingWebhookConfiguration', 'APIService'):
                if 'svc' not in refs or self.p(0.3):
                    add(self.simple('Service', refs, ns, w))
                add(self.simple(k, refs, ns, self.pick(refs['svc'])))
            elif k == 'CRD' and not self.no_crd:
                for r in self.crd_pair(ns):
                    add(r)
        return out

    # ------------------------------------------------------------ files

    def write_resources(self, kdir, res):
        """Spread resource documents over files; returns the `resources:` entries."""
        entries = []
        docs = [r for r in res]
        self.r.shuffle(docs) if self.p(0.3) else None
        i = 0
        while i < len(docs):
            k = self.wpick([(1, 5), (2, 2), (3, 1)])
            chunk = docs[i:i + k]
            i += k
            fname = self.fresh_file(kdir, self.pick(['res', chunk[0].kind.lower(), 'all', 'app']) + self.pick(['.yaml', '.yaml', '.yml']))
            if len(chunk) > 1 and self.p(0.12):
                lst = {'apiVersion': 'v1', 'kind': 'List', 'items': [r.doc for r in chunk]}
                fdocs = [lst]
            else:
                fdocs = [self.maybe_json_doc(r.doc) for r in chunk]
            f = YFile(fdocs, lead=self.p(0.2), seq_indent=self.p(0.3),
                      trail=self.wpick([('', 8), ('---\n', 1), ('...\n', 0.2), ('\n\n', 1)]))
            if self.p(0.05):
                f.docs.insert(self.r.randint(0, len(f.docs)), '#RAW## only a comment\n')
            self.files[os.path.join(kdir, fname)] = f
            entries.append(fname)
        return entries

    def maybe_json_doc(self, doc):
        x = self.r.random()
        if x < 0.05:
            return JSONDoc(doc)
        if x < 0.08:
            return Flow(doc)
        return doc

    def fresh_file(self, kdir, name):
        stem, ext = os.path.splitext(name)
        n = name
        i = 2
        while os.path.join(kdir, n) in self.files:
            n = f'{stem}{i}{ext}'
            i += 1
        return n

    def add_file(self, kdir, name, f):
        n = self.fresh_file(kdir, name)
        self.files[os.path.join(kdir, n)] = f
        return n

    # ------------------------------------------------------------ kustomization fields

    def name_of(self, r):
        """A name that should find r from the current level: its original or its current name."""
        if self.current_names:
            return r.name
        return r.orig_name if self.p(0.75) else r.name

    def id_of(self, r):
        """(name, namespace) of one of r's ids: both original or both current."""
        if self.current_names or self.p(0.25):
            return r.name, r.ns
        return r.orig_name, r.orig_ns

    def smp_doc(self, r, with_id=True):
        doc = {}
        if with_id:
            doc['apiVersion'] = r.api
            doc['kind'] = r.kind
            name, ns = self.id_of(r)
            doc['metadata'] = {'name': name}
            if ns and self.p(0.97):
                doc['metadata']['namespace'] = ns
            elif self.p(0.03):
                doc['metadata']['namespace'] = self.pick(['default', 'ns1'])
        else:
            doc['kind'] = r.kind if self.p(0.5) else None
            if doc['kind'] is None:
                del doc['kind']
            if self.p(0.5):
                doc['metadata'] = {'name': self.pick(['ignored', r.orig_name])}
        edits = self.r.randint(1, 3)
        for _ in range(edits):
            self.smp_edit(doc, r)
        if self.p(0.03):
            doc['$patch'] = self.pick(['delete', 'replace'])
        return doc

    def smp_edit(self, doc, r):
        md = doc.setdefault('metadata', {})
        choices = [('labels', 2), ('ann', 2), ('spec', 1), ('finalizers', 0.3), ('nsmeta', 0.2)]
        if r.pod:
            choices += [('container', 5), ('podfield', 2), ('tmpllabels', 1), ('volumes', 1.5)]
        if r.kind in ('Deployment', 'StatefulSet', 'ReplicaSet'):
            choices.append(('replicas', 1.5))
        if r.kind == 'Deployment':
            choices.append(('strategy', 0.5))
        if r.kind == 'StatefulSet':
            choices.append(('vct', 1.5))
        if r.kind in ('ConfigMap', 'Secret'):
            choices.append(('data', 5))
        if r.kind == 'Service':
            choices.append(('ports', 2))
        c = self.wpick(choices)
        if c == 'labels':
            ls = md.setdefault('labels', {})
            if isinstance(ls, dict):
                ls.update(self.labels(1))
                if r.labels() and self.p(0.3):
                    ls[self.pick(list(r.labels()))] = None
            if self.p(0.05):
                md['labels'] = self.pick([None, {}])
        elif c == 'ann':
            a = md.setdefault('annotations', {})
            if isinstance(a, dict):
                a.update(self.annotations(1))
        elif c == 'spec':
            spec = doc.setdefault('spec', {})
            if isinstance(spec, dict):
                spec[self.key()] = self.any_value()
                if self.p(0.05):
                    spec['$patch'] = 'replace'
        elif c == 'finalizers':
            if self.p(0.5):
                md['$deleteFromPrimitiveList/finalizers'] = ['example.com/a']
            else:
                md['finalizers'] = [self.pick(['example.com/c', 'example.com/a'])]
        elif c == 'nsmeta':
            md['namespace'] = self.pick(['default', 'ns1', 'other'])
        elif c == 'strategy':
            doc.setdefault('spec', {})['strategy'] = self.pick([
                {'$retainKeys': ['type'], 'type': 'Recreate'},
                {'type': 'Recreate', 'rollingUpdate': None},
                {'rollingUpdate': {'maxSurge': self.pick([1, S('50%'), S('1', 'double')])}}])
        elif c == 'replicas':
            doc.setdefault('spec', {})['replicas'] = self.pick([1, 5, 0, S('4'), S('7', 'double'), None, S('1e1'), S('0777')])
        elif c == 'data':
            d = doc.setdefault(self.pick(['data', 'data', 'stringData'] if r.kind == 'Secret' else ['data']), {})
            if isinstance(d, dict):
                for _ in range(self.r.randint(1, 3)):
                    k = self.pick(r.keys) if r.keys and self.p(0.5) else self.pick(['a', 'new', 'LOG_LEVEL', 'z.txt']) if self.p(0.8) else self.key()
                    v = self.wpick([(lambda: self.str_scalar(), 5), (lambda: self.any_scalar(), 2), (lambda: None, 1)])()
                    if r.kind == 'Secret' and v is not None:
                        v = self.pick(['aGk=', S('Zm9v'), 'bmV3']) if self.p(0.7) else v
                    d[k] = v
            if self.p(0.04):
                doc['data'] = self.pick([None, {}, {'$patch': 'replace', 'only': 'this'}])
        elif c == 'ports':
            doc.setdefault('spec', {})['ports'] = [{'port': self.pick([80, 8443, 9090]), 'targetPort': self.pick([8080, 'metrics', S('9090')]),
                                                    **({'name': self.pick(['http', 'metrics'])} if self.p(0.6) else {}),
                                                    **({'protocol': self.pick(['TCP', 'UDP'])} if self.p(0.3) else {})}]
        elif c == 'vct':
            spec = doc.setdefault('spec', {})
            spec['volumeClaimTemplates'] = [{'metadata': {'name': self.pick(['data', 'logs', 'new'])},
                                             'spec': {'resources': {'requests': {'storage': self.pick(['20Gi', S('5Gi'), '1Ti'])}},
                                                      **({'accessModes': ['ReadWriteOnce']} if self.p(0.5) else {}),
                                                      **({'storageClassName': self.pick(['fast', 'standard'])} if self.p(0.3) else {})}}]
        else:
            # pod template edits
            node = doc
            path = r.pod
            for k in path:
                if not isinstance(node, dict):
                    return
                node = node.setdefault(k, {})
            if not isinstance(node, dict):
                return
            if c == 'tmpllabels':
                tmd = doc
                for k in path[:-1]:
                    tmd = tmd.setdefault(k, {})
                if len(path) > 1:
                    tmd.setdefault('metadata', {}).setdefault('labels', {}).update(self.labels(1))
                return
            if c == 'container':
                existing = [c.get('name') for c in r.containers()]
                cs = node.setdefault('containers', [])
                if not isinstance(cs, list):
                    return
                name = self.pick(existing) if existing and self.p(0.8) else self.pick(['new', 'sidecar', 'app'])
                ent = {'name': name}
                x = self.wpick([('image', 3), ('env', 4), ('ports', 1.5), ('delete', 0.7), ('resources', 1), ('mounts', 1), ('args', 1), ('replace', 0.3)])
                if x == 'image':
                    ent['image'] = self.image()
                elif x == 'env':
                    env = []
                    old = [e.get('name') for c in r.containers() if c.get('name') == name for e in (c.get('env') or []) if isinstance(e, dict)]
                    for _ in range(self.r.randint(1, 2)):
                        en = self.pick(old) if old and self.p(0.5) else self.pick(['NEW', 'E_A', 'LOG', 'X_Y'])
                        e = {'name': en, 'value': self.any_scalar()}
                        if self.p(0.08):
                            e = {'name': en, '$patch': 'delete'}
                        env.append(e)
                    ent['env'] = env
                    if self.p(0.05):
                        ent['$setElementOrder/env'] = [{'name': e['name']} for e in reversed(env)]
                elif x == 'ports':
                    ent['ports'] = [{'containerPort': self.pick([80, 8080, 9090, S('8080')]), 'name': self.pick(['http', 'metrics', 'admin']),
                                     **({'protocol': self.pick(['TCP', 'UDP'])} if self.p(0.4) else {})}]
                elif x == 'delete':
                    ent['$patch'] = 'delete'
                elif x == 'resources':
                    ent['resources'] = {'limits': {'memory': self.pick(['1Gi', S('256Mi'), '2e3'])}}
                    if self.p(0.2):
                        ent['resources'] = None
                elif x == 'mounts':
                    ent['volumeMounts'] = [{'name': self.pick(['data', 'cfg', 'extra']), 'mountPath': self.pick(['/data', '/mnt/cfg', '/x'])}]
                elif x == 'args':
                    ent['args'] = self.maybe_flow([self.any_scalar() if self.p(0.2) else self.str_scalar() for _ in range(self.r.randint(0, 3))], 0.3)
                elif x == 'replace':
                    ent['$patch'] = 'replace'
                    ent['image'] = self.image()
                if 'image' not in ent and name not in existing and x not in ('delete',) and self.p(0.7):
                    ent['image'] = self.image()
                cs.append(ent)
                if self.p(0.05) and len(existing) > 1:
                    node['$setElementOrder/containers'] = [{'name': n} for n in reversed(existing)]
            elif c == 'volumes':
                vols = node.setdefault('volumes', [])
                if isinstance(vols, list):
                    old = [v.get('name') for v in ((r.podspec() or {}).get('volumes') or []) if isinstance(v, dict)]
                    if old and self.p(0.3):
                        vols.append({'name': self.pick(old), '$patch': 'delete'})
                    else:
                        vols.append({'name': self.pick(old) if old and self.p(0.4) else 'extra',
                                     **self.pick([{'emptyDir': {}}, {'configMap': {'name': 'other'}}, {'secret': {'secretName': 'other'}}])})
            elif c == 'podfield':
                f = self.pick(['nodeSelector', 'tolerations', 'serviceAccountName', 'hostNetwork', 'dnsPolicy', 'priorityClassName', 'imagePullSecrets'])
                node[f] = {'nodeSelector': lambda: self.labels(1, ['disk', 'zone']),
                           'tolerations': lambda: [{'key': 'x', 'operator': 'Exists'}],
                           'serviceAccountName': lambda: self.pick(['sa', 'other']),
                           'hostNetwork': lambda: self.pick([True, S('yes'), S('true', 'double')]),
                           'dnsPolicy': lambda: 'ClusterFirst',
                           'priorityClassName': lambda: self.pick(['high', 'low']),
                           'imagePullSecrets': lambda: [{'name': 'regcred'}]}[f]()

    def json_ops(self, r, exact=True):
        ops = []
        for _ in range(self.r.randint(1, 3)):
            for attempt in range(8):
                op = self.json_op(r)
                if not exact:
                    # the target may select other kinds too: keep to paths every object has
                    if op['path'].startswith(('/metadata/labels', '/metadata/annotations')) and op['op'] == 'add' \
                            and op['path'].count('/') == 2 or op['op'] == 'test' and op['path'] == '/kind':
                        break
                    continue
                if self.op_valid(r, op) or self.p(0.03):
                    break
            ops.append(op)
        return ops

    def op_valid(self, r, op):
        def toks(ptr):
            return [t.replace('~1', '/').replace('~0', '~') for t in ptr.split('/')[1:]]
        doc = r.doc
        if op['op'] == 'add':
            parent = resolve(doc, toks(op['path'])[:-1])
            if isinstance(parent, list):
                last = toks(op['path'])[-1]
                return last == '-' or (last.isdigit() and int(last) <= len(parent))
            return isinstance(parent, dict)
        if op['op'] in ('move', 'copy'):
            if resolve(doc, toks(op['from'])) is MISSING:
                return False
            parent = resolve(doc, toks(op['path'])[:-1])
            return isinstance(parent, (dict, list)) and not (op['op'] == 'move' and op['path'].startswith(op['from'] + '/'))
        if op['op'] == 'test':
            return op['value'] == r.kind if op['path'] == '/kind' else False
        return resolve(doc, toks(op['path'])) is not MISSING

    def json_op(self, r):
        ls = r.labels()
        pod = '/' + '/'.join(r.pod) if r.pod else None
        cands = [
            (lambda: {'op': 'add', 'path': '/metadata/labels/' + self.pick(['new', 'a.io~1b', 'x']), 'value': self.label_value()}, 2 if ls else 0.4),
            (lambda: {'op': 'add', 'path': '/metadata/labels', 'value': self.labels(1)}, 1),
            (lambda: {'op': 'add', 'path': '/metadata/annotations', 'value': self.annotations(1)}, 1),
            (lambda: {'op': 'add', 'path': '/metadata/annotations/' + self.pick(['n', 'example.com~1k', 't~0x']), 'value': self.ann_value()}, 1),
            (lambda: {'op': 'replace', 'path': '/metadata/labels/' + self.pick(list(ls) or ['app']).replace('~', '~0').replace('/', '~1'),
                      'value': self.label_value()}, 1 if ls else 0.2),
            (lambda: {'op': 'remove', 'path': '/metadata/labels/' + self.pick(list(ls) or ['app']).replace('~', '~0').replace('/', '~1')}, 1 if ls else 0.2),
            (lambda: {'op': 'test', 'path': '/kind', 'value': r.kind if self.p(0.97) else 'Other'}, 0.7),
            (lambda: {'op': 'copy', 'from': '/metadata/name', 'path': '/metadata/annotations' if self.p(0.03) else self.pick(['/metadata/labels/copied', '/metadata/annotations/copied'])}, 0.6),
            (lambda: {'op': 'add', 'path': '/spec/' + self.pick(['extra', 'deep/missing', 'list']), 'value': self.any_value()}, 1),
            (lambda: {'op': 'add', 'path': '/' + self.pick(['extra', 'spec']), 'value': self.any_value() if self.p(0.1) else {self.key(): self.any_value()}}, 0.3),
        ]
        if pod:
            cands += [
                (lambda: {'op': 'replace', 'path': pod + '/containers/0/image', 'value': self.image()}, 3),
                (lambda: {'op': 'add', 'path': pod + '/containers/-', 'value': {'name': 'added', 'image': self.image()}}, 1.5),
                (lambda: {'op': 'add', 'path': pod + '/containers/0/env' + self.pick(['', '/-', '/0']),
                          'value': {'name': 'J', 'value': self.any_scalar()}}, 2),
                (lambda: {'op': 'add', 'path': pod + '/containers/0/args', 'value': [self.any_scalar()]}, 1),
                (lambda: {'op': 'remove', 'path': pod + self.pick(['/containers/1', '/volumes', '/containers/0/env/0', '/serviceAccountName'])}, 1),
                (lambda: {'op': 'move', 'from': pod + '/containers/0/image', 'path': '/metadata/annotations/img' if self.p(0.5) else pod + '/containers/0/command'}, 0.5),
                (lambda: {'op': 'copy', 'from': pod + '/containers/0', 'path': pod + '/containers/-'}, 0.5),
            ]
        if r.kind in ('Deployment', 'StatefulSet', 'ReplicaSet'):
            cands += [(lambda: {'op': self.pick(['replace', 'add']), 'path': '/spec/replicas', 'value': self.pick([3, 0, S('5'), S('2', 'double'), 1.5, None])}, 2),
                      ]
        if r.kind == 'StatefulSet':
            cands += [(lambda: {'op': 'replace', 'path': '/spec/volumeClaimTemplates/0/spec/resources/requests/storage', 'value': self.pick(['50Gi', S('1Ti')])}, 2),
                      (lambda: {'op': 'add', 'path': '/spec/volumeClaimTemplates/-', 'value': {'metadata': {'name': 'more'}, 'spec': {'accessModes': ['ReadWriteOnce'], 'resources': {'requests': {'storage': '1Gi'}}}}}, 1)]
        if r.kind == 'ConfigMap':
            cands += [(lambda: {'op': 'add', 'path': '/data/' + self.pick(['new', 'a~1b', 'LOG']), 'value': self.str_scalar() if self.p(0.8) else self.any_scalar()}, 3),
                      (lambda: {'op': 'replace', 'path': '/data', 'value': {'only': self.str_scalar()}}, 0.5)]
        if r.kind == 'Service':
            cands += [(lambda: {'op': 'replace', 'path': '/spec/ports/0/port', 'value': self.pick([81, S('82')])}, 1.5),
                      (lambda: {'op': 'add', 'path': '/spec/ports/-', 'value': {'port': 9000, 'name': 'extra'}}, 1)]
        return self.wpick(cands)()

    def target_of(self, r, legacy=False):
        t = {}
        mode = self.wpick([('exact', 6), ('regex', 1), ('kind', 1.5), ('label', 1), ('ann', 0.5)]) if not legacy else 'exact'
        if mode == 'exact':
            t['kind'] = r.kind
            t['name'] = self.name_of(r)
        elif mode == 'regex':
            t['name'] = self.pick([r.orig_name[:2] + '.*', '.*' + r.orig_name[-2:], r.orig_name + '|other', '^' + r.orig_name + '$', '.*'])
            if self.p(0.6):
                t['kind'] = r.kind
        elif mode == 'kind':
            t['kind'] = r.kind if self.p(0.8) else self.pick(['Deployment|StatefulSet', 'Service', 'ConfigMap'])
        elif mode == 'label':
            ls = r.labels()
            if ls:
                k = self.pick(list(ls))
                t['labelSelector'] = self.pick([f'{sval(k) or k}={sval(ls[k])}', f'{sval(k) or k}', f'!nope', f'{sval(k) or k} in (a, b)'])
            else:
                t['labelSelector'] = 'app'
            if self.p(0.5):
                t['kind'] = r.kind
        else:
            t['annotationSelector'] = self.pick(['note', 'a.io/b', 'owner=x', '!absent'])
        if legacy or self.p(0.3):
            if legacy or self.p(0.5):
                t['version'] = r.version if self.p(0.9) else 'v9'
            if r.group or self.p(0.2):
                t['group'] = r.group if self.p(0.9) else 'wrong.io'
        if self.p(0.25) or (legacy and r.orig_ns and self.p(0.8)):
            t['namespace'] = (r.ns or r.orig_ns or 'default') if self.p(0.8) else self.pick(['default', 'other', ''])
        return t

    def gen_patches(self, kdir, kust, model, n):
        cands = [r for r in model if r.doc is not None]
        if not cands:
            return
        for _ in range(n):
            r = self.pick(cands)
            mech = self.wpick([('patches-smp', 4), ('patches-json', 3), ('psm', 2), ('pj6902', 1.5), ('patches-smp-target', 1.5)])
            if mech in ('patches-smp', 'patches-smp-target'):
                target = mech == 'patches-smp-target'
                doc = self.smp_doc(r, with_id=not target or self.p(0.97))
                ent = {}
                syntax = self.wpick([('inline', 4), ('file', 3), ('inline-json', 1), ('inline-flow', 1)])
                if syntax == 'file':
                    ent['path'] = self.add_file(kdir, self.pick(['patch.yaml', 'smp.yaml', 'p.json']),
                                                YFile([self.maybe_json_doc(doc)], lead=self.p(0.2)))
                elif syntax == 'inline':
                    ent['patch'] = Inline([doc], self.pick(['|', '|-', '|', 'double']))
                elif syntax == 'inline-json':
                    ent['patch'] = Inline([doc], self.pick(['|', '|-', 'double']), json=True)
                else:
                    ent['patch'] = Inline([Flow(doc)], self.pick(['|', '|-', 'double']))
                if target:
                    ent['target'] = self.target_of(r)
                if self.p(0.05):
                    ent['options'] = {'allowNameChange': True} if self.p(0.5) else {'allowKindChange': True}
                kust.setdefault('patches', []).append(ent)
            elif mech == 'patches-json':
                ent = {'target': self.target_of(r)}
                ops = self.json_ops(r, exact=ent['target'].get('name') in (r.orig_name, r.name) and ent['target'].get('kind') == r.kind)
                syntax = self.wpick([('inline', 4), ('file', 2), ('inline-json', 2), ('file-json', 1)])
                if syntax == 'file':
                    ent['path'] = self.add_file(kdir, 'ops.yaml', YFile([ops]))
                elif syntax == 'file-json':
                    ent['path'] = self.add_file(kdir, 'ops.json', JFile(ops))
                elif syntax == 'inline':
                    ent['patch'] = Inline([ops], self.pick(['|', '|-']))
                else:
                    ent['patch'] = Inline([ops], self.pick(['|', '|-', 'double']), json=True)
                kust.setdefault('patches', [])
                if self.p(0.5):
                    ent = {k: ent[k] for k in reversed(list(ent))}
                kust['patches'].append(ent)
            elif mech == 'psm':
                docs = [self.smp_doc(r)]
                if self.p(0.2):
                    docs.append(self.smp_doc(self.pick(cands)))
                if self.p(0.25):
                    kust.setdefault('patchesStrategicMerge', []).append(Inline(docs, self.pick(['|', '|-'])))
                else:
                    fn = self.add_file(kdir, 'psm.yaml', YFile([self.maybe_json_doc(d) for d in docs]))
                    kust.setdefault('patchesStrategicMerge', []).append(fn)
            else:
                ops = self.json_ops(r)
                ent = {'target': self.target_of(r, legacy=True)}
                if self.p(0.6):
                    ent['path'] = self.add_file(kdir, 'json6902.yaml', YFile([ops]) if self.p(0.7) else JFile(ops))
                else:
                    ent['patch'] = Inline([ops], '|', json=self.p(0.4))
                kust.setdefault('patchesJson6902', []).append(ent)

    def gen_generator(self, kdir, kind, name=None, behavior=None, ns=None):
        ent = {'name': name or self.fresh(self.pick(['cfg', 'settings', 'env', 'creds', 'tls']))}
        if behavior:
            ent['behavior'] = behavior
        if ns:
            ent['namespace'] = ns
        keys = []
        src = self.wpick([('literals', 5), ('files', 3), ('envs', 2), ('env', 0.5), ('none', 0.3), ('mixed', 1)])
        if src in ('literals', 'mixed'):
            lits = []
            for _ in range(self.r.randint(1, 3)):
                k = self.pick(['A', 'B', 'LOG_LEVEL', 'url', 'x.y', 'k-1', 'PORT'])
                if k in keys:
                    continue
                keys.append(k)
                v = self.wpick([(lambda: self.pick(PLAIN_WEIRD), 3), (lambda: self.pick(QUOTABLE).replace('\n', ' '), 2),
                                (lambda: self.pick(['value', 'http://x:80/p', '"quoted"', "'single'", '=eq', '']), 2),
                                (lambda: self.long_text(), 0.5)])()
                lit = f'{k}={v}'
                lits.append(self.str_scalar(lit) if self.p(0.9) else S(lit, 'double'))
            ent['literals'] = lits
        if src in ('files', 'mixed'):
            fl = []
            for _ in range(self.r.randint(1, 2)):
                content = self.pick(MULTILINE + ['single line no newline', '{"json": true}', 'ünï 🚀\n', 'key=value\n'])
                fbytes = content
                if self.p(0.08):
                    tf = TFile([b'\xff\xfe\x00binary'], final_newline=False)
                else:
                    tf = TFile(fbytes.split('\n')[:-1] if fbytes.endswith('\n') else fbytes.split('\n'), final_newline=fbytes.endswith('\n'))
                fn = self.add_file(kdir, self.pick(['app.properties', 'config.json', 'data.txt', 'script.sh', 'file.conf']), tf)
                k = os.path.basename(fn)
                if self.p(0.35):
                    k = self.pick(['renamed', 'config', 'k.txt'])
                if k in keys:
                    continue
                keys.append(k)
                fl.append(f'{k}={fn}' if k != os.path.basename(fn) else fn)
            ent['files'] = fl
        if src in ('envs', 'env', 'mixed') and not (src == 'mixed' and self.p(0.5)):
            lines = []
            for _ in range(self.r.randint(1, 4)):
                x = self.r.random()
                if x < 0.12:
                    lines.append(self.pick(['# comment', '', '   ', '#x=y']))
                    continue
                k = self.pick(['DB_HOST', 'PORT', 'MODE', 'EMPTY', 'Q', 'SPACED'])
                if k in keys:
                    continue
                keys.append(k)
                v = self.pick(['localhost', '5432', 'yes', '', '"double quoted"', "'single quoted'", 'a=b', ' spaced ', 'ünï',
                               '0777', 'true', 'with # hash', 'trailing  '])
                lines.append(f'{k}={v}')
            tf = TFile(lines, final_newline=self.p(0.8), bom=self.p(0.05), crlf=self.p(0.05))
            fn = self.add_file(kdir, self.pick(['app.env', '.env', 'vars.env', 'config.env']), tf)
            if src == 'env':
                ent['env'] = fn
            else:
                ent['envs'] = [fn]
        if self.p(0.25):
            opts = {}
            if self.p(0.5):
                opts['labels'] = self.klabels(1)
            if self.p(0.4):
                opts['annotations'] = self.kannotations(1)
            if self.p(0.5):
                opts['disableNameSuffixHash'] = self.pick([True, True, False])
            if self.p(0.2):
                opts['immutable'] = True
            ent['options'] = opts
        if kind == 'secretGenerator' and self.p(0.3):
            ent['type'] = self.pick(['Opaque', 'kubernetes.io/tls', 'kubernetes.io/basic-auth', S('Opaque', 'double')])
        return ent, keys

    def gen_generators(self, kdir, kust, model, ns):
        """Generators; returns new Res for the model."""
        out = []
        base_gens = [r for r in model if r.generated]
        for _ in range(self.wpick([(1, 6), (2, 3), (3, 1)])):
            kind = self.pick(['configMapGenerator', 'configMapGenerator', 'secretGenerator'])
            same = [r for r in base_gens if r.generated == kind]
            if same and self.p(0.5):
                b = self.pick(same)
                beh = self.pick(['merge', 'merge', 'replace']) if self.p(0.95) else 'create'
                gns = b.ns if b.ns and self.p(0.8) else None
                ent, keys = self.gen_generator(kdir, kind, b.orig_name, beh, gns)
                b.keys = sorted(set(b.keys) | set(keys)) if beh == 'merge' else keys
                kust.setdefault(kind, []).append(ent)
                continue
            ent, keys = self.gen_generator(kdir, kind, None, self.pick([None, None, None, 'create']), self.pick([None] * 6 + ['gen-ns']))
            kust.setdefault(kind, []).append(ent)
            r = Res('ConfigMap' if kind == 'configMapGenerator' else 'Secret', 'v1', ent['name'], ent.get('namespace'))
            r.generated = kind
            r.keys = keys
            r.doc = {'apiVersion': 'v1', 'kind': r.kind, 'metadata': {'name': r.name}, 'data': {k: 'x' for k in keys}}
            out.append(r)
        if self.p(0.15):
            go = {}
            if self.p(0.5):
                go['disableNameSuffixHash'] = self.pick([True, False])
            if self.p(0.5):
                go['labels'] = self.klabels(1)
            if self.p(0.4):
                go['annotations'] = self.kannotations(1)
            if self.p(0.1):
                go['immutable'] = True
            kust['generatorOptions'] = go
        return out

    def field_of(self, r, source=False):
        """(fieldPath, exists) pairs that make sense as replacement sources/targets for r."""
        fps = [('metadata.name', True)]
        if r.ns:
            fps.append(('metadata.namespace', True))
        ls = r.labels()
        if ls:
            k = sval(self.pick(list(ls))) or 'app'
            fps.append((f'metadata.labels.{k}' if '.' not in k and '/' not in k else f'metadata.labels.[{k}]', True))
        if r.pod:
            p = '.'.join(r.pod)
            cn = [sval(c.get('name')) for c in r.containers()] or ['app']
            fps += [(p + '.containers.0.image', True), (p + f'.containers.[name={self.pick(cn)}].image', True),
                    (p + '.containers.0.name', True)]
            if not source:
                fps.append((p + '.containers.*.image', True))
            if r.containers() and r.containers()[0].get('env'):
                fps.append((p + '.containers.0.env.0.value', True))
        if r.kind in ('Deployment', 'StatefulSet') and isinstance(r.doc.get('spec'), dict) and 'replicas' in r.doc['spec']:
            fps.append(('spec.replicas', True))
        if r.kind == 'ConfigMap' and r.keys:
            k = self.pick(r.keys)
            fps.append((f'data.{k}' if '.' not in k else f'data.[{k}]', True))
        if r.kind == 'Service':
            fps.append(('spec.ports.0.port', True))
        return fps

    def gen_replacements(self, kdir, kust, model):
        cands = [r for r in model if r.doc is not None]
        if not cands:
            return
        reps = []
        for _ in range(self.r.randint(1, 2)):
            src = self.pick(cands)
            sfp, _ = self.pick(self.field_of(src, source=True))
            source = {'kind': src.kind, 'name': self.name_of(src)}
            if self.p(0.2):
                source['version'] = src.version
            if src.group and self.p(0.2):
                source['group'] = src.group
            if src.ns and self.p(0.3):
                source['namespace'] = src.ns
            if self.p(0.2) and sum(1 for x in cands if x.kind == src.kind) == 1:
                del source['name']
            if self.p(0.15):
                sfp = '.' + sfp if not sfp.startswith('.') else sfp
            if sfp != 'metadata.name' or self.p(0.6):
                source['fieldPath'] = sfp
            if 'image' in sfp and self.p(0.4):
                source['options'] = {'delimiter': ':', 'index': self.pick([0, 0, 1]) if self.p(0.95) else self.pick([-1, 5])}
            elif self.p(0.02):
                source['options'] = {'delimiter': self.pick([':', '-', '.', '/']), 'index': self.pick([0, 1, -1, 5])}
            targets = []
            for _ in range(self.r.randint(1, 2)):
                tr = self.pick(cands)
                sel = {}
                m = self.wpick([('kind', 3), ('name', 0.5), ('both', 5), ('label', 0.3), ('gv', 0.5)])
                if m in ('kind', 'both', 'gv'):
                    sel['kind'] = tr.kind
                if m in ('name', 'both'):
                    sel['name'] = self.name_of(tr) if self.p(0.9) else tr.orig_name[:2] + '.*'
                if m == 'gv':
                    sel['version'] = tr.version
                    if tr.group:
                        sel['group'] = tr.group
                if m == 'label':
                    ls = tr.labels()
                    sel['labelSelector'] = f'{sval(list(ls)[0]) or "app"}' if ls else 'app'
                if tr.ns and self.p(0.15):
                    sel['namespace'] = tr.ns
                t = {'select': sel}
                if self.p(0.2):
                    t['reject'] = [self.pick([{'name': self.pick(cands).orig_name}, {'kind': self.pick(cands).kind},
                                              {'namespace': 'other'}])]
                fps = []
                new_field = False
                for _ in range(self.r.randint(1, 2)):
                    fp, _ = self.pick(self.field_of(tr))
                    if fp in ('spec.replicas', 'spec.ports.0.port') and sfp.lstrip('.') != fp and self.p(0.9):
                        fp = 'metadata.name'
                    if fp == 'metadata.name' and self.p(0.8):
                        fp = 'metadata.annotations.copied'
                        new_field = True
                    if self.p(0.35):
                        new_field = True
                        fp = self.pick(['metadata.annotations.copied', 'metadata.labels.copied', 'metadata.annotations.[a.io/b]',
                                        'spec.newField', 'data.copied' if tr.kind == 'ConfigMap' else 'spec.x.y'])
                        if tr.pod and self.p(0.5):
                            cn = [sval(c.get('name')) for c in tr.containers()] or ['app']
                            fp = '.'.join(tr.pod) + self.pick([f'.containers.[name={self.pick(cn)}].env.[name=E_A].value', '.containers.*.args.0',
                                                               f'.containers.[name={self.pick(cn)}].image', '.serviceAccountName'])
                    fps.append(fp)
                t['fieldPaths'] = fps
                if self.p(0.35) or new_field:
                    o = {}
                    if new_field and self.p(0.95) or self.p(0.4):
                        o['create'] = True
                    if self.p(0.25):
                        o['delimiter'] = self.pick([':', '-', '.', '/'])
                        o['index'] = self.pick([0, 0, 0, 1]) if self.p(0.95) else self.pick([-1, 3])
                    t['options'] = o
                targets.append(t)
            reps.append({'source': source, 'targets': targets})
        if self.p(0.3):
            fn = self.add_file(kdir, 'replacements.yaml', YFile([reps if len(reps) > 1 or self.p(0.5) else reps[0]]))
            kust['replacements'] = [{'path': fn}]
        else:
            kust['replacements'] = reps

    def gen_vars(self, kust, model):
        cands = [r for r in model if r.doc is not None and r.kind in ('Service', 'Deployment', 'StatefulSet', 'ConfigMap', 'Secret', 'ServiceAccount')]
        if not cands:
            return
        vs = []
        for _ in range(self.r.randint(1, 2)):
            r = self.pick(cands)
            name = self.fresh(self.pick(['SVC_NAME', 'APP_NAME', 'NS', 'CFG', 'IMG']))
            v = {'name': name, 'objref': {'kind': r.kind, 'name': r.orig_name, 'apiVersion': r.api}}
            fp = self.pick(['metadata.name', 'metadata.name'] + (['metadata.namespace'] if r.ns else []) +
                           (['spec.template.spec.containers[0].image'] if r.pod else []) +
                           (['spec.ports[0].port'] if r.kind == 'Service' else []) +
                           ([f'data.{r.keys[0]}'] if r.kind == 'ConfigMap' and r.keys and '.' not in r.keys[0] else []))
            if fp != 'metadata.name' or self.p(0.5):
                v['fieldref'] = {'fieldpath': fp}
            vs.append(v)
        kust['vars'] = vs

    def gen_images(self, model):
        imgs = []
        for r in model:
            for c in r.containers():
                if isinstance(c.get('image'), str):
                    imgs.append(c['image'])
            spec = r.podspec() if r.pod else None
            if isinstance(spec, dict):
                for c in spec.get('initContainers') or []:
                    if isinstance(c, dict) and isinstance(c.get('image'), str):
                        imgs.append(c['image'])
            if r.doc and isinstance(r.doc.get('spec'), dict) and isinstance(r.doc['spec'].get('image'), str):
                imgs.append(r.doc['spec']['image'])
        names = sorted(set(image_name(i) for i in imgs)) or ['nginx']
        out = []
        for n in self.sample(names, self.r.randint(1, 2)):
            e = {'name': n if self.p(0.9) else self.pick(['nginx:1.25', 'unknown', '*'])}
            x = self.wpick([('newTag', 3), ('newName', 2), ('digest', 2), ('nameTag', 2), ('all', 1), ('tagSuffix', 0.7), ('tagDigest', 1)])
            tag = lambda: self.pick(['v2', '1.26', S('1.0', 'double'), S('2024-01-01', 'double'), 'latest', S('1.10', 'single'), '7-alpine', S('3', 'double')] + ([S('1.0')] if self.p(0.03) else []))
            dg = lambda: 'sha256:' + self.pick(H)
            nn = lambda: self.pick(['my.registry/nginx', 'nginx', 'registry.example.com:5000/new/img', 'quay.io/x/y'])
            if x == 'newTag':
                e['newTag'] = tag()
            elif x == 'newName':
                e['newName'] = nn()
            elif x == 'digest':
                e['digest'] = dg()
            elif x == 'nameTag':
                e['newName'] = nn()
                e['newTag'] = tag()
            elif x == 'all':
                e['newName'] = nn()
                e['newTag'] = tag()
                e['digest'] = dg()
            elif x == 'tagDigest':
                e['newTag'] = tag()
                e['digest'] = dg()
            else:
                e['tagSuffix'] = self.pick(['-debug', '.1', '_x'])
                if self.p(0.3):
                    e['newTag'] = tag()
            out.append(e)
        return out

    def apply_transformers(self, kdir, kust, model, level, top, component=False):
        """Kustomization fields other than resources; updates the model's names for later levels."""
        if self.p(0.25 if level == 0 else 0.3):
            kust['namespace'] = self.pick([f'ns-{kdir.split("/")[-1]}', 'default', 'kube-system', 'team-a', f'{kdir.split("/")[-1]}-ns'])
        if self.p(0.35):
            kust['namePrefix'] = self.pick([f'{kdir.split("/")[-1][:3]}-', 'p-', 'x.', 'a-'])
        if self.p(0.25):
            kust['nameSuffix'] = self.pick(['-s', f'-{kdir.split("/")[-1][:3]}', '-v2', '.z'])
        if self.p(0.35 if level == 0 else 0.15):
            kust['commonLabels'] = self.klabels()
        if self.p(0.15 if level == 0 else 0.35):
            ls = []
            for _ in range(self.r.randint(1, 2)):
                e = {'pairs': self.klabels()}
                if self.p(0.5):
                    e['includeSelectors'] = self.pick([True, False])
                if self.p(0.4):
                    e['includeTemplates'] = self.pick([True, False])
                if self.p(0.2):
                    e['fields'] = [{'path': self.pick(['spec/selector/matchLabels', 'metadata/annotations', 'spec/template/metadata/labels', 'spec/foo']),
                                    'kind': self.pick(['Deployment', 'StatefulSet', 'Service', 'Widget']),
                                    **({'create': True} if self.p(0.6) else {})}]
                ls.append(e)
            kust['labels'] = ls
        if self.p(0.3):
            kust['commonAnnotations'] = self.kannotations()
        has_pod = any(r.pod for r in model)
        if self.p(0.4 if has_pod else 0.1):
            kust['images' if self.p(0.95) else 'imageTags'] = self.gen_images(model)
        ws = [r for r in model if r.kind in ('Deployment', 'StatefulSet', 'ReplicaSet')]
        if ws and self.p(0.3):
            kust['replicas'] = [{'name': self.name_of(w), 'count': self.pick([0, 1, 3, 10, S('2'), S('5', 'double')] if self.p(0.03) else [0, 1, 3, 10, S('2')])}
                                for w in self.sample(ws, self.r.randint(1, 2))]
        if self.p(0.55):
            self.gen_patches(kdir, kust, model, self.wpick([(1, 5), (2, 3), (3, 1.5), (4, 0.5)]))
        if self.p(0.15):
            self.gen_replacements(kdir, kust, model)
        if top and self.p(0.12):
            kust['sortOptions'] = self.pick([{'order': 'fifo'}, {'order': 'legacy'},
                                             {'order': 'legacy', 'legacySortOptions': {'orderFirst': self.sample(['Namespace', 'Service', 'ConfigMap', 'StatefulSet', 'CustomResourceDefinition'], 2),
                                                                                      'orderLast': self.sample(['Deployment', 'ValidatingWebhookConfiguration', 'Secret'], 1)}}])
        if self.p(0.05):
            kust['buildMetadata'] = self.sample(['originAnnotations', 'transformerAnnotations', 'managedByLabel'], self.r.randint(1, 2))
        crs = [r for r in model if r.group.endswith(('example.com', 'example.org')) and r.kind in ('Widget', 'Gadget', 'Backup')]
        if crs and self.p(0.4):
            cr = self.pick(crs)
            cfg = {}
            if self.p(0.6):
                cfg['nameReference'] = [{'kind': 'ConfigMap', 'version': 'v1', 'fieldSpecs': [{'kind': cr.kind, 'path': 'spec/configRef'}]}]
            if self.p(0.4):
                cfg['images'] = [{'kind': cr.kind, 'path': 'spec/image'}]
            if self.p(0.4):
                cfg['commonLabels'] = [{'kind': cr.kind, 'path': 'spec/selector/matchLabels', 'create': True}]
            if self.p(0.3):
                cfg['namePrefix'] = [{'kind': cr.kind, 'path': 'spec/configRef'}]
            if self.p(0.3):
                cfg['varReference'] = [{'kind': cr.kind, 'path': 'spec/message'}]
            if self.p(0.3):
                cfg['replicas'] = [{'kind': cr.kind, 'path': 'spec/size'}]
            if cfg:
                kust['configurations'] = [self.add_file(kdir, 'kustomizeconfig.yaml', YFile([cfg]))]
        if crs and self.p(0.2):
            cr = crs[0]
            defs = {f'com.example.v1.{cr.kind}': {'Schema': {'properties': {'spec': {'$ref': f'com.example.v1.{cr.kind}Spec'}}}},
                    f'com.example.v1.{cr.kind}Spec': {'Schema': {'properties': {'configRef': {
                        'x-kubernetes-object-ref-api-version': 'v1', 'x-kubernetes-object-ref-kind': 'ConfigMap'}}}}}
            kust['crds'] = [self.add_file(kdir, 'crd-schema.json', JFile(defs))]
        # model update for higher levels
        for r in model:
            if 'namespace' in kust and not r.cluster:
                r.ns = kust['namespace']
            r.name = kust.get('namePrefix', '') + r.name + kust.get('nameSuffix', '')

    def kust_header(self, component=False):
        k = {}
        if component:
            k['apiVersion'] = 'kustomize.config.k8s.io/v1alpha1'
            k['kind'] = 'Component'
        elif self.p(0.7):
            k['apiVersion'] = 'kustomize.config.k8s.io/v1beta1'
            k['kind'] = 'Kustomization'
        return k

    def kust_file(self, kdir, kust):
        name = self.pick(['kustomization.yaml'] * 8 + ['kustomization.yml', 'Kustomization'])
        self.files[os.path.join(kdir, name)] = YFile([kust], lead=self.p(0.1), seq_indent=self.p(0.3))

    def gen_base(self, kdir, level=0, top=False):
        ns = self.pick([None] * 4 + ['ns1', 'default'])
        model = self.gen_resources(ns, self.r.randint(1, 6))
        kust = self.kust_header()
        entries = self.write_resources(kdir, model)
        if self.p(0.15) and len(model) < 6:
            sub = self.gen_base(kdir + '/sub', level=0)
            entries.append('sub' if self.p(0.7) else './sub/')
            model = model + sub
        if entries or self.p(0.5):
            kust['resources'] = entries
        if self.p(0.3) and not self.no_crd:
            self.gen_vars(kust, model)
            if 'vars' in kust:
                self.vars = [v['name'] for v in kust['vars']]
                # re-generate a workload that uses them
                extra = [self.workload(self.pick(['Deployment', 'StatefulSet']), {}, ns)]
                kust['resources'] = list(kust.get('resources', [])) + self.write_resources(kdir, extra)
                model = model + extra
                self.vars = []
        if self.p(0.45):
            model = model + self.gen_generators(kdir, kust, model, ns)
        if kust.get('resources') and self.p(0.05):
            kust['resources'] = Flow(kust['resources'])
        self.apply_transformers(kdir, kust, model, level, top)
        for r in model:
            r.home = r.home or kdir
        self.kust_file(kdir, kust)
        return model

    def gen_component(self, kdir, model):
        kust = self.kust_header(component=True)
        added = []
        if self.p(0.3):
            added = self.gen_resources(None, self.r.randint(1, 2))
            kust['resources'] = self.write_resources(kdir, added)
        full = model + added
        if self.p(0.4):
            added += self.gen_generators(kdir, kust, full, None)
        # components: mostly patches, labels, images, replicas
        self.gen_patches(kdir, kust, full, self.r.randint(1, 2))
        if self.p(0.3):
            kust['labels'] = [{'pairs': self.klabels(), **({'includeSelectors': True} if self.p(0.3) else {})}]
        if self.p(0.3):
            kust['images'] = self.gen_images(full)
        if self.p(0.2):
            kust['commonAnnotations'] = self.kannotations()
        if self.p(0.15):
            kust['namePrefix'] = 'c-'
        if self.p(0.1):
            self.gen_replacements(kdir, kust, full)
        self.kust_file(kdir, kust)
        for r in full:
            r.name = kust.get('namePrefix', '') + r.name
        return added

    def gen_overlay(self, kdir, children, models, level, top):
        kust = self.kust_header()
        entries = [os.path.relpath(c, kdir) for c in children]
        model = [r for m in models for r in m]
        if self.p(0.25):
            extra = self.gen_resources(self.pick([None, 'ns1']), self.r.randint(1, 2))
            entries += self.write_resources(kdir, extra)
            model = model + extra
        if self.p(0.1):
            self.r.shuffle(entries)
        key = 'resources' if self.p(0.93) else 'bases'
        kust[key] = entries
        if self.p(0.3):
            comps = []
            for i in range(self.r.randint(1, 2)):
                cdir = f'components/c{self.r.randint(0, 999)}'
                if any(f.startswith(cdir + '/') for f in self.files):
                    continue
                model = model + self.gen_component(cdir, model)
                comps.append(os.path.relpath(cdir, kdir))
            kust['components'] = comps
        if self.p(0.3):
            model = model + self.gen_generators(kdir, kust, model, None)
        self.apply_transformers(kdir, kust, model, level, top)
        self.kust_file(kdir, kust)
        return model

    def generate(self):
        layout = self.wpick([('single', 2), ('overlay', 3), ('three', 2), ('diamond', 1.5), ('two-bases', 1)])
        if layout == 'single':
            self.gen_base('app', top=True)
            target = 'app'
        elif layout == 'overlay':
            m = self.gen_base('base')
            self.gen_overlay('overlays/prod', ['base'], [m], 1, True)
            target = 'overlays/prod'
        elif layout == 'three':
            m = self.gen_base('base')
            m = self.gen_overlay('mid', ['base'], [m], 1, False)
            self.gen_overlay('top', ['mid'], [m], 2, True)
            target = 'top'
        elif layout == 'diamond':
            self.no_crd = self.p(0.9)
            m = self.gen_base('base')
            ms = []
            for side in ('left', 'right'):
                mm = [copy.copy(r) for r in m]
                k_before = len(self.files)
                ms.append(self.gen_overlay(side, ['base'], [mm], 1, False))
                # the two sides need distinct names or namespaces, or the top has clashing ids
                kf = [p for p in self.files if p.startswith(side + '/') and os.path.basename(p) in ('kustomization.yaml', 'kustomization.yml', 'Kustomization')][0]
                kd = self.files[kf].docs[0]
                if self.p(0.95):
                    kd['namePrefix'] = side + '-' + kd.get('namePrefix', '')
                    for r in ms[-1]:
                        r.name = side + '-' + r.name
            self.current_names = True
            self.gen_overlay('top', ['left', 'right'], ms, 2, True)
            target = 'top'
        else:
            m1 = self.gen_base('base1')
            m2 = self.gen_base('base2')
            self.gen_overlay('app', ['base1', 'base2'], [m1, m2], 1, True)
            target = 'app'
        return Tree(self.files, target)


def generate(seed_text):
    return Gen(seed_text).generate()
