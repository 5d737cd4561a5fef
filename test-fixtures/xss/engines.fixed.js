const swig = require('swig');
const nunjucks = require('nunjucks');
const Handlebars = require('handlebars');

// vigil-expect: xss
swig.setDefaults({ autoescape: true, cache: false });
// vigil-expect: xss
nunjucks.configure('views', { autoescape: true });
// vigil-expect: xss
const page = Handlebars.compile(source, { noEscape: false });
// vigil-ok: xss
nunjucks.configure('views', { autoescape: true });
// vigil-ok: xss
const safePage = Handlebars.compile(source, { noEscape: false, strict: true });
// vigil-ok: xss
swig.setDefaults({ cache: false });

module.exports = { page, safePage };
