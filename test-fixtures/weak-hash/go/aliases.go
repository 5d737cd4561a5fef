package store

import (
	legacy "crypto/md5"
	"crypto/sha256"
	md5 "example.com/internal/fakemd5"
)

func Checksum(data []byte) []byte {
	// vigil-expect: weak-hash
	h := legacy.New()
	h.Write(data)
	return h.Sum(nil)
}

func Strong(data []byte) [32]byte {
	// vigil-ok: weak-hash
	return sha256.Sum256(data)
}

func Lookalike(data []byte) []byte {
	// vigil-ok: weak-hash
	return md5.Sum(data)
}
