# Vigil fixture: literals that reach a key parameter through a constant or a local, whatever the names.
# Every value is fake.
require "jwt"
require "openssl"

K = "Rk3-vigil-fixture".freeze

module Auth
  M = "Mx5-vigil-fixture"

  class Tokens
    def issue(payload)
      # vigil-expect: hardcoded-secret
      JWT.encode(payload, K, "HS256")
    end

    def read(token)
      # vigil-expect: hardcoded-secret
      JWT.decode(token, Auth::M, true, algorithm: "HS256")
    end

    def mac(body)
      h = "Lh8-vigil-fixture"
      # vigil-expect: hardcoded-secret
      OpenSSL::HMAC.hexdigest("SHA256", h, body)
    end

    def signer
      # vigil-expect: hardcoded-secret
      OpenSSL::HMAC.new(K, "sha256")
    end

    def literal_signer
      # vigil-expect: hardcoded-secret
      OpenSSL::HMAC.new("Nw6-vigil-fixture", OpenSSL::Digest.new("sha256"))
    end

    # Keys from the environment or from the caller are no findings.
    def from_env(payload, given, body)
      e = ENV.fetch("JWT_KEY")
      # vigil-ok: hardcoded-secret
      JWT.encode(payload, e, "HS256")
      # vigil-ok: hardcoded-secret
      OpenSSL::HMAC.digest("SHA256", given, body)
      # vigil-ok: hardcoded-secret
      OpenSSL::HMAC.new(given, "sha256")
      v = "vault:secret/data/app#jwt"
      # vigil-ok: hardcoded-secret
      JWT.encode(payload, v, "HS256")
      d = ENV.fetch("JWT_KEY", "dev")
      # vigil-ok: hardcoded-secret
      JWT.encode(payload, d, "HS256")
    end
  end
end
