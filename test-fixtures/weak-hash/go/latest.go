package release

import (
	"crypto/md5"
	"fmt"
)

// "latest" ends in "test" but is no test file, and the string "testing" below is no import: full strength.
func LatestToken(password string) string {
	mode := "testing"
	// vigil-expect: weak-hash
	sum := md5.Sum([]byte(password + mode))
	// vigil-ok: weak-hash
	return fmt.Sprintf("%x", sum)
}
