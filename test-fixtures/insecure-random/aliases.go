package auth

import (
	mr "math/rand"
	"strconv"
)

func NewInviteCode() string {
	// vigil-expect: insecure-random
	inviteCode := strconv.Itoa(mr.Intn(1000000))
	return inviteCode
}

func Jitter() int {
	// vigil-ok: insecure-random
	jitterMs := mr.Intn(250)
	return jitterMs
}
