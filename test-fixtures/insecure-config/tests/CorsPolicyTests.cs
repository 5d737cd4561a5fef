using System;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Xunit;

public class CorsPolicyTests
{
    [Fact]
    public void AnyOriginWithCredentialsIsRejected()
    {
        var builder = new CorsPolicyBuilder();
        // vigil-ok: insecure-config
        Assert.Throws<InvalidOperationException>(() => builder.AllowAnyOrigin().AllowCredentials().Build());
    }

    [Fact]
    public void DemoPolicy()
    {
        var builder = new CorsPolicyBuilder();
        // vigil-demoted: insecure-config
        builder.SetIsOriginAllowed(_ => true).AllowCredentials();
    }
}
