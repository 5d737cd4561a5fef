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

// A wrapper of the conversion: its callers decide what is HTML, and one that passes input is reported there.
func Raw(s string) template.HTML {
	// vigil-ok: xss
	return template.HTML(s)
}

type Comment struct{ Body string }

// A field of a parameter is data read from an object, not a value handed through.
func Body(c *Comment) template.HTML {
	// vigil-expect: xss
	return template.HTML(c.Body)
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
