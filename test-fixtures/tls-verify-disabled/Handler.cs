using System.Net;
using System.Net.Http;
using System.Net.Security;

public static class Clients
{
    public static HttpClient Insecure()
    {
        var handler = new HttpClientHandler();
        // vigil-expect: tls-verify-disabled
        handler.ServerCertificateCustomValidationCallback = (message, cert, chain, errors) => true;
        return new HttpClient(handler);
    }

    public static HttpClient Dangerous()
    {
        var handler = new HttpClientHandler
        {
            // vigil-expect: tls-verify-disabled
            ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator,
        };
        return new HttpClient(handler);
    }

    public static void Global()
    {
        // vigil-expect: tls-verify-disabled
        ServicePointManager.ServerCertificateValidationCallback += delegate { return true; };
        // vigil-expect: tls-verify-disabled
        ServicePointManager.ServerCertificateValidationCallback = (s, c, ch, e) => { return true; };
    }

    public static HttpClient Checked()
    {
        var handler = new HttpClientHandler();
        // vigil-ok: tls-verify-disabled
        handler.ServerCertificateCustomValidationCallback = (message, cert, chain, errors) => errors == SslPolicyErrors.None;
        // vigil-ok: tls-verify-disabled
        handler.CheckCertificateRevocationList = true;
        return new HttpClient(handler);
    }

    public static bool Pinned(object s, System.Security.Cryptography.X509Certificates.X509Certificate c)
    {
        // vigil-ok: tls-verify-disabled
        return c.GetCertHashString() == "AB12";
    }
}
