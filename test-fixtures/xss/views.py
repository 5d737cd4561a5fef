from django.utils.html import conditional_escape, escape, format_html
from django.utils.safestring import mark_safe
from markupsafe import Markup

FOOTER = "<footer>&copy; Example</footer>"


def badge(user):
    # vigil-expect: xss
    return mark_safe(f"<b>{user.name}</b>")


def note(request):
    text = request.GET["note"]
    # vigil-expect: xss
    return Markup("<p>" + text + "</p>")


def bio(profile):
    # vigil-expect: xss
    return mark_safe(profile.bio)


def badge_safe(user):
    # vigil-ok: xss
    return format_html("<b>{}</b>", user.name)


def footer():
    # vigil-ok: xss
    return mark_safe(FOOTER)


def note_safe(request):
    # vigil-ok: xss
    return Markup("<p>{}</p>").format(request.GET["note"])


def escaped(text):
    # vigil-ok: xss
    return mark_safe("<p>" + escape(text) + "</p>")


def tag_list(request):
    tags = request.GET.getlist("tag")
    # Every element escaped, and the separator a constant.
    # vigil-ok: xss
    return mark_safe(", ".join(map(escape, tags)))


def tag_list_raw(request):
    tags = request.GET.getlist("tag")
    # vigil-expect: xss
    return mark_safe(", ".join(map(str.upper, tags)))


# A helper whose whole job is to mark its argument safe: its callers decide what is HTML, so the helper alone is
# not reported; a caller in the file that hands it a request value is.
def safe(value):
    # vigil-ok: xss
    return mark_safe(value)


def shout(text):
    # vigil-expect: xss
    return Markup(str(text))


def shout_view(request):
    return shout(request.GET["q"])


def items_html(request):
    rows = request.GET.getlist("row")
    # Every element is what format_html returns, joined with an escaped separator.
    # vigil-ok: xss
    lines = mark_safe(conditional_escape(", ").join(format_html("<li>{}</li>", r) for r in rows))
    # vigil-ok: xss
    listed = mark_safe("".join([format_html("<li>{}</li>", r) for r in rows]))
    # vigil-expect: xss
    raw_rows = mark_safe("".join("<li>%s</li>" % r for r in rows))
    return lines, listed, raw_rows


# A format_html of one's own: the template is the caller's, every value inserted is escaped first.
def html_format(template, *args, **kwargs):
    args_safe = map(conditional_escape, args)
    kwargs_safe = {k: conditional_escape(v) for (k, v) in kwargs.items()}
    # vigil-ok: xss
    return mark_safe(template.format(*args_safe, **kwargs_safe))


def html_fill(template, name):
    # The value inserted into the template is not escaped.
    # vigil-expect: xss
    return mark_safe(template.format(name))


# Escaped unless the caller turns the flag off: the caller that opts out owns the decision.
def joined(values, sep, autoescape=True):
    if autoescape:
        values = [conditional_escape(v) for v in values]
    # vigil-ok: xss
    return mark_safe(conditional_escape(sep).join(values))


def joined_raw(values, sep, autoescape=False):
    if autoescape:
        values = [conditional_escape(v) for v in values]
    # vigil-expect: xss
    return mark_safe(conditional_escape(sep).join(values))


# The parameter updated in place by a text operation is still the caller's value, handed on.
def cut_chars(value, arg):
    value = value.replace(arg, "")
    # vigil-ok: xss
    return mark_safe(value)


def bolded(value):
    value = "<b>" + value + "</b>"
    # vigil-expect: xss
    return mark_safe(value)


# A flag that defaults to true but guards no escaping (a text encoding) protects nothing.
def as_bytes(value, utf8=True):
    if utf8:
        value = value.encode("utf-8")
    # vigil-expect: xss
    return mark_safe(value)
