import jinja2
from flask import Flask
from jinja2 import Environment, FileSystemLoader, select_autoescape

app = Flask(__name__)

# vigil-expect: xss
env = Environment(loader=FileSystemLoader("templates"))
# vigil-expect: xss
raw_env = jinja2.Environment(loader=FileSystemLoader("templates"), autoescape=False)
# vigil-ok: xss
safe_env = Environment(loader=FileSystemLoader("templates"), autoescape=select_autoescape(["html"]))
# vigil-ok: xss
always_env = Environment(autoescape=True)
# vigil-expect: xss
app.jinja_env.autoescape = False

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        # vigil-expect: xss
        "OPTIONS": {"autoescape": False},
    }
]


def render_code(engine_cls, context_cls, source):
    # vigil-ok: xss
    engine = engine_cls(autoescape=False)
    # vigil-ok: xss
    return engine.from_string(source).render(context_cls({}, autoescape=False))
