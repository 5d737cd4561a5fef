require 'openssl'

# A library reads the verify mode its caller configured: comparisons and choices are not settings.
def ssl_verify_mode(ssl)
  ssl[:verify_mode] || begin
    if ssl.fetch(:verify, true)
      OpenSSL::SSL::VERIFY_PEER
    else
      # vigil-ok: tls-verify-disabled
      OpenSSL::SSL::VERIFY_NONE
    end
  end
end

def warn_unverified(options, host)
  # vigil-ok: tls-verify-disabled
  warn "not verifying #{host}" if options[:verify_mode] == OpenSSL::SSL::VERIFY_NONE
end

def pop3(settings)
  pop3 = Net::POP3.new(settings[:address], settings[:port], false)
  # vigil-expect: tls-verify-disabled
  pop3.enable_ssl(OpenSSL::SSL::VERIFY_NONE) if settings[:enable_ssl]
  pop3
end
