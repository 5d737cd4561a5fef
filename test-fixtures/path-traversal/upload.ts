import * as fs from 'fs';
import express from 'express';

const app = express();

app.get('/file', (req, res) => {
  // vigil-expect: path-traversal
  res.send(fs.readFileSync('/srv/files/' + req.query.name));
});
