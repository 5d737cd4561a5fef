package web

import (
	"net/http"

	"github.com/golang-jwt/jwt/v5"
	"github.com/rs/cors"
)

func Handler(next http.Handler) http.Handler {
	// vigil-expect: insecure-config
	c := cors.New(cors.Options{AllowedOrigins: []string{"*"}, AllowCredentials: true})
	// vigil-ok: insecure-config
	d := cors.New(cors.Options{AllowedOrigins: []string{"https://app.example.com"}, AllowCredentials: true})
	_ = d
	return c.Handler(next)
}

func Login(w http.ResponseWriter, id string) {
	// vigil-expect: insecure-config
	http.SetCookie(w, &http.Cookie{Name: "session", Value: id, Secure: true, HttpOnly: true})
	// vigil-ok: insecure-config
	http.SetCookie(w, &http.Cookie{Name: "session", Value: id, Secure: true, HttpOnly: true})
}

func Unsigned(claims jwt.MapClaims) (string, error) {
	// vigil-expect: insecure-config
	token := jwt.NewWithClaims(jwt.SigningMethodNone, claims)
	// vigil-expect: insecure-config
	return token.SignedString(jwt.UnsafeAllowNoneSignatureType)
}

func Signed(claims jwt.MapClaims, key []byte) (string, error) {
	// vigil-ok: insecure-config
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(key)
}

type Flags struct{ Secure bool }

func Defaults() Flags {
	// vigil-ok: insecure-config
	return Flags{Secure: false}
}
