# Vigil fixture: secrets as default and keyword parameter values. Every value is fake.

# vigil-expect: hardcoded-secret
def connect(host, password = "Vg9-default-Fixture-Rb1")
end

# vigil-ok: hardcoded-secret
def connect2(host, password = ENV.fetch("DB_PASSWORD"))
end

# vigil-expect: hardcoded-secret
def connect3(host, api_token: "Vg9kwargFixtureRuby2ZqT7")
end

# vigil-ok: hardcoded-secret
def connect4(host, api_token: "<token>")
end
