class Exporter
  FORMATS = %w[csv json].freeze

  def export(format, path)
    return unless FORMATS.include?(format)
    # vigil-ok: command-injection
    system("exporter --format #{format}")
    # vigil-ok: command-injection
    system("exporter --limit #{path.size}")
    # vigil-expect: command-injection
    system("exporter --out #{path}")
  end
end
