using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;
using System.IdentityModel.Tokens.Jwt;

class Startup
{
    void ConfigureServices(IServiceCollection services)
    {
        services.AddCors(o => o.AddPolicy("api", policy =>
            // vigil-expect: insecure-config
            policy.SetIsOriginAllowed(_ => true).AllowAnyHeader().AllowCredentials()));
        services.AddCors(o => o.AddPolicy("site", policy =>
            // vigil-ok: insecure-config
            policy.WithOrigins("https://app.example.com").AllowCredentials()));
        services.AddCors(o => o.AddPolicy("public", policy =>
            // vigil-ok: insecure-config
            policy.AllowAnyOrigin().AllowAnyMethod()));
    }

    TokenValidationParameters Tokens(SecurityKey key) => new TokenValidationParameters
    {
        IssuerSigningKey = key,
        // vigil-expect: insecure-config
        RequireSignedTokens = false,
        // vigil-ok: insecure-config
        ValidateAudience = false,
    };

    TokenValidationParameters Forged() => new TokenValidationParameters
    {
        // vigil-expect: insecure-config
        SignatureValidator = (token, parameters) => new JwtSecurityToken(token),
    };

    void Login(HttpResponse response, string id)
    {
        // vigil-expect: insecure-config
        response.Cookies.Append("session", id, new CookieOptions { HttpOnly = false, Secure = true });
        // vigil-ok: insecure-config
        response.Cookies.Append("session", id, new CookieOptions { HttpOnly = true, Secure = true });
    }

    void Policy(CookiePolicyOptions options)
    {
        // vigil-expect: insecure-config
        options.Secure = CookieSecurePolicy.None;
        // vigil-ok: insecure-config
        options.Secure = CookieSecurePolicy.Always;
    }
}
