package checksum

import (
	"crypto/md5"
	sha "crypto/sha1"
	"encoding/hex"
	"io"
)

// FileID hashes a blob for deduplication.
func FileID(data []byte) string {
	// vigil-expect: weak-hash
	sum := md5.Sum(data)
	return hex.EncodeToString(sum[:])
}

// StreamID hashes a stream.
func StreamID(r io.Reader) (string, error) {
	// vigil-expect: weak-hash
	h := sha.New()
	if _, err := io.Copy(h, r); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// Short hashes with the aliased package.
func Short(data []byte) []byte {
	// vigil-expect: weak-hash
	d := sha.Sum(data)
	return d[:8]
}

// Streaming reuses the md5 hasher.
func Streaming(parts [][]byte) []byte {
	// vigil-expect: weak-hash
	h := md5.New()
	for _, p := range parts {
		// vigil-ok: weak-hash
		h.Write(p)
	}
	// h.Sum is a method of the hasher, not the package function
	// vigil-ok: weak-hash
	return h.Sum(nil)
}

// md5Label only mentions md5 in its name.
func md5Label(name string) string {
	// vigil-ok: weak-hash
	return "md5:" + name
}

// Labels calls a local helper.
func Labels() string {
	// vigil-ok: weak-hash
	return md5Label("x")
}

// vigil-ok: weak-hash
var note = "md5.Sum was used here before"
