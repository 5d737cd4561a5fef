// Vigil fixture: string literals used as signing and encryption keys. Every value is fake.
package keys

func keys(token *jwt.Token, req *http.Request, key []byte) {
	// vigil-expect: hardcoded-secret
	s, _ := token.SignedString([]byte("jwt-vigil-fixture"))
	// vigil-ok: hardcoded-secret
	s2, _ := token.SignedString(key)
	// vigil-expect: hardcoded-secret
	mac := hmac.New(sha256.New, []byte("hmac-vigil-fixture"))
	// vigil-ok: hardcoded-secret
	mac2 := hmac.New(sha256.New, key)
	// vigil-expect: hardcoded-secret
	block, _ := aes.NewCipher([]byte("0123456789abcdef"))
	// vigil-ok: hardcoded-secret
	block2, _ := aes.NewCipher(key)
	// vigil-expect: hardcoded-secret
	req.SetBasicAuth("admin", "basic-vigil-fixture")
	// vigil-ok: hardcoded-secret
	req.SetBasicAuth("admin", os.Getenv("API_PASSWORD"))
	_, _, _, _, _, _ = s, s2, mac, mac2, block, block2
}
