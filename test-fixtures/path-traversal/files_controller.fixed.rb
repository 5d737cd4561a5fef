class FilesController < ApplicationController
  ROOT = "/srv/files".freeze

  def show
    # vigil-expect: path-traversal
    send_file File.join(ROOT, File.basename(params[:name]))
  end

  def safe
    # vigil-ok: path-traversal
    send_file File.join(ROOT, File.basename(params[:name]))
  end

  def fixed
    name = params[:name]
    name = "index.html"
    # vigil-ok: path-traversal
    File.read(File.join(ROOT, name))
  end

  def remove
    target = "#{ROOT}/#{cookies[:file]}"
    # vigil-expect: path-traversal
    File.delete(target)
    # vigil-ok: path-traversal
    File.delete(File.join(ROOT, "cache.db"))
  end
end
