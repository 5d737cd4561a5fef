package client

import (
	"crypto/tls"
	"crypto/x509"
	"net/http"
)

func insecure() *http.Client {
	tr := &http.Transport{
		// vigil-expect: tls-verify-disabled
		TLSClientConfig: &tls.Config{InsecureSkipVerify: true},
	}
	return &http.Client{Transport: tr}
}

func tweak(cfg *tls.Config, debug bool) {
	// vigil-expect: tls-verify-disabled
	cfg.InsecureSkipVerify = true
	// vigil-ok: tls-verify-disabled
	cfg.InsecureSkipVerify = false
	// vigil-ok: tls-verify-disabled
	cfg.InsecureSkipVerify = debug
}

func secure(pool *x509.CertPool) *tls.Config {
	// vigil-ok: tls-verify-disabled
	return &tls.Config{RootCAs: pool, MinVersion: tls.VersionTLS12, InsecureSkipVerify: false}
}
