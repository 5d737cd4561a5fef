require 'erb'
require 'yaml'

# Configuration rendered by ERB first: the template runs Ruby, so its author already runs code.
class AppConfig
  def database(path)
    yaml = ERB.new(File.read(path)).result
    # vigil-ok: insecure-deserialization
    YAML.load(yaml) || {}
  end

  def parse(context)
    source = render(context)
    # vigil-ok: insecure-deserialization
    YAML.unsafe_load(source)
  end

  def preview
    # A template from the request is no developer's file.
    # vigil-expect: insecure-deserialization
    YAML.load(ERB.new(params[:template]).result)
  end

  def raw(text)
    # vigil-expect: insecure-deserialization
    YAML.unsafe_load(text)
  end

  private

  def render(context)
    erb = ERB.new(@content)
    erb.result(context)
  end
end
