require 'yaml'

# A codec's decoding half next to its encoding half: where its bytes come from is its callers' business.
class MarshalCoder
  def self.dump(value)
    Marshal.dump(value)
  end

  def self.load(value)
    # vigil-ok: insecure-deserialization
    Marshal.load(value)
  end

  def from_cookie
    # Fed straight from a request, the same class still reports.
    # vigil-expect: insecure-deserialization
    Marshal.load(cookies[:cart])
  end
end

class YamlColumn
  def dump(obj)
    YAML.dump obj
  end

  def load(payload)
    # vigil-ok: insecure-deserialization
    YAML.load(payload)
  end
end

module Formats
  # A pair registered in one call.
  register(:marshal, lambda { |v| [Marshal.dump(v)].pack('m') }, lambda do |v|
    # vigil-ok: insecure-deserialization
    Marshal.load(v.unpack('m')[0])
  end)
end

class Importer
  # Dumping something else does not make a decoder of a method that loads its parameter.
  def scrub(options)
    Marshal.load(Marshal.dump(options))
  end

  def import(blob)
    # vigil-expect: insecure-deserialization
    Marshal.load(blob)
  end
end

# A class that persists itself to a file and reads it back.
class SchemaSnapshot
  def self.load_from(filename)
    # vigil-ok: insecure-deserialization
    Marshal.load(File.binread(filename))
  end

  def dump_to(filename)
    File.binwrite(filename, Marshal.dump(self))
  end
end
