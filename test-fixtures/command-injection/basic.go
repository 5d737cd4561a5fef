package tools

import (
	"os/exec"
	"strconv"
)

const cleanup = "rm -rf /tmp/cache"

func Grep(pattern string) ([]byte, error) {
	// vigil-expect: command-injection
	return exec.Command("sh", "-c", "grep "+pattern+" /var/log/app.log").Output()
}

func Archive(name string) error {
	cmd := "tar czf /tmp/out.tgz " + name
	// vigil-expect: command-injection
	return exec.Command("/bin/bash", "-c", cmd).Run()
}

func Windows(dir string) error {
	// vigil-expect: command-injection
	return exec.CommandContext(ctx, "cmd", "/c", "dir "+dir).Run()
}

func GrepSafe(pattern string) ([]byte, error) {
	// vigil-ok: command-injection
	return exec.Command("grep", "--", pattern, "/var/log/app.log").Output()
}

func Cleanup() error {
	// vigil-ok: command-injection
	return exec.Command("sh", "-c", "rm -rf /tmp/cache && mkdir /tmp/cache").Run()
}

func Head(n int) error {
	// vigil-ok: command-injection
	return exec.Command("sh", "-c", "head -n "+strconv.Itoa(n)+" /var/log/syslog").Run()
}

func Version() error {
	// vigil-ok: command-injection
	return exec.Command("go", "version").Run()
}
