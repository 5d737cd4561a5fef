package testdata

import "crypto/sha1"

// Files under testdata/ are inputs of Go tests, never built into the program.
func LegacyToken(secret []byte) []byte {
	// vigil-demoted: weak-hash
	h := sha1.New()
	h.Write(secret)
	return h.Sum(nil)
}

// vigil-ok: weak-hash
var label = "sha1"
