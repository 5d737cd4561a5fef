// Vigil fixture: secrets as default parameter values. Every value is fake.
class Params
{
    // vigil-expect: hardcoded-secret
    public void Connect(string host, string password = "Vg9-default-Fixture-Cs1") { }
    // vigil-ok: hardcoded-secret
    public void Connect2(string host, string password = "") { }
    // vigil-ok: hardcoded-secret
    public void Connect3(string host, string passwordField = "Vg9-default-Fixture-Cs2") { }
}
