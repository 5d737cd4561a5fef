class SessionsController < ApplicationController
  def create
    # vigil-expect: insecure-config
    cookies[:session_token] = { value: token, httponly: false }
    # vigil-ok: insecure-config
    cookies[:session_token] = { value: token, httponly: true, secure: true }
    # vigil-ok: insecure-config
    render json: { secure: false }
  end

  def claims(token)
    # vigil-expect: insecure-config
    JWT.decode(token, nil, false)
  end

  def claims_none(token)
    # vigil-expect: insecure-config
    JWT.decode(token, nil, true, algorithm: 'none')
  end

  def claims_safe(token)
    # vigil-ok: insecure-config
    JWT.decode(token, public_key, true, algorithm: 'RS256')
  end
end
