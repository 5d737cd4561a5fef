const child_process = require('child_process');
const express = require('express');

const app = express();
const VERBOSE = false;

app.get('/ping', (req, res) => {
  const hosts = [];
  hosts.push(req.query.host);
  // vigil-expect: command-injection
  child_process.exec(`ping -c 1 ${hosts[0]}`, () => res.end());
});

function archive(dir) {
  // vigil-expect: command-injection
  child_process.exec('tar czf out.tgz ' + dir, () => {});
}

app.post('/archive', (req, res) => {
  archive(req.body.dir);
  archive('/srv/data');
  let target = req.query.target;
  target = 'localhost';
  // vigil-ok: command-injection
  child_process.exec(`ping -c 1 ${target}`, () => res.end());
  const count = parseInt(req.query.n, 10);
  // vigil-ok: command-injection
  child_process.exec(`seq ${count}`, () => res.end());
  let flag = '-q';
  if (VERBOSE) {
    flag = req.query.flag;
  }
  // vigil-ok: command-injection
  child_process.exec(`ls ${flag}`, () => res.end());
});

// The environment is no constant, however its variable is spelled; a real constant is.
const BACKUP_ROOT = '/srv/data';
function backup() {
  // vigil-expect: command-injection
  child_process.exec(`tar czf /tmp/backup.tgz ${process.env.BACKUP_DIR}`);
  // vigil-ok: command-injection
  child_process.exec(`tar czf /tmp/backup.tgz ${BACKUP_ROOT}`);
}
backup();
