const vm = require('vm');

const BOOTSTRAP = 'globalThis.ready = true';

function loadSettings(body) {
  // vigil-expect: code-injection
  return eval('(' + body + ')');
}

function compile(expr) {
  // Built from parameters only, with no caller here: no sign of outside input (a caller elsewhere that passes input is reported by a scan).
  // vigil-ok: code-injection
  return new Function('row', `return ${expr};`);
}

function schedule(id) {
  // Built from parameters only, with no caller here: no sign of outside input (a caller elsewhere that passes input is reported by a scan).
  // vigil-ok: code-injection
  setTimeout('refresh(' + id + ')', 1000);
}

function sandbox(req) {
  // vigil-expect: code-injection
  return vm.runInNewContext(req.body.script, {});
}

function loadSettingsSafe(body) {
  // vigil-ok: code-injection
  return JSON.parse(body);
}

function scheduleSafe(id) {
  // vigil-ok: code-injection
  setTimeout(() => refresh(id), 1000);
}

function scheduleCallback(callback, delay) {
  // vigil-ok: code-injection
  setInterval(callback, delay);
}

function boot() {
  // vigil-ok: code-injection
  vm.runInThisContext(BOOTSTRAP);
}

function globalObject() {
  // vigil-ok: code-injection
  return new Function('return this')();
}

function refresh(id) {
  // vigil-ok: code-injection
  return eval('1 + 1') + id;
}

function settingsRoute(req, res) {
  res.json(loadSettings(req.body.settings));
}
