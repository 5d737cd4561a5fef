using System.Xml;
using Microsoft.AspNetCore.Mvc;

public class CatalogController : Controller
{
    private readonly XmlDocument doc = new XmlDocument();

    public IActionResult Item([FromQuery] string name)
    {
        // vigil-expect: xpath-injection
        var node = doc.SelectSingleNode("//item[name='" + name + "']/price");
        // vigil-ok: xpath-injection
        var all = doc.SelectNodes("//item/name");
        return Content(node?.InnerText + all?.Count);
    }
}
