package store

import (
	"crypto/md5"
	"crypto/sha256"
	"testing"
)

// A _test.go file: the weak hash builds a fixture value, so the finding is demoted, not dropped.
func TestLegacyChecksum(t *testing.T) {
	// vigil-demoted: weak-hash
	sum := md5.Sum([]byte("password"))
	// vigil-ok: weak-hash
	modern := sha256.Sum256([]byte("password"))
	if sum == [16]byte{} || modern == [32]byte{} {
		t.Fatal("empty digest")
	}
}
