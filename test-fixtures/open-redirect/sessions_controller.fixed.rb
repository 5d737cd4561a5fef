class SessionsController < ApplicationController
  def create
    # vigil-expect: open-redirect
    redirect_to params[:return_to], allow_other_host: false
  end

  def destroy
    # vigil-ok: open-redirect
    redirect_to root_path
  end

  def back
    target = cookies[:back]
    # vigil-expect: open-redirect
    redirect_to target, allow_other_host: false
    target = "/"
    # vigil-ok: open-redirect
    redirect_to target
  end
end
