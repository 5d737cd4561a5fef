package files

import (
	"net/http"
	"os"
	"path/filepath"
)

const root = "/srv/files"
const legacy = false

func download(w http.ResponseWriter, r *http.Request) {
	name := r.URL.Query().Get("name")
	// vigil-expect: path-traversal
	f, _ := os.Open(filepath.Join(root, filepath.Base(name)))
	defer f.Close()
	// vigil-ok: path-traversal
	g, _ := os.Open(filepath.Join(root, filepath.Base(name)))
	defer g.Close()
}

func serve(w http.ResponseWriter, r *http.Request) {
	file := r.FormValue("file")
	file = "index.html"
	// vigil-ok: path-traversal
	http.ServeFile(w, r, filepath.Join(root, file))
	target := "index.html"
	if legacy {
		target = r.FormValue("file")
	}
	// vigil-ok: path-traversal
	http.ServeFile(w, r, filepath.Join(root, target))
}

func remove(path string) error {
	// vigil-expect: path-traversal
	return os.Remove(root + "/" + filepath.Base(path))
}

func cleanup(w http.ResponseWriter, r *http.Request) {
	_ = remove(r.Header.Get("X-File"))
	_ = remove("cache.db")
}
