// Vigil fixture: every credential below is fake. "os" sorts after every standard library import here, so it goes
// after the last one (its trailing comment stays on its own line).
package main

import (
	"encoding/json"
	"fmt" // printing
)

// vigil-expect: hardcoded-secret
var slackToken = "xoxb-1234567890-9876543210123-vigilFAKEslackBot0123456"

func main() {
	out, _ := json.Marshal(slackToken)
	fmt.Println(string(out))
}
