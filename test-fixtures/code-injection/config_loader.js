const fs = require('fs');
const path = require('path');

// vigil-ok: code-injection
const defaults = eval(fs.readFileSync(path.join(__dirname, 'defaults.js'), 'utf8'));

function loadFrom(req) {
  // vigil-expect: code-injection
  return eval(fs.readFileSync(req.query.file, 'utf8'));
}

module.exports = { defaults, loadFrom };
