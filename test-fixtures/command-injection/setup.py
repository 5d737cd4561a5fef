# setup.py runs when a developer or the packaging tool builds the project.
import os
import subprocess

from setuptools import setup


def build_native(target):
    # vigil-ok: command-injection
    os.system("make -C native " + target)
    # vigil-ok: command-injection
    subprocess.call("cp native/build/*.so " + os.path.join("src", target), shell=True)


setup(name="example", version="1.0")
