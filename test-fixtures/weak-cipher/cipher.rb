require 'openssl'

def legacy(key)
  # vigil-expect: weak-cipher
  tdes = OpenSSL::Cipher.new('des-ede3-cbc')
  # vigil-expect: weak-cipher
  rc4 = OpenSSL::Cipher::RC4.new
  # vigil-expect: weak-cipher
  ecb = OpenSSL::Cipher::AES.new(128, :ECB)
  # vigil-expect: weak-cipher
  ecb2 = OpenSSL::Cipher.new('aes-256-ecb')
  [tdes, rc4, ecb, ecb2]
end

def fixed_iv(key, data)
  cipher = OpenSSL::Cipher.new('aes-256-cbc').encrypt
  cipher.key = key
  # vigil-expect: weak-cipher
  cipher.iv = '0000000000000000'
  cipher.update(data) + cipher.final
end

def good(key, data)
  # vigil-ok: weak-cipher
  cipher = OpenSSL::Cipher.new('aes-256-gcm').encrypt
  cipher.key = key
  # vigil-ok: weak-cipher
  cipher.iv = cipher.random_iv
  # vigil-ok: weak-cipher
  cbc = OpenSSL::Cipher::AES.new(256, :CBC)
  # vigil-ok: weak-cipher
  name = 'des-ede3-cbc'
  # vigil-ok: weak-cipher
  user.iv = nil
  [cipher.update(data) + cipher.final, cipher.auth_tag, cbc, name]
end
