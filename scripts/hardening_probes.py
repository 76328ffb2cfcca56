#!/usr/bin/env python3
"""Hardening probes for the sts-kustomize CLI.

    scripts/hardening_probes.py BIN [--timeout 20] [--keep] [--only SUBSTRING]

Every probe builds its own small tree in a fresh temporary directory, runs BIN once
with a timeout, and measures the child's peak RSS (``os.wait4`` on the child's pid,
so the figure is that process's own ``ru_maxrss``; shell-wrapped probes ``exec`` the
binary so the shell is replaced by it). Verdicts, in order of precedence:

    CRASH   killed by a signal, or stderr mentions "Fatal error" / "Illegal instruction"
    HANG    did not finish within the timeout (the process group is killed)
    MEMORY  peak RSS above 1 GiB
    WRONG   exit status, stderr message or post-condition not as expected
    OK      everything as expected

Prints a table and the totals; the exit status is 1 when any probe crashed, hung or used
unbounded memory (WRONG alone does not fail the run), 0 otherwise.

Standard library only. Nothing outside the temporary directory is written.
"""

from __future__ import annotations

import argparse
import os
import shlex
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Optional, Union

MEMORY_LIMIT_BYTES = 1 << 30  # 1 GiB
CRASH_MARKERS = ("Fatal error", "Illegal instruction", "Segmentation fault")

# --------------------------------------------------------------------------------------
# Tree helpers. Every probe gets a fresh directory P; the kustomization root is P/app and
# files "outside the root" go directly under P.
# --------------------------------------------------------------------------------------

CONFIGMAP = """\
apiVersion: v1
kind: ConfigMap
metadata:
  name: cm
data:
  a: b
"""


def write(path: Path, text: Union[str, bytes]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text)


def minimal(p: Path) -> None:
    """The minimal valid tree: app/kustomization.yaml with resources: [cm.yaml]."""
    write(p / "app" / "kustomization.yaml", "resources: [cm.yaml]\n")
    write(p / "app" / "cm.yaml", CONFIGMAP)


def with_resource(name: str, text: Union[str, bytes]) -> Callable[[Path], None]:
    """app/kustomization.yaml listing one resource file with the given content."""
    def setup(p: Path) -> None:
        write(p / "app" / "kustomization.yaml", f"resources: [{name}]\n")
        write(p / "app" / name, text)
    return setup


def with_kustomization(text: Union[str, bytes], extra: Optional[dict] = None) -> Callable[[Path], None]:
    """app/kustomization.yaml with the given content, plus cm.yaml and any extra files."""
    def setup(p: Path) -> None:
        write(p / "app" / "kustomization.yaml", text)
        write(p / "app" / "cm.yaml", CONFIGMAP)
        for rel, content in (extra or {}).items():
            write(p / "app" / rel, content)
    return setup


def kind_doc(body: str, kind: str = "Thing") -> str:
    """A namespaced custom resource with the given body appended at top level."""
    return f"apiVersion: example.com/v1\nkind: {kind}\nmetadata:\n  name: t\n{body}"


# --------------------------------------------------------------------------------------
# Probe record and runner
# --------------------------------------------------------------------------------------

Check = Callable[[Path, bytes, bytes], Optional[str]]  # (probe dir, stdout, stderr) -> problem


@dataclass
class Probe:
    name: str
    group: str
    setup: Callable[[Path], None]
    # argv with {bin}, {app} (the kustomization root) and {p} (the probe directory)
    # placeholders; with shell=True a single /bin/sh -c script (values shell-quoted).
    cmd: Union[list, str]
    exit: Union[int, frozenset]
    stderr: Optional[str] = None          # required substring of stderr (case-insensitive)
    shell: bool = False
    stdin: Union[None, str, Callable[[], Iterable[bytes]]] = None  # path, or chunk generator
    stdout: Optional[str] = None          # path to open as stdout (default: captured)
    check: Optional[Check] = None         # extra post-condition
    max_seconds: Optional[float] = None   # WRONG (too slow) if it finishes but takes longer
    timeout: Optional[float] = None       # overrides --timeout
    note: str = ""                         # shown in the expectation column

    def expectation(self) -> str:
        codes = sorted(self.exit) if isinstance(self.exit, frozenset) else [self.exit]
        text = "exit " + "|".join(map(str, codes))
        if self.stderr:
            text += f' "{self.stderr}"'
        if self.note:
            text += f"; {self.note}"
        return text


@dataclass
class Result:
    probe: Probe
    status: str          # "0", "1", "SIG9", "timeout"
    seconds: float
    rss_mb: float
    verdict: str
    detail: str = ""


def _feed(proc_stdin, chunks: Iterable[bytes]) -> None:
    try:
        for chunk in chunks:
            proc_stdin.write(chunk)
    except (BrokenPipeError, OSError):
        pass  # the child stopped reading (expected when it hits its input limit)
    finally:
        try:
            proc_stdin.close()
        except OSError:
            pass


def run_probe(probe: Probe, binary: str, root: Path, default_timeout: float) -> Result:
    p = root / probe.name
    p.mkdir(parents=True)
    probe.setup(p)
    values = {"bin": binary, "app": str(p / "app"), "p": str(p)}
    if probe.shell:
        argv = ["/bin/sh", "-c", probe.cmd.format(**{k: shlex.quote(v) for k, v in values.items()})]
    else:
        argv = [a.format(**values) for a in probe.cmd]
    timeout = probe.timeout or default_timeout

    out_path, err_path = p / ".stdout", p / ".stderr"
    closers = []
    out_f = open(probe.stdout, "wb") if probe.stdout else open(out_path, "wb")
    err_f = open(err_path, "wb")
    closers += [out_f, err_f]
    feeder = None
    if probe.stdin is None:
        stdin = subprocess.DEVNULL
    elif isinstance(probe.stdin, str):
        stdin = open(probe.stdin, "rb")
        closers.append(stdin)
    else:
        stdin = subprocess.PIPE

    start = time.monotonic()
    proc = subprocess.Popen(argv, stdin=stdin, stdout=out_f, stderr=err_f, cwd=str(p),
                            start_new_session=True)
    if stdin is subprocess.PIPE:
        feeder = threading.Thread(target=_feed, args=(proc.stdin, probe.stdin()), daemon=True)
        feeder.start()

    timed_out = False
    wait_status, usage = 0, None
    while True:
        pid, wait_status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid == proc.pid:
            break
        if time.monotonic() - start > timeout:
            timed_out = True
            try:
                os.killpg(proc.pid, signal.SIGKILL)  # the probe's own process group only
            except ProcessLookupError:
                pass
            _, wait_status, usage = os.wait4(proc.pid, 0)
            break
        time.sleep(0.01)
    seconds = time.monotonic() - start
    proc.returncode = os.waitstatus_to_exitcode(wait_status)  # keep Popen from waiting again
    if feeder is not None:
        feeder.join(timeout=5)
    for f in closers:
        f.close()

    rss_bytes = usage.ru_maxrss * 1024 if usage else 0  # ru_maxrss is in KiB on Linux
    code = proc.returncode
    out = out_path.read_bytes() if out_path.exists() else b""
    err = err_path.read_bytes()
    err_text = err.decode("utf-8", "replace")
    status = "timeout" if timed_out else (f"SIG{-code}" if code < 0 else str(code))

    def res(verdict: str, detail: str = "") -> Result:
        return Result(probe, status, seconds, rss_bytes / (1 << 20), verdict, detail)

    marker = next((m for m in CRASH_MARKERS if m in err_text), None)
    if (code < 0 and not timed_out) or marker:
        return res("CRASH", marker or f"signal {-code}")
    if timed_out:
        return res("HANG", f"no exit after {timeout:g}s")
    if rss_bytes > MEMORY_LIMIT_BYTES:
        return res("MEMORY", f"peak RSS {rss_bytes / (1 << 20):.0f} MiB")
    expected = probe.exit if isinstance(probe.exit, frozenset) else frozenset([probe.exit])
    problems = []
    if code not in expected:
        problems.append(f"exit {code}, expected {'|'.join(map(str, sorted(expected)))}")
    if probe.stderr and probe.stderr.lower() not in err_text.lower():
        problems.append(f'stderr lacks "{probe.stderr}"')
    if probe.max_seconds is not None and seconds > probe.max_seconds:
        problems.append(f"took {seconds:.1f}s > {probe.max_seconds:g}s")
    if probe.check:
        problem = probe.check(p, out, err)
        if problem:
            problems.append(problem)
    if problems:
        first_err = err_text.strip().splitlines()[0] if err_text.strip() else "(no stderr)"
        return res("WRONG", "; ".join(problems) + f" -- stderr: {first_err[:160]}")
    return res("OK")


# --------------------------------------------------------------------------------------
# Post-conditions
# --------------------------------------------------------------------------------------

def stdout_contains(needle: str, count: Optional[int] = None) -> Check:
    def check(p: Path, out: bytes, err: bytes) -> Optional[str]:
        n = out.decode("utf-8", "replace").count(needle)
        if count is None and n == 0:
            return f'stdout lacks "{needle}"'
        if count is not None and n != count:
            return f'stdout has "{needle.strip()}" {n} times, expected {count}'
        return None
    return check


def dev_null_intact(p: Path, out: bytes, err: bytes) -> Optional[str]:
    st = os.lstat("/dev/null")
    if not stat.S_ISCHR(st.st_mode):
        return "/dev/null is no longer a character device!"
    return None


def symlink_kept(p: Path, out: bytes, err: bytes) -> Optional[str]:
    link, target = p / "out.yaml", p / "real.yaml"
    if not link.is_symlink():
        return "out.yaml is no longer a symlink"
    if not target.exists() or "kind: ConfigMap" not in target.read_text():
        return "symlink target was not written"
    return None


def two_namespaced_files(p: Path, out: bytes, err: bytes) -> Optional[str]:
    names = sorted(os.listdir(p / "out"))
    want = ["ns-a_v1_configmap_cm.yaml", "ns-b_v1_configmap_cm.yaml"]
    if names != want:
        return f"out/ holds {names}, expected {want}"
    for n in want:
        if f"namespace: {n.split('_')[0]}" not in (p / "out" / n).read_text():
            return f"{n} has the wrong content"
    return None


def nothing_written(path: str) -> Check:
    def check(p: Path, out: bytes, err: bytes) -> Optional[str]:
        return f"{path} was created" if (p / path).exists() else None
    return check


# --------------------------------------------------------------------------------------
# Setups for the individual groups
# --------------------------------------------------------------------------------------

def setup_symlink_output(p: Path) -> None:
    minimal(p)
    os.symlink("real.yaml", p / "out.yaml")  # dangling: the target is created by the write


def setup_file_as_parent(p: Path) -> None:
    minimal(p)
    write(p / "afile", "not a directory\n")


def setup_two_namespaces(p: Path) -> None:
    docs = "".join(
        f"---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\n  namespace: {ns}\ndata:\n  ns: {ns}\n"
        for ns in ("ns-a", "ns-b"))
    write(p / "app" / "kustomization.yaml", "resources: [cms.yaml]\n")
    write(p / "app" / "cms.yaml", docs)
    (p / "out").mkdir()


def setup_sparse(p: Path) -> None:
    write(p / "app" / "kustomization.yaml", "resources: [big.yaml]\n")
    with open(p / "app" / "big.yaml", "wb") as f:
        f.truncate(3 * 1000 ** 3)  # 3 GB, sparse: no disk blocks


def setup_generator_dev_zero_link(p: Path) -> None:
    write(p / "app" / "kustomization.yaml",
          "configMapGenerator:\n- name: z\n  files: [zero]\n")
    os.symlink("/dev/zero", p / "app" / "zero")


def stream_300mb() -> Iterable[bytes]:
    doc = (b"---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n"
           b"data:\n  k: some value that pads the document\n")
    chunk = doc * (1 << 20 // len(doc) + 1)
    sent, total = 0, 300 * 1000 * 1000
    while sent < total:
        piece = chunk[: total - sent]
        yield piece
        sent += len(piece)


def billion_laughs() -> str:
    lines = ['lol0: &l0 "lol"']
    for i in range(1, 10):
        refs = ", ".join([f"*l{i - 1}"] * 10)
        lines.append(f"lol{i}: &l{i} [{refs}]")
    return kind_doc("spec:\n" + "".join(f"  {line}\n" for line in lines))


def alias_fan_out(n: int = 100_000) -> str:
    items = "".join("  - *x\n" for _ in range(n))
    return kind_doc("spec:\n  base: &x {k: v}\n  items:\n" + items)


def deep_nesting(depth: int = 10_000) -> str:
    return kind_doc("spec: " + "[" * depth + "]" * depth + "\n")


def wide_configmap(n: int = 80_000) -> str:
    data = "".join(f"  key{i:06d}: value{i}\n" for i in range(n))
    return f"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: wide\ndata:\n{data}"


def merge_key_items(n: int = 80_000) -> str:
    items = "".join(f"  - {{<<: *a, n: i{i}}}\n" for i in range(n))
    return kind_doc("spec:\n  base: &a {x: 1, y: 2}\n  items:\n" + items)


def merge_key_repeated(n: int = 80_000) -> str:
    merges = "".join("    <<: *a\n" for _ in range(n))
    return kind_doc("spec:\n  base: &a {x: 1, y: 2}\n  merged:\n" + merges + "    z: 3\n")


def merge_key_amplified(width: int = 200, n: int = 80_000) -> str:
    anchor = ", ".join(f"k{i}: v" for i in range(width))
    items = "".join(f"  - {{<<: *a, n: i{i}}}\n" for i in range(n))
    return kind_doc(f"spec:\n  base: &a {{{anchor}}}\n  items:\n" + items)


def setup_outside(p: Path) -> None:
    write(p / "app" / "kustomization.yaml", "resources: [../outside.yaml]\n")
    write(p / "outside.yaml", CONFIGMAP)


def setup_symlink_outside(p: Path) -> None:
    write(p / "app" / "kustomization.yaml", "resources: [link.yaml]\n")
    write(p / "outside.yaml", CONFIGMAP)
    os.symlink("../outside.yaml", p / "app" / "link.yaml")


def setup_absolute_dir(p: Path) -> None:
    minimal(p / "base")
    write(p / "app" / "kustomization.yaml", f"resources: [{p / 'base' / 'app'}]\n")


def setup_kustomization_symlink_outside(p: Path) -> None:
    write(p / "outside-kustomization.yaml", "resources: [cm.yaml]\n")
    write(p / "app" / "cm.yaml", CONFIGMAP)
    os.symlink("../outside-kustomization.yaml", p / "app" / "kustomization.yaml")


def setup_symlink_loop(p: Path) -> None:
    write(p / "app" / "kustomization.yaml", "resources: [loop-a.yaml]\n")
    os.symlink("loop-b.yaml", p / "app" / "loop-a.yaml")
    os.symlink("loop-a.yaml", p / "app" / "loop-b.yaml")


def setup_dir_cycle(p: Path) -> None:
    write(p / "base" / "kustomization.yaml", "resources: [cm.yaml, ../app]\n")
    write(p / "base" / "cm.yaml", CONFIGMAP)
    write(p / "app" / "kustomization.yaml", "resources: [../base]\nnamePrefix: o-\n")


def setup_fifo(p: Path) -> None:
    write(p / "app" / "kustomization.yaml", "resources: [fifo.yaml]\n")
    os.mkfifo(p / "app" / "fifo.yaml")


def setup_fifo_endless_writer(p: Path) -> None:
    setup_fifo(p)
    fifo = p / "app" / "fifo.yaml"

    def writer() -> None:  # daemon: blocks until the binary opens the FIFO, stops on EPIPE
        chunk = b"# padding comment line, never ending\n" * 4096
        try:
            with open(fifo, "wb") as f:
                while True:
                    f.write(chunk)
        except OSError:
            pass
    threading.Thread(target=writer, daemon=True).start()


def setup_dir_without_kustomization(p: Path) -> None:
    write(p / "app" / "kustomization.yaml", "resources: [sub]\n")
    write(p / "app" / "sub" / "cm.yaml", CONFIGMAP)


# --------------------------------------------------------------------------------------
# The probes
# --------------------------------------------------------------------------------------

BUILD = ["{bin}", "build", "{app}"]
CHECK = ["{bin}", "check", "{app}"]
CHECK_STDIN = ["{bin}", "check", "-"]
LIMIT = "the limit of"  # "input is larger than the limit of N bytes" / "more than the limit of"


def wrong_type(name: str, text: Union[str, bytes], stderr: Optional[str] = None, note: str = "") -> Probe:
    return Probe(f"ktype-{name}", "5 kustomization types", with_kustomization(text), BUILD, 1,
                 stderr=stderr, note=note)


PROBES: list = [
    # 1. Output -------------------------------------------------------------------------
    Probe("out-dev-full", "1 output", minimal, BUILD, 1, "no space left on device",
          stdout="/dev/full"),
    Probe("out-closed-stdout", "1 output", minimal, "exec {bin} build {app} >&-", 1,
          "cannot write standard output", shell=True),
    Probe("check-dev-full", "1 output", minimal, CHECK, 2, "no space left on device",
          stdout="/dev/full"),
    Probe("check-closed-stdout", "1 output", minimal, "exec {bin} check {app} >&-", 2,
          "cannot write standard output", shell=True),
    Probe("out-o-dev-null", "1 output", minimal, BUILD + ["-o", "/dev/null"], 0,
          check=dev_null_intact, note="/dev/null stays a char device"),
    Probe("out-o-symlink", "1 output", setup_symlink_output, BUILD + ["-o", "{p}/out.yaml"], 0,
          check=symlink_kept, note="symlink kept, target written"),
    Probe("out-o-missing-dir", "1 output", minimal, BUILD + ["-o", "{p}/missing/out.yaml"], 1,
          "no such directory", check=nothing_written("missing")),
    Probe("out-o-file-as-parent", "1 output", setup_file_as_parent,
          BUILD + ["-o", "{p}/afile/out.yaml"], 1, "not a directory"),
    Probe("out-o-dir-namespaces", "1 output", setup_two_namespaces, BUILD + ["-o", "{p}/out"], 0,
          check=two_namespaced_files, note="ns-a_/ns-b_ files"),

    # 2. Memory / size ------------------------------------------------------------------
    Probe("mem-check-dev-zero", "2 memory", lambda p: None, CHECK_STDIN, 2, LIMIT,
          stdin="/dev/zero"),
    Probe("mem-sparse-3gb", "2 memory", setup_sparse, BUILD, 1, LIMIT),
    # files: [/dev/zero] is outside the root: the load restrictor refuses it before reading.
    Probe("mem-generator-dev-zero", "2 memory",
          with_kustomization("configMapGenerator:\n- name: z\n  files: [/dev/zero]\n"), BUILD, 1,
          "security;"),
    # Through a symlink with the restrictor off, the device itself is read: it must be cut off.
    Probe("mem-generator-dev-zero-link", "2 memory", setup_generator_dev_zero_link,
          BUILD + ["--load-restrictor", "LoadRestrictionsNone"], 1, LIMIT),
    Probe("mem-stdin-300mb", "2 memory", lambda p: None, CHECK_STDIN, 2, LIMIT,
          stdin=stream_300mb),

    # 3. YAML bombs ---------------------------------------------------------------------
    # The budget error reads "alias 'l6' expands past the budget of 2500000 nodes" (or, for a
    # stream parsed in pieces, "aliases expand to more than 2500000 nodes").
    Probe("yaml-billion-laughs", "3 yaml bombs", with_resource("bomb.yaml", billion_laughs()),
          BUILD, 1, "2500000 nodes", max_seconds=5),
    Probe("yaml-alias-fan-out-100k", "3 yaml bombs", with_resource("fan.yaml", alias_fan_out()),
          BUILD, 0, check=stdout_contains("  - k: v\n", 100_000), max_seconds=10,
          note="100,000 expanded items"),
    Probe("yaml-depth-10000", "3 yaml bombs", with_resource("deep.yaml", deep_nesting()),
          BUILD, 1, "nesting deeper than", max_seconds=5),
    Probe("yaml-configmap-80k-keys", "3 yaml bombs", with_resource("wide.yaml", wide_configmap()),
          BUILD, 0, check=stdout_contains("  key079999: value79999\n", 1), max_seconds=5),
    Probe("yaml-merge-keys-80k-items", "3 yaml bombs",
          with_resource("merge.yaml", merge_key_items()), BUILD, frozenset({0, 1}), max_seconds=5,
          note="0 or clean error"),
    Probe("yaml-merge-keys-80k-repeated", "3 yaml bombs",
          with_resource("merge.yaml", merge_key_repeated()), BUILD, frozenset({0, 1}),
          max_seconds=5, note="0 or clean error"),
    # A 200-key map merged into 80,000 items is 16M nodes: over the alias budget, or bounded.
    Probe("yaml-merge-keys-amplified", "3 yaml bombs",
          with_resource("merge.yaml", merge_key_amplified()), BUILD, frozenset({0, 1}),
          max_seconds=10, note="0 or clean error"),

    # 4. Load restrictor / filesystem ---------------------------------------------------
    Probe("fs-parent-resource", "4 filesystem", setup_outside, BUILD, 1, "security;"),
    Probe("fs-symlink-outside", "4 filesystem", setup_symlink_outside, BUILD, 1, "security;"),
    Probe("fs-symlink-outside-none", "4 filesystem", setup_symlink_outside,
          BUILD + ["--load-restrictor", "LoadRestrictionsNone"], 0,
          check=stdout_contains("name: cm")),
    Probe("fs-parent-resource-none", "4 filesystem", setup_outside,
          BUILD + ["--load-restrictor", "LoadRestrictionsNone"], 0,
          check=stdout_contains("name: cm")),
    Probe("fs-absolute-dir", "4 filesystem", setup_absolute_dir, BUILD, 1, "cannot be absolute"),
    # kustomize's loadKustFile treats a kustomization file the restrictor refuses as absent:
    # "unable to find one of 'kustomization.yaml', 'kustomization.yml' or 'Kustomization' in
    # directory ..." (checked against kubectl kustomize v5.5.0), so that is the "not found".
    Probe("fs-kustomization-symlink-outside", "4 filesystem",
          setup_kustomization_symlink_outside, BUILD, 1, "unable to find one of"),
    Probe("fs-symlink-loop", "4 filesystem", setup_symlink_loop, BUILD, 1),
    Probe("fs-dir-cycle", "4 filesystem", setup_dir_cycle, BUILD, 1, "cycle"),
    # A FIFO nobody writes to: open(2) blocks for a writer. kubectl kustomize v5.5.0 blocks
    # here as well, but a renderer run in CI must not wait forever on a stray FIFO, so this
    # probe keeps expecting a prompt error (e.g. "not a regular file").
    # kustomize hangs in open(2) here; we open without blocking and read a writer-less FIFO as
    # empty, so the build ends (with no resources from it).
    Probe("fs-fifo-resource", "4 filesystem", setup_fifo, BUILD, 0, note="must not hang"),
    # A FIFO whose writer never stops: the read must be cut off at the input limit.
    Probe("fs-fifo-endless-writer", "4 filesystem", setup_fifo_endless_writer, BUILD, 1, LIMIT,
          note="bounded memory"),
    Probe("fs-dir-without-kustomization", "4 filesystem", setup_dir_without_kustomization,
          BUILD, 1),

    # 5. Wrong types in kustomization.yaml ----------------------------------------------
    wrong_type("resources-int", "resources: 5\n", "must be a list of strings"),
    wrong_type("resources-map", "resources: {a: b}\n", "must be a list of strings"),
    wrong_type("nameprefix-list", "resources: [cm.yaml]\nnamePrefix: [x]\n", "must be a string"),
    wrong_type("replicas-count-str", "resources: [cm.yaml]\nreplicas: [{name: x, count: abc}]\n",
               "must be an integer"),
    wrong_type("images-newtag-float", "resources: [cm.yaml]\nimages: [{name: x, newTag: 1.20}]\n",
               "must be a string"),
    wrong_type("patches-path-int", "resources: [cm.yaml]\npatches: [{path: 3}]\n", "must be a string"),
    wrong_type("labels-pairs-list", "resources: [cm.yaml]\nlabels: [{pairs: [a]}]\n", "must be a map"),
    wrong_type("commonlabels-list", "resources: [cm.yaml]\ncommonLabels: [a]\n", "must be a map"),
    wrong_type("cmgen-literals-int", "configMapGenerator: [{name: x, literals: 5}]\n", "must be a list"),
    wrong_type("storage-negative", "resources: [cm.yaml]\nstorage: [{name: x, size: -1Gi}]\n",
               "greater than zero"),
    wrong_type("empty-file", "", "kustomization.yaml is empty"),
    wrong_type("binary-garbage", bytes(range(256)) * 4, "control characters"),
    # UTF-16 with a BOM is valid YAML (libyaml and go-yaml detect the encoding): kubectl
    # kustomize v5.5.0 builds it, so exit 0 with the ConfigMap is the compatible result.
    Probe("ktype-utf16-bom", "5 kustomization types",
          with_kustomization("\ufeffresources: [cm.yaml]\n".encode("utf-16")), BUILD, 0,
          check=stdout_contains("kind: ConfigMap"), note="valid YAML, as kustomize"),
    wrong_type("utf16-odd-length", "\ufeffresources: [cm.yaml]\n".encode("utf-16") + b"x",
               "incomplete UTF-16"),
    wrong_type("tab-indented", "resources:\n\t- cm.yaml\n", "cannot start any token"),
    wrong_type("namespace-map", "resources: [cm.yaml]\nnamespace: {a: b}\n", "must be a string"),
    wrong_type("cmgen-not-list", "configMapGenerator: {name: x}\n", "must be a list"),

    # 6. Malformed invocations ----------------------------------------------------------
    Probe("cli-build-two-paths", "6 invocations", minimal, ["{bin}", "build", "{app}", "{p}"], 1,
          "specify one path to kustomization.yaml"),
    # Usage errors exit with each command's "bad input" status: 2 for check/diff, else 1.
    Probe("cli-check-no-target", "6 invocations", minimal, ["{bin}", "check"], 2,
          "Missing expected argument"),
    Probe("cli-diff-stdin-twice", "6 invocations", minimal, ["{bin}", "diff", "-", "-"], 2,
          "only one of OLD and NEW"),
    Probe("cli-version-short-json", "6 invocations", minimal,
          ["{bin}", "version", "--short", "-o", "json"], 1, "mutually exclusive"),
    Probe("cli-unknown-subcommand", "6 invocations", minimal, ["{bin}", "frobnicate"], 1,
          "frobnicate"),
    Probe("cli-build-bad-restrictor", "6 invocations", minimal,
          BUILD + ["--load-restrictor", "LoadRestrictionsBogus"], 1, "LoadRestrictionsBogus"),
    Probe("cli-check-bad-format", "6 invocations", minimal, CHECK + ["--format", "xml"], 2, "xml"),
]


# --------------------------------------------------------------------------------------

def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("binary", metavar="BIN")
    ap.add_argument("--timeout", type=float, default=20.0, help="seconds per probe (default 20)")
    ap.add_argument("--keep", action="store_true", help="keep the temporary directory")
    ap.add_argument("--only", default=None, help="run only probes whose name contains this")
    args = ap.parse_args()

    binary = os.path.abspath(args.binary)
    if not os.access(binary, os.X_OK):
        print(f"not an executable: {binary}", file=sys.stderr)
        return 2
    if os.name != "posix" or not hasattr(os, "wait4"):
        print("needs a POSIX system with wait4", file=sys.stderr)
        return 2

    probes = [p for p in PROBES if not args.only or args.only in p.name]
    names = [p.name for p in probes]
    assert len(names) == len(set(names)), "probe names must be unique"

    root = Path(tempfile.mkdtemp(prefix="sts-hardening-"))
    results = []
    try:
        for probe in probes:
            r = run_probe(probe, binary, root, args.timeout)
            results.append(r)
            print(f"  {r.verdict:<6} {probe.name} ({r.seconds:.2f}s, {r.rss_mb:.0f} MB)",
                  file=sys.stderr, flush=True)
    finally:
        if args.keep:
            print(f"kept {root}", file=sys.stderr)
        else:
            shutil.rmtree(root, ignore_errors=True)

    headers = ["probe", "expectation", "exit", "seconds", "peak RSS MB", "verdict"]
    rows = [[r.probe.name, r.probe.expectation(), r.status, f"{r.seconds:.2f}",
             f"{r.rss_mb:.1f}", r.verdict] for r in results]
    widths = [max(len(h), *(len(row[i]) for row in rows)) for i, h in enumerate(headers)]
    line = lambda cells: " | ".join(c.ljust(w) for c, w in zip(cells, widths)).rstrip()
    print(f"binary: {binary}")
    print(line(headers))
    print("-+-".join("-" * w for w in widths))
    for row in rows:
        print(line(row))
    problems = [r for r in results if r.verdict != "OK"]
    if problems:
        print()
        for r in problems:
            print(f"{r.verdict} {r.probe.name}: {r.detail}")
    count = lambda v: sum(1 for r in results if r.verdict == v)
    crashes, hangs, memory, wrong = count("CRASH"), count("HANG"), count("MEMORY"), count("WRONG")
    print()
    print(f"probes {len(results)}: crashes {crashes}, hangs {hangs}, unbounded memory {memory}, wrong {wrong}")
    return 1 if crashes or hangs or memory else 0


if __name__ == "__main__":
    sys.exit(main())
