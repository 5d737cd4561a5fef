using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp.Scripting;

public class Globals { public int X; }

class Formulas
{
    async Task<int> Evaluate(string formula)
    {
        // Built from parameters only, with no caller here: no sign of outside input (a caller elsewhere that passes input is reported by a scan).
        // vigil-ok: code-injection
        return await CSharpScript.EvaluateAsync<int>(formula);
    }

    async Task<object> Run(string body)
    {
        // vigil-expect: code-injection
        return await CSharpScript.RunAsync("return " + body + ";");
    }

    async Task<int> EvaluateSafe(int x)
    {
        // vigil-ok: code-injection
        return await CSharpScript.EvaluateAsync<int>("X * 2", globals: new Globals { X = x });
    }

    async Task<int> Constant()
    {
        // vigil-ok: code-injection
        return await CSharpScript.EvaluateAsync<int>("1 + 2");
    }

    async Task<object> RunRequest(Microsoft.AspNetCore.Http.HttpRequest Request)
    {
        return await Run(Request.Query["body"]);
    }
}
