using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

public class PagesController : ControllerBase
{
    public IActionResult Moved([FromQuery] string to)
    {
        // vigil-expect: open-redirect
        return LocalRedirectPermanent(to);
    }

    public IActionResult MovedHome()
    {
        // vigil-ok: open-redirect
        return RedirectPermanent("/home");
    }
}

public static class Links
{
    public static void Send(HttpContext context)
    {
        // Not a controller: there is no LocalRedirect here, so no quick fix.
        // vigil-expect: open-redirect
        context.Response.Redirect(context.Request.Query["to"]);
        // vigil-ok: open-redirect
        context.Response.Redirect("/");
    }
}
