# Vigil fixture: string literals used as signing and encryption keys. Every value is fake.

# vigil-expect: hardcoded-secret
token = JWT.encode(payload, "secret", "HS256")
# vigil-ok: hardcoded-secret
token = JWT.encode(payload, ENV.fetch("JWT_SECRET"), "HS256")
# vigil-expect: hardcoded-secret
mac = OpenSSL::HMAC.hexdigest("SHA256", "hmac-vigil-fixture", body)
# vigil-ok: hardcoded-secret
mac = OpenSSL::HMAC.hexdigest("SHA256", hmac_key, body)
# vigil-expect: hardcoded-secret
config.secret_key_base = "rails-vigil-fixture"
# vigil-ok: hardcoded-secret
config.secret_key_base = ENV["SECRET_KEY_BASE"]
# vigil-expect: hardcoded-secret
set :session_secret, "sinatra-vigil-fixture"
# vigil-ok: hardcoded-secret
set :session_secret, ENV.fetch("SESSION_SECRET")

class AdminController < ApplicationController
  # vigil-expect: hardcoded-secret
  http_basic_authenticate_with name: "admin", password: "basic"
  # vigil-ok: hardcoded-secret
  http_basic_authenticate_with name: "admin", password: ENV["ADMIN_PASSWORD"]
end
