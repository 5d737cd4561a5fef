const serialize = require('node-serialize');
const yaml = require('js-yaml');

function profile(req) {
  // vigil-expect: insecure-deserialization
  const obj = serialize.unserialize(req.cookies.profile);
  // vigil-ok: insecure-deserialization
  const data = JSON.parse(req.cookies.profile);
  // vigil-ok: insecure-deserialization
  const out = serialize.serialize(data);
  return { obj, data, out };
}

function config(text) {
  // vigil-expect: insecure-deserialization
  const full = yaml.load(text, { schema: yaml.DEFAULT_FULL_SCHEMA });
  // vigil-ok: insecure-deserialization
  const plain = yaml.load(text, { schema: yaml.JSON_SCHEMA });
  return { full, plain };
}

module.exports = { profile, config };
