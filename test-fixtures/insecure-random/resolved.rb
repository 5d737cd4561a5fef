class Issuer
  def issue(user)
    # vigil-expect: insecure-random
    raw = Kernel.rand(10**8)
    user.reset_code = raw.to_s.rjust(8, '0')
    # vigil-expect: insecure-random
    user.session_token = "s-#{::Random.rand(2**64)}"
    gen = Random.new
    # vigil-expect: insecure-random
    n = gen.rand(1 << 40)
    user.api_key = n.to_s(36)
    # vigil-expect: insecure-random
    user.salt = Random.bytes(16).unpack1('H*')
    # vigil-ok: insecure-random
    wait = rand(5)
    sleep(wait)
  end

  def make_password
    # vigil-expect: insecure-random
    value = rand
    (value * 1e12).to_i.to_s(36)
  end

  def quiet(user, cards)
    if false
      # vigil-ok: insecure-random
      user.nonce = rand(1_000_000)
    end
    # vigil-ok: insecure-random
    value = rand(100)
    value = 'fixed'
    user.otp_secret = value
    # vigil-ok: insecure-random
    deck = cards.shuffle(random: Random.new(rand(10)))
    # vigil-ok: insecure-random
    puts "token issued #{rand(10)}"
    deck
  end
end
