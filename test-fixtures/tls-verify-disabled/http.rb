require 'net/http'
require 'openssl'

def fetch(uri)
  http = Net::HTTP.new(uri.host, uri.port)
  http.use_ssl = true
  # vigil-expect: tls-verify-disabled
  http.verify_mode = OpenSSL::SSL::VERIFY_NONE
  http.get(uri.path)
end

def fetch_strict(uri)
  http = Net::HTTP.new(uri.host, uri.port)
  http.use_ssl = true
  # vigil-ok: tls-verify-disabled
  http.verify_mode = OpenSSL::SSL::VERIFY_PEER
  http.get(uri.path)
end

def faraday(url)
  # vigil-expect: tls-verify-disabled
  Faraday.new(url: url, ssl: { verify: false })
end

def faraday_ca(url)
  # vigil-ok: tls-verify-disabled
  Faraday.new(url: url, ssl: { ca_file: '/etc/ssl/internal-ca.pem', verify: true })
end

def rest(url)
  # vigil-expect: tls-verify-disabled
  RestClient::Request.execute(method: :get, url: url, verify_ssl: false)
end

def form(params)
  # vigil-ok: tls-verify-disabled
  params.merge(verify: false, ssl: true)
end
