const fs = require('fs');
const express = require('express');
const path = require('path');

const app = express();

app.get('/file', (req, res) => {
  // vigil-expect: path-traversal
  fs.createReadStream(`/srv/files/${path.basename(String(req.query.name))}.txt`).pipe(res);
  // vigil-ok: path-traversal
  fs.createReadStream('/srv/files/index.txt').pipe(res);
});
