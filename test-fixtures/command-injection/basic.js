const child_process = require('child_process');
const { exec, execSync, spawn } = require('node:child_process');

const REPORT_CMD = 'df -h';

function thumbnails(req, res) {
  const file = req.query.file;
  // vigil-expect: command-injection
  exec('convert ' + file + ' -resize 64x64 thumb.png', (err) => res.end(String(err)));
}

function branchLog(branch) {
  // vigil-expect: command-injection
  return execSync(`git log --oneline "${branch}"`).toString();
}

function runScript(script) {
  // vigil-expect: command-injection
  return spawn('sh', ['-c', script]);
}

function runAnything(cmd, cb) {
  // vigil-expect: command-injection
  child_process.exec(cmd, cb);
}

function report(cb) {
  // vigil-ok: command-injection
  exec(REPORT_CMD, cb);
}

function status() {
  // vigil-ok: command-injection
  return execSync('git status --porcelain').toString();
}

function branchLogSafe(branch) {
  // vigil-ok: command-injection
  return child_process.execFileSync('git', ['log', '--oneline', branch]).toString();
}

function firstWord(line) {
  const re = /^\w+/;
  // vigil-ok: command-injection
  return re.exec(line);
}

function script(name) {
  // vigil-ok: command-injection
  return spawn('node', ['scripts/' + name + '.js']);
}

function fixedScript() {
  // vigil-ok: command-injection
  return spawn('sh', ['-c', 'npm run build']);
}
