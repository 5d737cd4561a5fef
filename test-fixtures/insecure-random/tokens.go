package auth

import (
	crand "crypto/rand"
	"encoding/hex"
	"math/rand"
	"strconv"
)

const letters = "abcdefghijklmnopqrstuvwxyz"

func NewSessionToken() string {
	// vigil-expect: insecure-random
	return strconv.FormatInt(rand.Int63(), 36)
}

func RandomPassword(n int) string {
	b := make([]byte, n)
	for i := range b {
		// vigil-expect: insecure-random
		b[i] = letters[rand.Intn(len(letters))]
	}
	return string(b)
}

func issue() (string, int) {
	// vigil-expect: insecure-random
	resetCode := strconv.Itoa(100000 + rand.Intn(900000))
	// vigil-ok: insecure-random
	retryAfter := rand.Intn(30)
	return resetCode, retryAfter
}

func fill() []byte {
	nonce := make([]byte, 12)
	// vigil-expect: insecure-random
	rand.Read(nonce)
	buf := make([]byte, 12)
	// vigil-ok: insecure-random
	rand.Read(buf)
	return append(nonce, buf...)
}

func secure() string {
	apiKey := make([]byte, 32)
	// vigil-ok: insecure-random
	_, _ = crand.Read(apiKey)
	// vigil-ok: insecure-random
	pick := rand.Perm(5)
	_ = pick
	return hex.EncodeToString(apiKey)
}

func shuffled(xs []int) {
	// vigil-ok: insecure-random
	rand.Shuffle(len(xs), func(i, j int) { xs[i], xs[j] = xs[j], xs[i] })
}
