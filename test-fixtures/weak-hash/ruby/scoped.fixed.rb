require 'digest'
require 'openssl'

LEGACY = ::Digest::MD5

module Scoped
  def self.etag(body)
    # vigil-expect: weak-hash
    ::Digest::SHA256.hexdigest(body)
  end

  def self.legacy(body)
    # vigil-expect: weak-hash
    LEGACY.hexdigest(body)
  end

  def self.streaming(chunks)
    # vigil-expect: weak-hash
    d = ::OpenSSL::Digest::SHA256.new
    chunks.each do |c|
      d.update(c)
    end
    # vigil-ok: weak-hash
    d.hexdigest
  end

  def self.in_block(rows)
    rows.map do |r|
      # vigil-expect: weak-hash
      ::OpenSSL::Digest::SHA256.base64digest(r)
    end
  end

  def self.quiet(body)
    if false
      # vigil-ok: weak-hash
      Digest::MD5.hexdigest(body)
    end
    # vigil-ok: weak-hash
    ::Digest::SHA256.hexdigest(body)
  end
end
