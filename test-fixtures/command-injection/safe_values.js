const { exec } = require('child_process');

const FORMATS = ['png', 'jpg'];

function convert(req, res) {
  const format = req.query.format;
  if (!FORMATS.includes(format)) return res.sendStatus(400);
  // vigil-ok: command-injection
  exec(`convert in.bmp out.${format}`, () => res.end());
  // vigil-ok: command-injection
  exec(`sleep ${Number(req.query.seconds)}`, () => res.end());
  // vigil-expect: command-injection
  exec(`convert ${req.query.file} out.png`, () => res.end());
}
