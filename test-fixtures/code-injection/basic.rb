class Report
  ALLOWED = %w[name email].freeze

  def value(record, field)
    # Built from parameters only, with no caller here: no sign of outside input (a caller elsewhere that passes input is reported by a scan).
    # vigil-ok: code-injection
    record.instance_eval("self.#{field}")
  end

  def calculate(params)
    # vigil-expect: code-injection
    eval(params[:formula])
  end

  def define(klass, name)
    # vigil-ok: code-injection
    klass.class_eval("def #{name}; @#{name}; end")
  end

  def define_from_request(klass)
    # vigil-expect: code-injection
    klass.class_eval("def #{params[:name]}; end")
  end

  def define_from_request_heredoc(klass)
    # vigil-expect: code-injection
    klass.class_eval <<-RUBY, __FILE__, __LINE__ + 1
      def #{params[:name]}; end
    RUBY
  end

  def define_from_stdin(klass)
    name = $stdin.gets
    # vigil-expect: code-injection
    klass.module_eval "def #{name}; end"
  end

  def eval_heredoc_from_request
    # vigil-expect: code-injection
    eval <<~RUBY
      #{params[:code]}
    RUBY
  end

  # Metaprogramming over the program's own names and parser-generator output: constant code or code built
  # from identifiers the class declares.
  %w[first last].each do |m|
    # vigil-ok: code-injection
    class_eval <<-RUBY, __FILE__, __LINE__ + 1
      def #{m}_item; items.#{m}; end
    RUBY
  end

  VERBS = %w[GET POST].freeze
  VERBS.each do |v|
    # vigil-ok: code-injection
    module_eval("def #{v.downcase}?; verb == #{v.inspect}; end", __FILE__, __LINE__)
  end

  # vigil-ok: code-injection
  module_eval(<<'.,.,', 'parser.y', 20)
  def _reduce_1(val, _values)
    val.first
  end
.,.,

  def constant_heredoc
    # vigil-ok: code-injection
    eval <<~'RUBY'
      1 + 1
    RUBY
  end

  def with_binding_route
    with_binding(params[:expr])
  end

  def with_binding(expr)
    # vigil-expect: code-injection
    binding.eval("x = #{expr}")
  end

  def value_safe(record, field)
    # vigil-ok: code-injection
    record.public_send(field) if ALLOWED.include?(field)
  end

  def configure(klass, &block)
    # vigil-ok: code-injection
    klass.class_eval(&block)
  end

  def constant
    # vigil-ok: code-injection
    eval("1 + 1")
  end

  def dsl(builder)
    # vigil-ok: code-injection
    builder.instance_eval { title "Report" }
  end

  def model_eval(model, data)
    # vigil-ok: code-injection
    model.eval(data)
  end
end
