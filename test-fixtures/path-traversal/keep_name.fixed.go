package files

import (
	"net/http"
	"os"
	"path/filepath"
)

func download(w http.ResponseWriter, r *http.Request) {
	// vigil-expect: path-traversal
	data, _ := os.ReadFile("/srv/files/" + filepath.Base(r.URL.Query().Get("name")))
	_, _ = w.Write(data)
}

func purge(w http.ResponseWriter, r *http.Request) {
	// vigil-ok: path-traversal
	_ = os.RemoveAll("/srv/files/cache")
	// vigil-expect: path-traversal
	_ = os.RemoveAll("/srv/files/" + r.FormValue("dir"))
}

func config() ([]byte, error) {
	// A path from the environment is the operator's: no finding (and so no quick fix).
	// vigil-ok: path-traversal
	return os.ReadFile(os.Getenv("APP_CONFIG"))
}
