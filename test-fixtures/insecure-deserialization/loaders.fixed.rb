require 'yaml'
require 'json'

def restore(cookie, body)
  # vigil-expect: insecure-deserialization
  session = Marshal.load(Base64.decode64(cookie))
  # vigil-expect: insecure-deserialization
  config = YAML.safe_load(body)
  # vigil-expect: insecure-deserialization
  legacy = Psych.safe_load(body)
  # vigil-ok: insecure-deserialization
  safe = YAML.safe_load(body, permitted_classes: [Date])
  # vigil-ok: insecure-deserialization
  data = JSON.parse(body)
  # vigil-ok: insecure-deserialization
  defaults = YAML.load("retries: 3")
  # vigil-ok: insecure-deserialization
  dumped = Marshal.dump(data)
  [session, config, legacy, safe, data, defaults, dumped]
end
