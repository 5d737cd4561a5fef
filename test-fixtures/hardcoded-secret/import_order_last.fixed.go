// Vigil fixture: every credential below is fake. "os" sorts after every standard library import here, so it goes
// after the last one (its trailing comment stays on its own line).
package main

import (
	"encoding/json"
	"fmt" // printing
	"os"
)

// vigil-expect: hardcoded-secret
var slackToken = os.Getenv("SLACK_TOKEN")

func main() {
	out, _ := json.Marshal(slackToken)
	fmt.Println(string(out))
}
