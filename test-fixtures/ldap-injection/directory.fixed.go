package directory

import (
	"net/http"

	"github.com/go-ldap/ldap/v3"
)

const base = "ou=people,dc=example,dc=org"

func find(w http.ResponseWriter, r *http.Request) {
	uid := r.URL.Query().Get("uid")
	// vigil-expect: ldap-injection
	req := ldap.NewSearchRequest(base, ldap.ScopeWholeSubtree, ldap.NeverDerefAliases, 0, 0, false, "(uid="+ldap.EscapeFilter(uid)+")", []string{"cn"}, nil)
	// vigil-ok: ldap-injection
	safe := ldap.NewSearchRequest(base, ldap.ScopeWholeSubtree, ldap.NeverDerefAliases, 0, 0, false, "(uid="+ldap.EscapeFilter(uid)+")", []string{"cn"}, nil)
	_, _ = req, safe
}

func all() *ldap.SearchRequest {
	// vigil-ok: ldap-injection
	return ldap.NewSearchRequest(base, ldap.ScopeWholeSubtree, ldap.NeverDerefAliases, 0, 0, false, "(objectClass=person)", []string{"cn"}, nil)
}
