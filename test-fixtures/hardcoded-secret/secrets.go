// Vigil fixture: every credential below is fake.
package main

import (
	"fmt"
)

// vigil-expect: hardcoded-secret
const dbPassword = "Qx7-vigil-Fixture-92kLm"

// vigil-ok: hardcoded-secret
const passwordEnvVar = "DB_PASSWORD"

// vigil-expect: hardcoded-secret
var slackToken = "xoxb-1234567890-9876543210123-vigilFAKEslackBot0123456"

// vigil-ok: hardcoded-secret
var apiKey = os.Getenv("API_KEY")

const (
	// vigil-expect: hardcoded-secret
	signingKey = "k8S-vigil-Fixture-s1gn-77"
	// vigil-ok: hardcoded-secret
	signingAlg = "HS256"
)

type Config struct {
	User     string
	Password string
	Token    string
}

func load() Config {
	// vigil-expect: hardcoded-secret
	secret := "N0t-a-Real-Pass!742"
	// vigil-ok: hardcoded-secret
	tokenPrefix := "Bearer"
	cfg := Config{
		// vigil-ok: hardcoded-secret
		User: "svc_reporting_2024",
		// vigil-expect: hardcoded-secret
		Password: "Zr4!vigil_fixture_T9qW",
		// vigil-ok: hardcoded-secret
		Token: "",
	}
	// vigil-expect: hardcoded-secret
	cfg.Token = "c2b9f1e07d3a4c58b6e1f0a9d2c7e4b3"
	// vigil-ok: hardcoded-secret
	cfg.Token = "REPLACE_ME_WITH_A_TOKEN"
	headers := map[string]string{
		// vigil-expect: hardcoded-secret
		"X-Api-Key": "m4il-Vigil-Fixture!0a9",
		// vigil-ok: hardcoded-secret
		"X-Request-Id": "550e8400-e29b-41d4-a716-446655440000",
	}
	fmt.Println(secret, tokenPrefix, headers)
	return cfg
}
