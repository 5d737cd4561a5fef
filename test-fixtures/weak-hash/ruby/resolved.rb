require 'openssl'

LEGACY = 'MD5'

class Checksums
  def etag(body)
    # vigil-expect: weak-hash
    ::OpenSSL::Digest.new(LEGACY).hexdigest(body)
  end

  def configured(body)
    name = ENV.fetch('DIGEST', 'SHA1')
    # vigil-expect: weak-hash
    OpenSSL::Digest.hexdigest(name, body)
  end

  def strong(body)
    # vigil-ok: weak-hash
    OpenSSL::Digest.new('SHA256').hexdigest(body)
  end
end
