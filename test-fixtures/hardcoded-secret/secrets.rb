# Vigil fixture: every credential below is fake.
require "net/http"

# vigil-expect: hardcoded-secret
DB_PASSWORD = "Qx7-vigil-Fixture-92kLm"
# vigil-ok: hardcoded-secret
DB_PASSWORD_FROM_ENV = ENV["DB_PASSWORD"]
# vigil-ok: hardcoded-secret
api_token = ENV.fetch("API_TOKEN")
# vigil-ok: hardcoded-secret
auth_token = "#{prefix}-#{suffix}"
# vigil-expect: hardcoded-secret
npm_token = "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"

class Client
  def initialize
    # vigil-expect: hardcoded-secret
    @api_key = "c2b9f1e07d3a4c58b6e1f0a9d2c7e4b3"
    # vigil-ok: hardcoded-secret
    @api_key_name = "reporting"
  end

  def options
    {
      # vigil-expect: hardcoded-secret
      password: "Zr4!vigil_fixture_T9qW",
      # vigil-ok: hardcoded-secret
      username: "svc_reporting_2024",
      # vigil-expect: hardcoded-secret
      "client_secret" => "N0t-a-Real-Pass!742",
      # vigil-ok: hardcoded-secret
      "client_secret" => "<client-secret>",
    }
  end
end

config = {}
# vigil-expect: hardcoded-secret
config[:smtp_password] = "m4il-Vigil-Fixture!"
# vigil-ok: hardcoded-secret
config[:smtp_password] = "password"
# vigil-expect: hardcoded-secret
Mailer.configure(user: "svc", secret: "k8S-vigil-Fixture-s1gn-77")
# vigil-ok: hardcoded-secret
Mailer.configure(user: "svc", secret: "")
