using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Mvc;

public class ProxyController : Controller
{
    private static readonly HttpClient client = new HttpClient();
    private const string Api = "https://api.example.com/items/";

    public async Task<IActionResult> Fetch([FromQuery] string url)
    {
        // vigil-expect: ssrf
        var body = await client.GetStringAsync(url);
        // vigil-ok: ssrf
        var fixedBody = await client.GetStringAsync(Api + "latest");
        return Content(body + fixedBody);
    }

    public async Task<IActionResult> Item()
    {
        string id = Request.Query["id"];
        // vigil-ok: ssrf
        var safe = await client.GetStringAsync(Api + System.Uri.EscapeDataString(id));
        // vigil-expect: ssrf
        var raw = await client.GetStringAsync("http://" + Request.Headers["X-Host"] + "/items");
        return Content(safe + raw);
    }
}
