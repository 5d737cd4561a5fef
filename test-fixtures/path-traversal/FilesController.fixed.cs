using System.IO;
using Microsoft.AspNetCore.Mvc;

public class FilesController : Controller
{
    private const string Root = "/srv/files";

    public IActionResult Read()
    {
        string name = Request.Query["name"];
        // vigil-expect: path-traversal
        var text = File.ReadAllText(Path.Combine(Root, Path.GetFileName(name)));
        // vigil-ok: path-traversal
        var safe = File.ReadAllText(Path.Combine(Root, Path.GetFileName(name)));
        return Content(text + safe);
    }

    public IActionResult Stream([FromQuery] string file)
    {
        // vigil-expect: path-traversal
        using var s = new FileStream(Path.Combine(Root, Path.GetFileName(file)), FileMode.Open);
        return Ok();
    }

    public IActionResult Fixed()
    {
        string name = Request.Query["name"];
        name = "index.html";
        // vigil-ok: path-traversal
        return Content(File.ReadAllText(Path.Combine(Root, name)));
    }

    private void Delete(string path)
    {
        // vigil-expect: path-traversal
        File.Delete(Root + "/" + Path.GetFileName(path));
    }

    public IActionResult Purge()
    {
        Delete(Request.Headers["X-File"]);
        Delete("cache.db");
        // vigil-ok: path-traversal
        File.Delete(Path.Combine(Root, "cache.db"));
        return Ok();
    }
}
