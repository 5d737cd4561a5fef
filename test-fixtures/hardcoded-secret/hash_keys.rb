# Vigil fixture: private keys of a serialised hash are names, not secrets.
module Arguments
  # vigil-ok: hardcoded-secret
  GLOBALID_KEY = "_aj_globalid"
  # vigil-ok: hardcoded-secret
  WITH_INDIFFERENT_ACCESS_KEY = "_aj_hash_with_indifferent_access"
  # vigil-expect: hardcoded-secret
  SIGNING_KEY = "_9fQz2LmXv7RkT3pWc8Hd"
end
