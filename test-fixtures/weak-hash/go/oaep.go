package wire

import (
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha1"
	"io"
)

// RSA-OAEP with SHA-1 as its hash and mask: OAEP's security does not rest on collision resistance.
func encryptSecret(secret []byte, pub *rsa.PublicKey) ([]byte, error) {
	// vigil-ok: weak-hash
	h := sha1.New()
	return rsa.EncryptOAEP(h, rand.Reader, pub, secret, nil)
}

func checksum(r io.Reader) ([]byte, error) {
	// vigil-expect: weak-hash
	h := sha1.New()
	if _, err := io.Copy(h, r); err != nil {
		return nil, err
	}
	return h.Sum(nil), nil
}

// The variable shadows the package it comes from.
func encryptShadowed(secret []byte, pub *rsa.PublicKey) ([]byte, error) {
	// vigil-ok: weak-hash
	sha1 := sha1.New()
	return rsa.EncryptOAEP(sha1, rand.Reader, pub, secret, nil)
}
