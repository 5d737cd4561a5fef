// A repository script (scripts/ at the top of the project): the command is built from the developer's arguments.
package main

import (
	"os"
	"os/exec"
)

func main() {
	target := os.Args[1]
	// vigil-ok: command-injection
	exec.Command("sh", "-c", "rsync -a build/ "+target).Run()
}
