class ApiController < ApplicationController
  ALLOWED_ORIGINS = %w[https://app.example.com].freeze

  def cors_any
    # vigil-expect: insecure-config
    headers['Access-Control-Allow-Origin'] = '*'
    headers['Access-Control-Allow-Credentials'] = 'true'
  end

  def cors_checked
    origin = request.headers['Origin']
    return unless ALLOWED_ORIGINS.include?(origin)

    # vigil-ok: insecure-config
    headers['Access-Control-Allow-Origin'] = origin
  end
end
