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

  CACHE_FILE = File.join(__dir__, "codepoints.dump")

  # The library's own bundled data and the cache file it dumped: no outside input names them.
  def self.codepoints
    # vigil-ok: insecure-deserialization
    File.open(CACHE_FILE, "rb") { |f| Marshal.load f.read }
  end

  def cached
    # vigil-ok: insecure-deserialization
    Marshal.load(File.read(@cache_file))
  end

  def schema(path)
    # A path a caller passes still counts.
    # vigil-expect: insecure-deserialization
    YAML.unsafe_load(File.read(path))
  end
end
