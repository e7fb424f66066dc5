"""Runs the README's tour ("## A short tour") command by command, as written,
in a fresh folder holding the bundled examples/, with the built dossier on
PATH. An id the README leaves as `claim:…` or `finding:…` is the last one of
that kind an earlier command printed, as a reader would copy it. Every
command must succeed; the first that does not is printed with its output.

  tour.py README.md DOSSIER_BIN_DIR EXAMPLES_DIR"""
import os
import re
import shutil
import subprocess
import sys
import tempfile


def commands(readme):
    text = open(readme, encoding="utf-8").read()
    start = text.index("## A short tour")
    block = text[text.index("```sh\n", start) + 6:]
    block = block[:block.index("```")]
    joined, out = "", []
    for line in block.splitlines():
        if line.rstrip().endswith("\\"):
            joined += line.rstrip()[:-1] + " "
            continue
        line = joined + line
        joined = ""
        line = re.sub(r"\s+#\s.*$", "", line).strip()  # a comment after the command
        if line and not line.startswith("#"):
            out.append(line)
    return out


def main(readme, bin_dir, examples):
    work = tempfile.mkdtemp(prefix="dossier-tour-")
    try:
        shutil.copytree(examples, os.path.join(work, "examples"))
        env = dict(os.environ, PATH=bin_dir + os.pathsep + os.environ["PATH"], NO_COLOR="1")
        env.pop("DOSSIER_DB", None)
        last = {}
        cmds = commands(readme)
        for n, cmd in enumerate(cmds, 1):
            ran = cmd
            for kind in ("claim", "finding", "story"):
                if kind + ":…" in ran:
                    if kind not in last:
                        print(f"FAIL: `{cmd}` needs a {kind} id no earlier command printed")
                        return 1
                    ran = ran.replace(kind + ":…", last[kind])
            r = subprocess.run(ran, shell=True, cwd=work, env=env, capture_output=True, text=True, timeout=300)
            if r.returncode != 0:
                print(f"FAIL: command {n} of {len(cmds)} exits {r.returncode}: {ran}\n{r.stdout[-2000:]}{r.stderr[-2000:]}")
                return 1
            for kind in ("claim", "finding", "story"):
                ids = re.findall(kind + r":[0-9a-z][0-9a-z-]*", r.stdout)
                if ids:
                    last[kind] = ids[-1]
            print(f"ok {n}: {ran}")
        print(f"the README tour: {len(cmds)} commands, all ran")
        return 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
