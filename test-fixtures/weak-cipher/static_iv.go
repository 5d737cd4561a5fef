package vault

import (
	"crypto/cipher"
	"crypto/rand"
	"encoding/hex"
	"io"

	"golang.org/x/crypto/chacha20poly1305"
)

var packageIV = []byte("abcdefghijklmnop")

const nonceText = "000000000000"

func throughVariables(block cipher.Block, gcm cipher.AEAD, key, data []byte) []byte {
	iv := make([]byte, block.BlockSize())
	// vigil-expect: weak-cipher
	cipher.NewCFBEncrypter(block, iv).XORKeyStream(data, data)
	// vigil-expect: weak-cipher
	cipher.NewOFB(block, packageIV).XORKeyStream(data, data)
	fromHex, _ := hex.DecodeString("000102030405060708090a0b0c0d0e0f")
	// vigil-expect: weak-cipher
	cipher.NewCTR(block, fromHex).XORKeyStream(data, data)
	nonce := make([]byte, gcm.NonceSize())
	// vigil-expect: weak-cipher
	sealed := gcm.Seal(nil, nonce, data, nil)
	aead, _ := chacha20poly1305.New(key)
	// vigil-expect: weak-cipher
	return aead.Seal(sealed, []byte(nonceText), data, nil)
}

func fresh(block cipher.Block, gcm cipher.AEAD, key, data, given []byte) ([]byte, error) {
	iv := make([]byte, block.BlockSize())
	if _, err := io.ReadFull(rand.Reader, iv); err != nil {
		return nil, err
	}
	// vigil-ok: weak-cipher
	cipher.NewCBCEncrypter(block, iv).CryptBlocks(data, data)
	// vigil-ok: weak-cipher
	cipher.NewCTR(block, given).XORKeyStream(data, data)
	nonce := make([]byte, gcm.NonceSize())
	if _, err := rand.Read(nonce); err != nil {
		return nil, err
	}
	// vigil-ok: weak-cipher
	sealed := gcm.Seal(nonce, nonce, data, nil)
	aead, err := chacha20poly1305.NewX(key)
	if err != nil {
		return nil, err
	}
	xnonce := make([]byte, chacha20poly1305.NonceSizeX, chacha20poly1305.NonceSizeX+len(data))
	rand.Read(xnonce)
	// vigil-ok: weak-cipher
	return aead.Seal(sealed, xnonce, data, nil), nil
}

type sealer struct {
	aead  cipher.AEAD
	block cipher.Block
}

func (s *sealer) seal(data []byte) []byte {
	// vigil-expect: weak-cipher
	out := s.aead.Seal(nil, make([]byte, s.aead.NonceSize()), data, nil)
	nonce := make([]byte, s.aead.NonceSize())
	if _, err := rand.Read(nonce); err != nil {
		panic(err)
	}
	// vigil-ok: weak-cipher
	return s.aead.Seal(out, nonce, data, nil)
}
