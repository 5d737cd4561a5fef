const fs = require('fs');
const path = require('path');

// A map file the tool reads by the path it was configured with: its entries are the operator's, not input.
function loadSources(mapPath) {
  const map = JSON.parse(fs.readFileSync(mapPath, 'utf8'));
  // vigil-ok: path-traversal
  return fs.readFileSync(path.join(__dirname, map.file), 'utf8');
}

// Standard input is input: whatever pipes into the program names the file.
function fromStdin() {
  const wanted = fs.readFileSync(0, 'utf8').trim();
  // vigil-expect: path-traversal
  return fs.readFileSync(path.join('/srv/reports', wanted), 'utf8');
}

module.exports = { loadSources, fromStdin };
