"""A small YAML writer for the differential tester's input trees.

Values are plain Python data (dict, list, str, int, float, bool, None) plus a few wrappers that
pin down how a node is written, so that a generated tree can say "this is the plain scalar
`0777`" or "this map is written in flow style" or "this string is a `|+` block scalar":

  S(text, style)   a scalar written exactly: style is plain, single, double, |, |-, |+, >, >-
  Flow(value)      the value (map or list) written in flow style on one line
  JSONDoc(value)   the value written as JSON (a JSON text is also a YAML flow node)
  Comment(text)    as a map key: a `# text` line at that place in the map (its value is ignored)
  Inline(docs, style)  a string holding a YAML stream (a list of documents), e.g. an inline
                   patch; written as a block scalar (style |, |-) or a double-quoted string;
                   its documents stay structured so the minimiser can shrink inside them

Everything here is deterministic: the same value always gives the same text.
"""
import json
import re


class S:
    __slots__ = ('text', 'style')

    def __init__(self, text, style='plain'):
        self.text = text
        self.style = style

    def __repr__(self):
        return f'S({self.text!r},{self.style!r})'

    def __eq__(self, other):
        return isinstance(other, S) and other.text == self.text and other.style == self.style

    def __hash__(self):
        return hash(('S', self.text, self.style))


class Flow:
    __slots__ = ('value',)

    def __init__(self, value):
        self.value = value


class JSONDoc:
    __slots__ = ('value',)

    def __init__(self, value):
        self.value = value


class Comment:
    """Used as a dict key; emits `# text`."""
    _n = 0
    __slots__ = ('text', 'n')

    def __init__(self, text):
        Comment._n += 1
        self.text = text
        self.n = Comment._n

    def __hash__(self):
        return hash(('Comment', self.n))

    def __eq__(self, other):
        return isinstance(other, Comment) and other.n == self.n


class Inline:
    __slots__ = ('docs', 'style', 'json')

    def __init__(self, docs, style='|', json=False):
        self.docs = docs          # list of documents
        self.style = style        # '|', '|-', 'double'
        self.json = json          # render the (single) document as JSON text


SPECIAL_WORDS = {
    'y', 'n', 'yes', 'no', 'on', 'off', 'true', 'false', 'null', '~', '',
}
NUMBERISH = re.compile(r'^[-+]?(\.?[0-9]|\.(inf|nan)$|0[xob])', re.I)
PLAIN_SAFE = re.compile(r'^[A-Za-z_/.][A-Za-z0-9_./@=+-]*(:[A-Za-z0-9_./@=+-]+)*$')


def plain_ok(text, flow=False):
    """Conservative: would `text` as a plain scalar read back as this same string?"""
    if not PLAIN_SAFE.match(text):
        return False
    if text.lower() in SPECIAL_WORDS or NUMBERISH.match(text):
        return False
    if flow and (':' in text or '=' in text):
        return False
    return True


def dq(text):
    out = json.dumps(text, ensure_ascii=False)
    return out.replace('\u2028', '\\u2028').replace('\u2029', '\\u2029').replace('\x85', '\\u0085')


def sq(text):
    return "'" + text.replace("'", "''") + "'"


def scalar_inline(v, flow=False):
    """Text of a scalar node on one line."""
    if isinstance(v, S):
        if v.style == 'plain':
            if flow and v.text == '':
                return 'null'
            if flow and re.search(r'[,\[\]{}]|: |#', v.text):
                return dq(v.text)
            return v.text
        if v.style == 'single':
            return sq(v.text)
        if v.style == 'double':
            return dq(v.text)
        # block styles used in a one-line context: write as a double-quoted string
        return dq(v.text)
    if v is None:
        return 'null'
    if v is True:
        return 'true'
    if v is False:
        return 'false'
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float):
        return repr(v)
    if isinstance(v, str):
        return v if plain_ok(v, flow) else dq(v)
    if isinstance(v, Inline):
        return dq(inline_text(v))
    raise TypeError(f'not a scalar: {v!r}')


def key_text(k, flow=False):
    if isinstance(k, (S, str, int, float, bool)) or k is None:
        return scalar_inline(k, flow)
    raise TypeError(f'bad key {k!r}')


def flow_text(v):
    if isinstance(v, (Flow, JSONDoc)):
        v = v.value
    if isinstance(v, dict):
        parts = [f'{key_text(k, True)}: {flow_text(x)}' for k, x in v.items() if not isinstance(k, Comment)]
        return '{' + ', '.join(parts) + '}'
    if isinstance(v, list):
        return '[' + ', '.join(flow_text(x) for x in v) + ']'
    return scalar_inline(v, True)


def to_plain(v):
    """The Python value a node stands for, near enough (for JSON output of wrapped values)."""
    if isinstance(v, (Flow, JSONDoc)):
        return to_plain(v.value)
    if isinstance(v, S):
        return v.text
    if isinstance(v, Inline):
        return inline_text(v)
    if isinstance(v, dict):
        return {(k.text if isinstance(k, S) else k): to_plain(x) for k, x in v.items() if not isinstance(k, Comment)}
    if isinstance(v, list):
        return [to_plain(x) for x in v]
    return v


def json_text(v, indent=None):
    out = json.dumps(to_plain(v), ensure_ascii=False, indent=indent)
    return out.replace('\u2028', '\\u2028').replace('\u2029', '\\u2029').replace('\x85', '\\u0085')


def is_block_scalar(v):
    return isinstance(v, S) and v.style[0] in '|>'


def block_scalar_lines(v, indent):
    """Header and body lines of a block scalar (S with style |, |-, |+, >, >-) or an Inline."""
    if isinstance(v, Inline):
        text = inline_text(v)
        header = v.style
    else:
        text = v.text
        header = v.style
    body = text[:-1] if text.endswith('\n') else text
    pad = ' ' * (indent + 2)
    lines = [(pad + l) if l else '' for l in body.split('\n')]
    return header, lines


def inline_text(v):
    if v.json:
        return json_text(v.docs[0] if len(v.docs) == 1 else v.docs)
    return emit_stream(v.docs)


def is_oneline(v):
    if isinstance(v, (dict, list)):
        return len(v) == 0 or all(isinstance(k, Comment) for k in v) if isinstance(v, dict) else len(v) == 0
    return not is_block_scalar(v) and not (isinstance(v, Inline) and v.style != 'double')


def oneline(v):
    if isinstance(v, dict):
        return '{}'
    if isinstance(v, list):
        return '[]'
    if isinstance(v, Flow):
        return flow_text(v.value)
    if isinstance(v, JSONDoc):
        return json_text(v.value)
    return scalar_inline(v)


def emit_block(v, indent, seq_indent):
    """Lines for a non-empty block map or list at `indent`."""
    out = []
    if isinstance(v, dict):
        for k, x in v.items():
            if isinstance(k, Comment):
                out.append(' ' * indent + '# ' + k.text)
                continue
            head = ' ' * indent + key_text(k) + ':'
            if is_oneline(x):
                out.append(head + ' ' + oneline(x))
            elif is_block_scalar(x) or isinstance(x, Inline):
                h, lines = block_scalar_lines(x, indent)
                out.append(head + ' ' + h)
                out.extend(lines)
            elif isinstance(x, dict):
                out.append(head)
                out.extend(emit_block(x, indent + 2, seq_indent))
            else:
                out.append(head)
                out.extend(emit_block(x, indent + (2 if seq_indent else 0), seq_indent))
        return out
    for x in v:
        dash = ' ' * indent + '- '
        if is_oneline(x):
            out.append(dash + oneline(x))
        elif is_block_scalar(x) or isinstance(x, Inline):
            h, lines = block_scalar_lines(x, indent)
            out.append(dash + h)
            out.extend(lines)
        else:
            sub = emit_block(x, indent + 2, seq_indent)
            if sub and sub[0].startswith(' ' * (indent + 2) + '#'):
                out.append(dash.rstrip())
                out.extend(sub)
            else:
                out.append(dash + sub[0][indent + 2:])
                out.extend(sub[1:])
    return out


def emit_doc(doc, seq_indent=False):
    if isinstance(doc, JSONDoc):
        return json_text(doc.value, indent=2) + '\n'
    if isinstance(doc, Flow):
        return flow_text(doc.value) + '\n'
    if isinstance(doc, str) and doc.startswith('#RAW#'):
        return doc[5:]
    if isinstance(doc, (dict, list)) and not is_oneline(doc):
        return '\n'.join(emit_block(doc, 0, seq_indent)) + '\n'
    if is_block_scalar(doc) or isinstance(doc, Inline):
        h, lines = block_scalar_lines(doc, -2)
        return '\n'.join(['--- ' + h] + lines) + '\n'
    return oneline(doc) + '\n'


def emit_stream(docs, lead=False, seq_indent=False):
    parts = []
    for i, d in enumerate(docs):
        text = emit_doc(d, seq_indent)
        if text.startswith('--- '):
            parts.append(text)
            continue
        if i > 0 or lead:
            parts.append('---\n')
        parts.append(text)
    return ''.join(parts)
