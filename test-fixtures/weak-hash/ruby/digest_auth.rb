require 'digest'

# HTTP Digest authentication (RFC 2617): HA1 and HA2 exist only to be hashed into the response with the
# server's nonce, a challenge-response proof the protocol prescribes.
module DigestAuth
  def self.expected_response(method, uri, credentials, password)
    ha1 = ha1(credentials, password)
    # vigil-ok: weak-hash
    ha2 = ::Digest::MD5.hexdigest([method, uri].join(":"))
    # vigil-ok: weak-hash
    ::Digest::MD5.hexdigest([ha1, credentials[:nonce], credentials[:cnonce], ha2].join(":"))
  end

  def self.ha1(credentials, password)
    # vigil-ok: weak-hash
    ::Digest::MD5.hexdigest([credentials[:username], credentials[:realm], password].join(":"))
  end

  def self.remember(user)
    # A digest that goes nowhere near a challenge stays reported.
    # vigil-expect: weak-hash
    token = ::Digest::SHA1.hexdigest([user.id, user.email].join(":"))
    cookies[:remember] = token
  end
end
