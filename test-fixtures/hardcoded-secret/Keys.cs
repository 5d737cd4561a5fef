// Vigil fixture: string literals used as signing and encryption keys. Every value is fake.
class Keys
{
    void F(byte[] material, string password)
    {
        // vigil-expect: hardcoded-secret
        var k = new SymmetricSecurityKey(Encoding.UTF8.GetBytes("jwt-vigil-fixture-0123456789abcdef"));
        // vigil-ok: hardcoded-secret
        var k2 = new SymmetricSecurityKey(material);
        // vigil-expect: hardcoded-secret
        var h = new HMACSHA256(Encoding.UTF8.GetBytes("hmac-vigil-fixture"));
        // vigil-ok: hardcoded-secret
        var h2 = new HMACSHA256(Encoding.UTF8.GetBytes(Environment.GetEnvironmentVariable("HMAC_KEY")));
        // vigil-expect: hardcoded-secret
        var c = new NetworkCredential("admin", "basic-vigil-fixture");
        // vigil-ok: hardcoded-secret
        var c2 = new NetworkCredential("admin", password);
    }
}
