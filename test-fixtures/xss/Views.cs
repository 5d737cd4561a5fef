using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using System.Text.Encodings.Web;

class ProfileHelpers
{
    const string Divider = "<hr/>";

    IHtmlContent Bio(IHtmlHelper Html, Profile p)
    {
        // vigil-expect: xss
        return Html.Raw(p.Bio);
    }

    IHtmlContent Title(string name)
    {
        // vigil-expect: xss
        return new HtmlString("<h1>" + name + "</h1>");
    }

    IHtmlContent DividerHtml()
    {
        // vigil-ok: xss
        return new HtmlString(Divider);
    }

    IHtmlContent TitleSafe(string name)
    {
        // vigil-ok: xss
        return new HtmlString("<h1>" + HtmlEncoder.Default.Encode(name) + "</h1>");
    }

    string Raw(string s)
    {
        // vigil-ok: xss
        return Storage.Raw(s);
    }
}
