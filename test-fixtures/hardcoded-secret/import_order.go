// Vigil fixture: every credential below is fake. The fix adds "os" where gofmt keeps it: sorted inside the
// standard library's group, not first in the list and not in the group of other modules.
package main

import (
	"fmt"
	"strings"

	"example.com/vigil/config"
)

// vigil-expect: hardcoded-secret
var slackToken = "xoxb-1234567890-9876543210123-vigilFAKEslackBot0123456"

func main() {
	fmt.Println(strings.ToUpper(slackToken), config.Name)
}
