package web

import "net/http"

var allowed = map[string]bool{"https://app.example.com": true}

func Reflect(w http.ResponseWriter, r *http.Request) {
	// vigil-expect: insecure-config
	w.Header().Set("Access-Control-Allow-Origin", r.Header.Get("Origin"))
	w.Header().Set("Access-Control-Allow-Credentials", "true")
}

func Checked(w http.ResponseWriter, r *http.Request) {
	if allowed[r.Header.Get("Origin")] {
		// vigil-ok: insecure-config
		w.Header().Set("Access-Control-Allow-Origin", r.Header.Get("Origin"))
	}
}

func Fixed(w http.ResponseWriter) {
	// vigil-ok: insecure-config
	w.Header().Set("Access-Control-Allow-Origin", "https://app.example.com")
}
