require 'openssl'

LEGACY = 'des-ede3-cbc'

class Box
  def legacy
    # vigil-expect: weak-cipher
    a = ::OpenSSL::Cipher.new(LEGACY)
    mode = 'ecb'
    # vigil-expect: weak-cipher
    b = OpenSSL::Cipher.new("aes-128-#{mode}")
    # vigil-expect: weak-cipher
    c = ::OpenSSL::Cipher::DES.new(:EDE3, :CBC)
    # vigil-expect: weak-cipher
    d = OpenSSL::Cipher::AES128.new(:ECB)
    [a, b, c, d]
  end

  def quiet
    name = 'rc4'
    name = 'aes-256-gcm'
    # vigil-ok: weak-cipher
    a = ::OpenSSL::Cipher.new(name)
    if false
      # vigil-ok: weak-cipher
      OpenSSL::Cipher.new('des-cbc')
    end
    # vigil-ok: weak-cipher
    b = OpenSSL::Cipher::AES.new(256, :GCM)
    # vigil-ok: weak-cipher
    label = 'des-ede3-cbc'
    # vigil-ok: weak-cipher
    c = OpenSSL::Cipher::AES256.new(:CBC)
    [a, b, label, c]
  end
end
