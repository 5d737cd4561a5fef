import os
import subprocess

TOOLS = {"gzip", "bzip2", "xz"}


def compress(tool, path, level: int):
    if tool not in TOOLS:
        raise ValueError(tool)
    # vigil-ok: command-injection
    os.system(f"{tool} -{level} archive.tar")
    # vigil-expect: command-injection
    os.system(f"{tool} {path}")


def nice(pid, verbose):
    flag = "-v" if verbose else ""
    # vigil-ok: command-injection
    subprocess.run(f"renice {flag} -n 5 {int(pid)}", shell=True)
