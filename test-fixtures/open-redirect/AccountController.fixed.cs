using Microsoft.AspNetCore.Mvc;

public class AccountController : Controller
{
    public IActionResult Login([FromQuery] string returnUrl)
    {
        // vigil-expect: open-redirect
        return LocalRedirect(returnUrl);
    }

    public IActionResult Safe([FromQuery] string returnUrl)
    {
        // vigil-ok: open-redirect
        return LocalRedirect(returnUrl);
    }

    public IActionResult Old()
    {
        string next = Request.Query["next"];
        // vigil-expect: open-redirect
        Response.Redirect(next);
        // vigil-ok: open-redirect
        return Redirect("/home");
    }
}
