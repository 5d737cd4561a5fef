require 'securerandom'

class TokenIssuer
  def reset_token
    # vigil-expect: insecure-random
    rand(36**20).to_s(36)
  end

  def issue(user, session)
    # vigil-expect: insecure-random
    session[:csrf_token] = Random.rand(2**128).to_s(16)
    # vigil-expect: insecure-random
    user.otp_code = Random.new.rand(1_000_000)
    # vigil-ok: insecure-random
    user.avatar_index = rand(12)
    # vigil-ok: insecure-random
    user.api_key = SecureRandom.hex(32)
    # vigil-ok: insecure-random
    delay = Random.rand(0.5)
    sleep(delay)
  end

  def jitter
    # vigil-ok: insecure-random
    rand
  end

  def nonce
    # vigil-expect: insecure-random
    (rand * 1e16).to_i.to_s(16)
  end

  def pick(items)
    # vigil-ok: insecure-random
    items[rand(items.size)]
  end
end
