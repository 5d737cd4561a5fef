// A gulp task file: the shell commands use the build's own values.
const { exec } = require('child_process');
const pkg = require('./package.json');

function tag(done) {
  // vigil-ok: command-injection
  exec('git tag v' + pkg.version, done);
}

function serve(req, done) {
  // vigil-expect: command-injection
  exec('ls ' + req.query.dir, done);
}

exports.tag = tag;
exports.serve = serve;
