import os
import shlex
import subprocess
from subprocess import Popen

BACKUP_CMD = "tar czf /backups/site.tgz /srv/site"


def ping(host):
    # vigil-expect: command-injection
    os.system("ping -c 1 " + host)


def listing(folder):
    # vigil-expect: command-injection
    return os.popen(f"ls -la '{folder}'").read()


def archive(request):
    name = request.args["name"]
    cmd = "tar czf /tmp/out.tgz %s" % name
    # vigil-expect: command-injection
    subprocess.call(cmd, shell=True)


def run_user_command(cmd):
    # vigil-expect: command-injection
    return subprocess.check_output(cmd, shell=True)


def grep(pattern):
    # vigil-expect: command-injection
    Popen("grep {} /var/log/app.log".format(pattern), shell=True)


def backup():
    # vigil-ok: command-injection
    os.system(BACKUP_CMD)


def uptime():
    # vigil-ok: command-injection
    return subprocess.check_output("uptime", shell=True)


def disk_usage():
    cmd = "df -h /"
    # vigil-ok: command-injection
    return subprocess.run(cmd, shell=True, capture_output=True)


def safe_ping(host):
    # vigil-ok: command-injection
    os.system("ping -c 1 " + shlex.quote(host))


def tail(count):
    # vigil-ok: command-injection
    os.system(f"tail -n {int(count)} /var/log/app.log")


def list_dir(folder):
    # vigil-ok: command-injection
    return subprocess.run(["ls", "-la", folder], check=True)


def list_dir_shell_list(folder):
    # vigil-ok: command-injection
    return subprocess.run(["ls", folder], shell=False)


def not_a_shell(db, query):
    # vigil-ok: command-injection
    return db.system(query)
