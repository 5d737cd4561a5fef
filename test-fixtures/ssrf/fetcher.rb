require "net/http"

class FetchController < ApplicationController
  API = "https://api.example.com/items/".freeze

  def show
    # vigil-expect: ssrf
    body = Net::HTTP.get(URI(params[:url]))
    # vigil-ok: ssrf
    fixed = Net::HTTP.get(URI(API + "latest"))
    render plain: body + fixed
  end

  def hook
    target = params[:callback]
    # vigil-expect: ssrf
    HTTParty.post(target, body: {})
    target = API
    # vigil-ok: ssrf
    HTTParty.post(target, body: {})
  end
end
