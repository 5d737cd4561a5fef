from django.utils.html import format_html, escape
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
