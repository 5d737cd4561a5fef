from django.utils.html import escape
from markupsafe import Markup

LEVELS = {"info": "<b>i</b>", "warn": "<b>!</b>"}


def badge(request):
    level = request.GET["level"]
    count = len(request.GET.getlist("id"))
    # vigil-ok: xss
    return Markup("<b>%d</b>" % count)


def label(request):
    name = request.GET["name"]
    # vigil-ok: xss
    Markup("<p>" + escape(name) + "</p>")
    # vigil-ok: xss
    Markup(LEVELS.get(request.GET["level"], ""))
    # vigil-expect: xss
    return Markup("<p>" + name + "</p>")
