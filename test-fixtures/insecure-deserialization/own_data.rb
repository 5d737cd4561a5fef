# Reading back what the program itself serialised: a deep copy, and the class's own Marshal hook.
class Settings
  def scrubbed(options)
    # vigil-ok: insecure-deserialization
    Marshal.load(Marshal.dump(options))
  end

  def self._load(args)
    # vigil-ok: insecure-deserialization
    new(Hash[Marshal.load(args)])
  end

  def restore(cookie)
    # vigil-expect: insecure-deserialization
    Marshal.load(Base64.decode64(cookie))
  end
end
