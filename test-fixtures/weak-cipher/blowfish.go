package vault

import (
	"golang.org/x/crypto/blowfish"
)

// Blowfish as a cipher is weak (64-bit blocks).
func Seal(key []byte) (*blowfish.Cipher, error) {
	// vigil-expect: weak-cipher
	return blowfish.NewCipher(key)
}

// bcrypt's expensive key schedule: the salted cipher exists for it and hashes a password.
func expensiveSchedule(password, salt []byte) (*blowfish.Cipher, error) {
	// vigil-ok: weak-cipher
	c, err := blowfish.NewSaltedCipher(password, salt)
	if err != nil {
		return nil, err
	}
	// vigil-ok: weak-cipher
	blowfish.ExpandKey(password, c)
	return c, nil
}
