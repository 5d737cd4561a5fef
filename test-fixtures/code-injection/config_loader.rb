# A config loader evaluating the developer's own settings file, at a path the program fixes.
class Settings
  def self.load
    # vigil-ok: code-injection
    eval(File.read(File.expand_path('../settings.rb', __FILE__)))
  end

  def self.load_from(params)
    # vigil-expect: code-injection
    eval(File.read(params[:path]))
  end
end
