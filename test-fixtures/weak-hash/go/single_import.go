package tokens

import "crypto/sha1"

// Token derives a short identifier.
func Token(seed []byte) []byte {
	// vigil-expect: weak-hash
	sum := sha1.Sum(seed)
	return sum[:]
}

// vigil-ok: weak-hash
const sha1Note = "sha1.Sum"
