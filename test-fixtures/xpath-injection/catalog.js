const xpath = require('xpath');
const express = require('express');

const app = express();

app.get('/item', (req, res) => {
  const doc = loadCatalog();
  const name = req.query.name;
  // vigil-expect: xpath-injection
  const nodes = xpath.select(`//item[name='${name}']/price/text()`, doc);
  // vigil-ok: xpath-injection
  const all = xpath.select('//item/name/text()', doc);
  res.json({ nodes: String(nodes), all: String(all) });
});

export function highlight(term) {
  // vigil-expect: xpath-injection
  return document.evaluate("//p[contains(., '" + term + "')]", document, null, 7, null);
}

export function constantTerm() {
  const term = 'vigil';
  // vigil-ok: xpath-injection
  return document.evaluate("//p[contains(., '" + term + "')]", document, null, 7, null);
}
