# A migration that defines methods from its own list of names: evaluated code the program wrote itself.
class AddFlags < ActiveRecord::Migration[7.1]
  FLAGS = %w[archived pinned].freeze

  def up
    FLAGS.each do |flag|
      # vigil-ok: code-injection
      eval("def #{flag}?; self[:#{flag}]; end")
    end
  end

  def from_request
    # vigil-expect: code-injection
    eval(params[:code])
  end
end
