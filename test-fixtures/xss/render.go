package web

import (
	"html/template"
	"net/http"
)

const footer = "<footer>Example</footer>"

func Bio(r *http.Request) template.HTML {
	// vigil-expect: xss
	return template.HTML("<b>" + r.FormValue("name") + "</b>")
}

func Raw(s string) template.HTML {
	// vigil-expect: xss
	return template.HTML(s)
}

func Footer() template.HTML {
	// vigil-ok: xss
	return template.HTML(footer)
}

func Escaped(s string) template.HTML {
	// vigil-ok: xss
	return template.HTML("<b>" + template.HTMLEscapeString(s) + "</b>")
}

func Plain(r *http.Request) string {
	// vigil-ok: xss
	return r.FormValue("name")
}
