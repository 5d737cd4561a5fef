class LoginsController < ApplicationController
  def create
    # vigil-expect: open-redirect
    redirect_to(params[:next], notice: "Signed in")
  end

  def partner
    # Another host is asked for in so many words: no quick fix.
    # vigil-expect: open-redirect
    redirect_to params[:partner], allow_other_host: true
  end

  def home
    # vigil-ok: open-redirect
    redirect_to root_path, notice: "Welcome"
    # vigil-ok: open-redirect
    redirect_to "/"
    # vigil-ok: open-redirect
    redirect_to params[:back], allow_other_host: false
  end
end
