// Vigil fixture: every credential below is fake.
package main

import (
	"fmt"
	"os"
)

// vigil-expect: hardcoded-secret
var dbPassword = os.Getenv("DB_PASSWORD")

// vigil-ok: hardcoded-secret
const passwordEnvVar = "DB_PASSWORD"

// vigil-expect: hardcoded-secret
var slackToken = os.Getenv("SLACK_TOKEN")

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
	secret := os.Getenv("SECRET")
	// vigil-ok: hardcoded-secret
	tokenPrefix := "Bearer"
	cfg := Config{
		// vigil-ok: hardcoded-secret
		User: "svc_reporting_2024",
		// vigil-expect: hardcoded-secret
		Password: os.Getenv("PASSWORD"),
		// vigil-ok: hardcoded-secret
		Token: "",
	}
	// vigil-expect: hardcoded-secret
	cfg.Token = os.Getenv("TOKEN")
	// vigil-ok: hardcoded-secret
	cfg.Token = "REPLACE_ME_WITH_A_TOKEN"
	headers := map[string]string{
		// vigil-expect: hardcoded-secret
		"X-Api-Key": os.Getenv("X_API_KEY"),
		// vigil-ok: hardcoded-secret
		"X-Request-Id": "550e8400-e29b-41d4-a716-446655440000",
	}
	fmt.Println(secret, tokenPrefix, headers)
	return cfg
}
