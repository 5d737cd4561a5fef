package vault

import (
	"crypto/aes"
	"crypto/cipher"
	legacy "crypto/des"
)

func Old(key []byte) (cipher.Block, error) {
	// vigil-expect: weak-cipher
	return legacy.NewTripleDESCipher(key)
}

func New(key []byte) (cipher.Block, error) {
	// vigil-ok: weak-cipher
	return aes.NewCipher(key)
}
