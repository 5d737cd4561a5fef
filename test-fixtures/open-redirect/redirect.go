package web

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

const home = "/home"

func login(w http.ResponseWriter, r *http.Request) {
	next := r.URL.Query().Get("next")
	// vigil-expect: open-redirect
	http.Redirect(w, r, next, http.StatusFound)
	// vigil-ok: open-redirect
	http.Redirect(w, r, home, http.StatusFound)
}

func back(c *gin.Context) {
	// vigil-expect: open-redirect
	c.Redirect(http.StatusFound, c.Query("return"))
	target := c.Query("return")
	target = "/"
	// vigil-ok: open-redirect
	c.Redirect(http.StatusFound, target)
}
