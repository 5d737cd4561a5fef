package catalog

import (
	"net/http"

	"github.com/antchfx/xmlquery"
)

func item(w http.ResponseWriter, r *http.Request, doc *xmlquery.Node) {
	name := r.FormValue("name")
	// vigil-expect: xpath-injection
	nodes := xmlquery.Find(doc, "//item[name='"+name+"']/price")
	// vigil-ok: xpath-injection
	all := xmlquery.Find(doc, "//item/name")
	_, _ = nodes, all
}
