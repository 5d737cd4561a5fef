# A block's or a lambda's parameters are filled by whoever calls it (a library, an iterator), not by a caller of
# the program: no sign of outside input on their own.
class Tasks
  MEMORY = ->(pid) {
    # vigil-ok: command-injection
    `ps -o rss -p #{pid}`.to_i
  }

  def edit
    Secrets.read_for_editing do |tmp_path|
      # vigil-ok: command-injection
      system("vi #{tmp_path}")
    end
  end

  # A block handed to an iteration over input may receive its elements.
  def remove_all
    params[:files].each do |f|
      # vigil-expect: command-injection
      system("rm #{f}")
    end
  end
end
