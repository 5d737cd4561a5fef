using System.DirectoryServices;
using Microsoft.AspNetCore.Mvc;

public class DirectoryController : Controller
{
    public IActionResult Find([FromQuery] string user)
    {
        // vigil-expect: ldap-injection
        var searcher = new DirectorySearcher("(sAMAccountName=" + user + ")");
        var other = new DirectorySearcher();
        // vigil-expect: ldap-injection
        other.Filter = $"(cn={Request.Query["name"]})";
        // vigil-ok: ldap-injection
        other.Filter = "(objectClass=user)";
        // vigil-ok: ldap-injection
        var fixedSearch = new DirectorySearcher("(objectClass=group)");
        return Ok(searcher.FindOne() != null && fixedSearch.FindOne() != null);
    }
}
