package client

import (
	t "crypto/tls"
	"net/http"
)

const skipVerify = true

func insecure() *http.Client {
	tr := &http.Transport{
		// vigil-expect: tls-verify-disabled
		TLSClientConfig: &t.Config{InsecureSkipVerify: skipVerify},
	}
	return &http.Client{Transport: tr}
}

func configured(debug bool) *t.Config {
	skip := false
	if debug {
		skip = true
	}
	// vigil-expect: tls-verify-disabled
	return &t.Config{MinVersion: t.VersionTLS12, InsecureSkipVerify: skip}
}

func quiet() *t.Config {
	skip := true
	skip = false
	if false {
		// vigil-ok: tls-verify-disabled
		return &t.Config{InsecureSkipVerify: skipVerify}
	}
	// vigil-ok: tls-verify-disabled
	return &t.Config{InsecureSkipVerify: skip}
}

type options struct{ InsecureSkipVerify bool }

func unrelated() options {
	// vigil-ok: tls-verify-disabled
	return options{InsecureSkipVerify: skipVerify}
}

func tweak(cfg *t.Config) {
	const insecure = true
	// vigil-expect: tls-verify-disabled
	cfg.InsecureSkipVerify = insecure
	safe := false
	// vigil-ok: tls-verify-disabled
	cfg.InsecureSkipVerify = safe
}
