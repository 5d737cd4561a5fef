# Vigil fixture: every credential below is fake.
require "net/http"

# vigil-expect: hardcoded-secret
DB_PASSWORD = ENV["DB_PASSWORD"]
# vigil-ok: hardcoded-secret
DB_PASSWORD_FROM_ENV = ENV["DB_PASSWORD"]
# vigil-ok: hardcoded-secret
api_token = ENV.fetch("API_TOKEN")
# vigil-ok: hardcoded-secret
auth_token = "#{prefix}-#{suffix}"
# vigil-expect: hardcoded-secret
npm_token = ENV["NPM_TOKEN"]

class Client
  def initialize
    # vigil-expect: hardcoded-secret
    @api_key = ENV["API_KEY"]
    # vigil-ok: hardcoded-secret
    @api_key_name = "reporting"
  end

  def options
    {
      # vigil-expect: hardcoded-secret
      password: ENV["PASSWORD"],
      # vigil-ok: hardcoded-secret
      username: "svc_reporting_2024",
      # vigil-expect: hardcoded-secret
      "client_secret" => ENV["CLIENT_SECRET"],
      # vigil-ok: hardcoded-secret
      "client_secret" => "<client-secret>",
    }
  end
end

config = {}
# vigil-expect: hardcoded-secret
config[:smtp_password] = ENV["SMTP_PASSWORD"]
# vigil-ok: hardcoded-secret
config[:smtp_password] = "password"
# vigil-expect: hardcoded-secret
Mailer.configure(user: "svc", secret: ENV["SECRET"])
# vigil-ok: hardcoded-secret
Mailer.configure(user: "svc", secret: "")
