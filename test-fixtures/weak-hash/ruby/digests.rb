require 'digest'
require 'openssl'

module Digests
  def self.cache_key(data)
    # vigil-expect: weak-hash
    Digest::MD5.hexdigest(data)
  end

  def self.fingerprint(data)
    # vigil-expect: weak-hash
    Digest::SHA1.digest data
  end

  def self.file_digest(path)
    # vigil-expect: weak-hash
    Digest::MD5.file(path).hexdigest
  end

  def self.streaming(chunks)
    # vigil-expect: weak-hash
    d = OpenSSL::Digest::SHA1.new
    chunks.each { |c| d << c }
    d.hexdigest
  end

  def self.top_level(data)
    # vigil-expect: weak-hash
    ::OpenSSL::Digest::MD5.hexdigest(data)
  end

  def self.by_name(data)
    # vigil-expect: weak-hash
    OpenSSL::Digest.new('MD5').hexdigest(data)
  end

  def self.one_shot(data)
    # vigil-expect: weak-hash
    OpenSSL::Digest.digest("sha1", data)
  end

  def self.legacy_password(password)
    # vigil-expect: weak-hash
    Digest::SHA1.hexdigest("#{password}--salt")
  end

  def self.legacy_pw(user)
    # vigil-expect: weak-hash
    Digest::MD5.hexdigest(user.pw)
  end

  def self.strong(data)
    # vigil-ok: weak-hash
    Digest::SHA256.hexdigest(data)
  end

  def self.strong_by_name(data)
    # vigil-ok: weak-hash
    OpenSSL::Digest.new('SHA384').hexdigest(data)
  end

  def self.mac(key, data)
    # HMAC-SHA1 is fine as a MAC
    # vigil-ok: weak-hash
    OpenSSL::HMAC.hexdigest('sha1', key, data)
  end

  def self.mac_with_digest_object(key, data)
    # vigil-ok: weak-hash
    OpenSSL::HMAC.hexdigest(OpenSSL::Digest.new('md5'), key, data)
  end

  def self.mac_with_digest_class(key, data)
    # vigil-ok: weak-hash
    OpenSSL::HMAC.digest(OpenSSL::Digest::SHA1.new, key, data)
  end

  def self.derive(password, salt)
    # vigil-ok: weak-hash
    OpenSSL::PKCS5.pbkdf2_hmac(password, salt, 600_000, 32, OpenSSL::Digest::SHA1.new)
  end

  def self.store(password)
    # vigil-ok: weak-hash
    BCrypt::Password.create(password)
  end

  def self.md5sum(path)
    # a method named md5sum
    # vigil-ok: weak-hash
    File.basename(path)
  end

  def self.label
    # vigil-ok: weak-hash
    "Digest::MD5 was used before #{md5sum('x')}"
  end
end
