import java.util.Hashtable;
import javax.naming.Context;
import javax.naming.NamingEnumeration;
import javax.naming.NamingException;
import javax.naming.directory.DirContext;
import javax.naming.directory.InitialDirContext;
import javax.naming.directory.SearchControls;
import javax.naming.directory.SearchResult;
import javax.servlet.http.HttpServletRequest;
import org.owasp.esapi.ESAPI;

class Directory {
    private static final String BASE = "ou=people,dc=example,dc=org";

    NamingEnumeration<SearchResult> find(HttpServletRequest request, DirContext ctx) throws NamingException {
        String user = request.getParameter("user");
        String filter = "(uid=" + user + ")";
        // vigil-expect: ldap-injection
        return ctx.search(BASE, filter, new SearchControls());
    }

    NamingEnumeration<SearchResult> escaped(HttpServletRequest request, DirContext ctx) throws NamingException {
        String user = ESAPI.encoder().encodeForLDAP(request.getParameter("user"));
        // vigil-ok: ldap-injection
        return ctx.search(BASE, "(uid=" + user + ")", new SearchControls());
    }

    NamingEnumeration<SearchResult> fixed(DirContext directoryContext) throws NamingException {
        String user = "admin";
        // vigil-ok: ldap-injection
        return directoryContext.search(BASE, "(uid=" + user + ")", null);
    }

    NamingEnumeration<SearchResult> fromEnv() throws NamingException {
        Hashtable<String, String> env = new Hashtable<>();
        env.put(Context.PROVIDER_URL, "ldap://localhost:389");
        DirContext directoryContext = new InitialDirContext(env);
        String group = System.getProperty("group");
        // vigil-expect: ldap-injection
        return directoryContext.search("", "(cn=" + group + ")", null);
    }

    NamingEnumeration<SearchResult> lookup(DirContext ctx, String filter) throws NamingException {
        // A wrapper handing its caller's filter on unchanged: the caller is where input would be checked.
        // vigil-ok: ldap-injection
        return ctx.search(BASE, filter, null);
    }

    java.util.List<String> notLdap(HttpServletRequest request, SearchService searchService) {
        // vigil-ok: ldap-injection
        return searchService.search(BASE, request.getParameter("q"));
    }
}
