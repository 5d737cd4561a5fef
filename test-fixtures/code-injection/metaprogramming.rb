# Metaprogramming that writes methods from the program's own names: the heredoc with __FILE__/__LINE__ is the idiom.
module Flags
  def self.flag(name)
    # vigil-ok: code-injection
    class_eval <<~RUBY, __FILE__, __LINE__ + 1
      def #{name}?
        @flags.include?(:#{name})
      end
    RUBY
  end

  def self.reader(name)
    # vigil-ok: code-injection
    module_eval("def #{name}; @#{name}; end", __FILE__, __LINE__)
  end

  def self.from_request(params)
    # vigil-expect: code-injection
    class_eval <<~RUBY, __FILE__, __LINE__ + 1
      def #{params[:name]}; end
    RUBY
  end
end
