// Vigil fixture: an HMAC key written at the call, with crypto/hmac imported under another name. Every value is fake.
package keys

import (
	mac "crypto/hmac"
	"crypto/sha256"
	"os"

	"github.com/golang-jwt/jwt/v5"
)

func aliased(msg []byte) []byte {
	// vigil-expect: hardcoded-secret
	h := mac.New(sha256.New, []byte("Zq4-vigil-fixture-alias"))
	h.Write(msg)
	return h.Sum(nil)
}

func fromEnvironment(msg []byte) []byte {
	// vigil-ok: hardcoded-secret
	h := mac.New(sha256.New, []byte(os.Getenv("MAC_KEY")))
	h.Write(msg)
	return h.Sum(nil)
}

func placeholder(msg []byte) []byte {
	// vigil-ok: hardcoded-secret
	h := mac.New(sha256.New, []byte("${MAC_KEY}"))
	h.Write(msg)
	return h.Sum(nil)
}

// A helper that hands back "{}" on one path (an empty JSON document for a "+" argument) gives no key.
func loadKey(p string) ([]byte, error) {
	if p == "+" {
		return []byte("{}"), nil
	}
	return os.ReadFile(p)
}

func signWith(token *jwt.Token, p string) (string, error) {
	key, err := loadKey(p)
	if err != nil {
		return "", err
	}
	// vigil-ok: hardcoded-secret
	return token.SignedString(key)
}
