class SessionsController < ApplicationController
  def create
    # vigil-expect: open-redirect
    redirect_to params[:return_to]
  end

  def destroy
    # vigil-ok: open-redirect
    redirect_to root_path
  end

  def back
    target = cookies[:back]
    # vigil-expect: open-redirect
    redirect_to target
    target = "/"
    # vigil-ok: open-redirect
    redirect_to target
  end
end
