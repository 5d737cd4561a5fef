require 'rest-client'

VERIFY = false

class Client
  def insecure(url)
    # vigil-expect: tls-verify-disabled
    RestClient::Resource.new(url, verify_ssl: VERIFY)
  end

  def request(url)
    check = false
    # vigil-expect: tls-verify-disabled
    opts = { url: url, method: :get, ssl_verify: check }
    RestClient::Request.execute(**opts)
  end

  def quiet(url, strict)
    check = false
    check = true
    # vigil-ok: tls-verify-disabled
    RestClient::Resource.new(url, verify_ssl: check)
    # vigil-ok: tls-verify-disabled
    RestClient::Resource.new(url, verify_ssl: strict)
    if false
      # vigil-ok: tls-verify-disabled
      RestClient::Resource.new(url, verify_ssl: VERIFY)
    end
    # vigil-ok: tls-verify-disabled
    { label: 'verify_ssl', value: VERIFY }
  end
end
