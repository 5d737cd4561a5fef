import * as fs from 'fs';
import express from 'express';
import * as path from 'path';

const app = express();

app.get('/file', (req, res) => {
  // vigil-expect: path-traversal
  res.send(fs.readFileSync('/srv/files/' + path.basename(String(req.query.name))));
});
