module PostsHelper
  BADGE = "<span class=\"badge\">new</span>".freeze

  def title_tag(post)
    # vigil-expect: xss
    "<h1>#{post.title}</h1>".html_safe
  end

  def body(post)
    # vigil-expect: xss
    raw(post.body)
  end

  def summary(post)
    # vigil-expect: xss
    post.summary.html_safe
  end

  def title_tag_safe(post)
    # vigil-ok: xss
    "<h1>#{h(post.title)}</h1>".html_safe
  end

  def badge
    # vigil-ok: xss
    BADGE.html_safe
  end

  def separator
    # vigil-ok: xss
    "<hr>".html_safe
  end

  def body_safe(post)
    # vigil-ok: xss
    sanitize(post.body)
  end

  def tag_list(post)
    # Every element escaped before the join.
    # vigil-ok: xss
    post.tags.map { |t| ERB::Util.html_escape(t) }.join(", ").html_safe
    # vigil-expect: xss
    post.tags.map { |t| t.upcase }.join(", ").html_safe
  end

  # A wrapper of html_safe marks whatever its caller passes: reported at a caller that passes input, not here.
  def raw_html(stringish)
    # vigil-ok: xss
    stringish.to_s.html_safe
  end

  # Each element is built by a tag helper, which escapes its content and attributes.
  def options(post)
    # vigil-ok: xss
    post.tags.map do |t|
      content_tag(:option, t, value: t)
    end.join("\n").html_safe
  end

  def options_raw(post)
    # vigil-expect: xss
    post.tags.map do |t|
      "<option>#{t}</option>"
    end.join("\n").html_safe
  end

  # Escaped unless the caller passes escape = false.
  def wrap_tag(name, content, escape = true)
    content = ERB::Util.html_escape(content) if escape
    # vigil-ok: xss
    "<#{name}>#{content}</#{name}>".html_safe
  end

  def wrap_tag_raw(name, content, escape = false)
    content = ERB::Util.html_escape(content) if escape
    # vigil-expect: xss
    "<#{name}>#{content}</#{name}>".html_safe
  end
end
