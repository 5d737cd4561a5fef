package vault

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/des"
	"crypto/rand"
	"crypto/rc4"
	"io"
)

var fixedIV = []byte("0123456789abcdef")

func legacy(key []byte) (cipher.Block, *rc4.Cipher) {
	// vigil-expect: weak-cipher
	block, _ := des.NewTripleDESCipher(key)
	// vigil-expect: weak-cipher
	stream, _ := rc4.NewCipher(key)
	return block, stream
}

func staticIV(key, data []byte) []byte {
	block, _ := aes.NewCipher(key)
	out := make([]byte, len(data))
	// vigil-expect: weak-cipher
	cipher.NewCBCEncrypter(block, []byte("0000000000000000")).CryptBlocks(out, data)
	// vigil-expect: weak-cipher
	cipher.NewCTR(block, make([]byte, aes.BlockSize)).XORKeyStream(out, data)
	gcm, _ := cipher.NewGCM(block)
	// vigil-expect: weak-cipher
	return gcm.Seal(nil, []byte{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, data, nil)
}

func good(key, data []byte) ([]byte, error) {
	// vigil-ok: weak-cipher
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil, err
	}
	gcm, err := cipher.NewGCM(block)
	if err != nil {
		return nil, err
	}
	nonce := make([]byte, gcm.NonceSize())
	if _, err := io.ReadFull(rand.Reader, nonce); err != nil {
		return nil, err
	}
	iv := make([]byte, aes.BlockSize)
	if _, err := rand.Read(iv); err != nil {
		return nil, err
	}
	// vigil-ok: weak-cipher
	_ = cipher.NewCBCEncrypter(block, iv)
	// vigil-ok: weak-cipher
	return gcm.Seal(nonce, nonce, data, nil), nil
}

func other(key []byte) {
	// vigil-ok: weak-cipher
	_ = fixedIV
	// vigil-ok: weak-cipher
	_, _ = des.NewCipher
}
