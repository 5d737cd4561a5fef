require 'openssl'
require 'base64'

FIXED_IV = "\0" * 16

class Vault
  def through_variables(key)
    cipher = OpenSSL::Cipher.new('aes-256-cbc').encrypt
    cipher.key = key
    # vigil-expect: weak-cipher
    cipher.iv = FIXED_IV
    iv = '0123456789abcdef'
    # vigil-expect: weak-cipher
    cipher.iv = iv
    # vigil-expect: weak-cipher
    cipher.iv = Base64.decode64('AAECAwQFBgcICQoLDA0ODw==')
    # vigil-expect: weak-cipher
    cipher.iv = ['000102030405060708090a0b0c0d0e0f'].pack('H*')
    cipher
  end

  def fresh(key, given)
    cipher = OpenSSL::Cipher.new('aes-256-cbc').encrypt
    cipher.key = key
    # vigil-ok: weak-cipher
    cipher.iv = cipher.random_iv
    iv = OpenSSL::Random.random_bytes(16)
    # vigil-ok: weak-cipher
    cipher.iv = iv
    # vigil-ok: weak-cipher
    cipher.iv = given
    # vigil-ok: weak-cipher
    cipher.iv = SecureRandom.random_bytes(cipher.iv_len)
    cipher
  end
end
