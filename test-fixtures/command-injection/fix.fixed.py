import subprocess


def compress(archive, folder):
    # vigil-expect: command-injection
    subprocess.run(["tar", "czf", archive, folder])


def show(name):
    # vigil-expect: command-injection
    return subprocess.check_output(["cat", name], text=True)


def quoted(name):
    # The quotes are shell syntax, so no fix is offered here.
    # vigil-expect: command-injection
    subprocess.run(f"cat '{name}'", shell=True)


def constant():
    # vigil-ok: command-injection
    subprocess.run("ls -la", shell=True)


def argv(archive, folder):
    # vigil-ok: command-injection
    subprocess.run(["tar", "czf", archive, folder])


def env_only(folder):
    # vigil-ok: command-injection
    subprocess.run(["du", "-sh", folder], env={"LC_ALL": "C"})
