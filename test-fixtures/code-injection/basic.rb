class Report
  ALLOWED = %w[name email].freeze

  def value(record, field)
    # vigil-expect: code-injection
    record.instance_eval("self.#{field}")
  end

  def calculate(params)
    # vigil-expect: code-injection
    eval(params[:formula])
  end

  def define(klass, name)
    # vigil-expect: code-injection
    klass.class_eval("def #{name}; @#{name}; end")
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
