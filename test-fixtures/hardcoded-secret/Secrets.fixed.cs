// Vigil fixture: every credential below is fake.
using System;
using System.Collections.Generic;

namespace Vigil.Fixtures
{
    public class Secrets
    {
        // vigil-expect: hardcoded-secret
        private static readonly string DbPassword = Environment.GetEnvironmentVariable("DB_PASSWORD");
        // vigil-expect: hardcoded-secret
        private static readonly string SendGridKey = Environment.GetEnvironmentVariable("SEND_GRID_KEY");
        // vigil-ok: hardcoded-secret
        private const string PasswordSettingName = "Reporting:DbPassword";
        // vigil-ok: hardcoded-secret
        private static readonly string ApiKey = Environment.GetEnvironmentVariable("API_KEY");

        // vigil-expect: hardcoded-secret
        public string ClientSecret { get; set; } = Environment.GetEnvironmentVariable("CLIENT_SECRET");
        // vigil-ok: hardcoded-secret
        public string ClientSecretName { get; set; } = "reporting-client-secret";

        public void Configure()
        {
            // vigil-expect: hardcoded-secret
            string localToken = Environment.GetEnvironmentVariable("LOCAL_TOKEN");
            // vigil-ok: hardcoded-secret
            var token = Environment.GetEnvironmentVariable("TOKEN") ?? "";
            var options = new ConnectionOptions
            {
                // vigil-ok: hardcoded-secret
                User = "svc_reporting_2024",
                // vigil-expect: hardcoded-secret
                Password = Environment.GetEnvironmentVariable("PASSWORD"),
            };
            // vigil-expect: hardcoded-secret
            Connect(user: "svc", password: Environment.GetEnvironmentVariable("PASSWORD"));
            // vigil-ok: hardcoded-secret
            Connect(user: "svc", password: "********");
            // vigil-expect: hardcoded-secret
            var conn = "Server=db.vigil.invalid;Database=app;User Id=reporting;Password=Vg9-cs-Fixture-33;";
            // vigil-ok: hardcoded-secret
            var connSafe = "Server=db.vigil.invalid;Database=app;Integrated Security=true;";
            Console.WriteLine(localToken + token + options + conn + connSafe);
        }

        private static void Connect(string user, string password) { }
    }

    public class ConnectionOptions
    {
        public string User { get; set; }
        public string Password { get; set; }
    }
}
