package auth

import (
	"crypto/hmac"
	"crypto/md5"
	"encoding/hex"
	"fmt"
)

// Checksum is flagged and fixed; md5 stays imported for the calls below.
func Checksum(data []byte) string {
	// vigil-expect: weak-hash
	return fmt.Sprintf("%x", md5.Sum(data))
}

// LegacyPassword hashes a password: flagged with the password message and no SHA-256 fix.
func LegacyPassword(password string) string {
	// vigil-expect: weak-hash
	sum := md5.Sum([]byte(password))
	return hex.EncodeToString(sum[:])
}

// Sign uses HMAC-MD5, which is not broken as a MAC.
func Sign(key, msg []byte) []byte {
	// vigil-ok: weak-hash
	mac := hmac.New(md5.New, key)
	mac.Write(msg)
	return mac.Sum(nil)
}

// Size refers to the package without hashing.
func Size() int {
	// vigil-ok: weak-hash
	return md5.Size
}
