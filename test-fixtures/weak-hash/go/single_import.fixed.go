package tokens

import "crypto/sha256"

// Token derives a short identifier.
func Token(seed []byte) []byte {
	// vigil-expect: weak-hash
	sum := sha256.Sum256(seed)
	return sum[:]
}

// vigil-ok: weak-hash
const sha1Note = "sha1.Sum"
