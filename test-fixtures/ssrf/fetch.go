package proxy

import (
	"net/http"
	"net/url"
	"os"
)

const api = "https://api.example.com/items/"

func fetch(w http.ResponseWriter, r *http.Request) {
	target := r.FormValue("url")
	// vigil-expect: ssrf
	resp, _ := http.Get(target)
	defer resp.Body.Close()
	// vigil-ok: ssrf
	ok, _ := http.Get(api + url.PathEscape(r.FormValue("id")))
	defer ok.Body.Close()
	// vigil-expect: ssrf
	req, _ := http.NewRequest("GET", "http://"+r.Header.Get("X-Host")+"/status", nil)
	_ = req
	// vigil-ok: ssrf
	fixed, _ := http.NewRequest("GET", api+"latest", nil)
	_ = fixed
}

// The operator's environment picks the endpoint: no outside input chooses it.
func fromEnvironment() {
	// vigil-ok: ssrf
	resp, _ := http.Get(os.Getenv("STATUS_URL") + "/health")
	defer resp.Body.Close()
}
