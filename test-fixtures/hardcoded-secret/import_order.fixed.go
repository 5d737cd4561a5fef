// Vigil fixture: every credential below is fake. The fix adds "os" where gofmt keeps it: sorted inside the
// standard library's group, not first in the list and not in the group of other modules.
package main

import (
	"fmt"
	"os"
	"strings"

	"example.com/vigil/config"
)

// vigil-expect: hardcoded-secret
var slackToken = os.Getenv("SLACK_TOKEN")

func main() {
	fmt.Println(strings.ToUpper(slackToken), config.Name)
}
