// Vigil fixture: literals that reach a key or password parameter through a constant, a variable or a []byte
// conversion, whatever the names. Every value is fake.
package keys

import (
	"crypto/aes"
	"crypto/des"
	"crypto/hmac"
	"crypto/sha256"
	"net/http"
	"os"

	"github.com/golang-jwt/jwt/v5"
)

const k1 = "Hd5-vigil-fixture"

var k2 = []byte("Rb8-vigil-fixture-0123456789abcd")

func sign(t *jwt.Token) (string, error) {
	// vigil-expect: hardcoded-secret
	return t.SignedString([]byte(k1))
}

func issue(c jwt.MapClaims) (string, error) {
	t := jwt.NewWithClaims(jwt.SigningMethodHS256, c)
	// vigil-expect: hardcoded-secret
	return t.SignedString(k2)
}

func issueChained(c jwt.MapClaims) (string, error) {
	// vigil-expect: hardcoded-secret
	return jwt.NewWithClaims(jwt.SigningMethodHS256, c).SignedString([]byte(k1))
}

func mac(body []byte) []byte {
	m := "Px3-vigil-fixture"
	// vigil-expect: hardcoded-secret
	h := hmac.New(sha256.New, []byte(m))
	h.Write(body)
	return h.Sum(nil)
}

func ciphers() {
	// vigil-expect: hardcoded-secret
	a, _ := aes.NewCipher(k2)
	// vigil-expect: hardcoded-secret
	d, _ := des.NewTripleDESCipher([]byte(k1 + "-0123456"))
	_, _ = a, d
}

func basic(req *http.Request) {
	p := "Bq6-vigil-fixture"
	// vigil-expect: hardcoded-secret
	req.SetBasicAuth("admin", p)
}

func fetch(url string) (*http.Response, error) {
	req, err := http.NewRequest("GET", url, nil)
	if err != nil {
		return nil, err
	}
	// vigil-expect: hardcoded-secret
	req.SetBasicAuth("admin", k1)
	return http.DefaultClient.Do(req)
}

// Keys from the environment or from the caller are no findings.
func fromEnv(t *jwt.Token, req *http.Request, given []byte) {
	e := os.Getenv("JWT_KEY")
	// vigil-ok: hardcoded-secret
	_, _ = t.SignedString([]byte(e))
	// vigil-ok: hardcoded-secret
	_ = hmac.New(sha256.New, given)
	// vigil-ok: hardcoded-secret
	_, _ = aes.NewCipher(given)
	pw := os.Getenv("API_PASSWORD")
	// vigil-ok: hardcoded-secret
	req.SetBasicAuth("admin", pw)
	n := jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{})
	// vigil-ok: hardcoded-secret
	_, _ = n.SignedString(given)
	tmpl := "${JWT_KEY}"
	// vigil-ok: hardcoded-secret
	_ = hmac.New(sha256.New, []byte(tmpl))
	r2, _ := http.NewRequest("GET", "https://example.test", nil)
	// vigil-ok: hardcoded-secret
	r2.SetBasicAuth("admin", os.Getenv("API_PASSWORD"))
}
