// Values that an API description shows as samples: in an OpenAPI / JSON-schema YAML document, what sits under an
// `example` / `examples` key or inside a `description` / `summary` text is documentation of the format, like the
// examples in a README, so only provider formats (whose shape alone is evidence) count there. Read from the YAML
// indentation: the keys whose blocks contain the line.

const YAML_PATH = /\.ya?ml$/i;
const DOC_KEYS = new Set(['example', 'examples', 'x-example', 'x-examples', 'description', 'summary']);
const KEY_LINE = /^(\s*)(?:-\s+)?(?:"([^"]*)"|'([^']*)'|([^\s:#][^:#]*?))\s*:(?:\s|$)/;

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

/** True when UTF-16 offset `at` of a YAML file lies in a block under an example or description key. */
export function inYamlDocumentation(path: string, text: string, at: number): boolean {
  if (!YAML_PATH.test(path)) return false;
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  let indent = indentOf(text.slice(lineStart, text.indexOf('\n', lineStart) === -1 ? undefined : text.indexOf('\n', lineStart)));
  let end = lineStart - 1;
  // Walk back line by line; a key line indented less than the current block is the block's parent.
  for (let guard = 0; end > 0 && indent > 0 && guard < 5000; guard++) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const line = text.slice(start, end);
    end = start - 1;
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    const own = indentOf(line);
    if (own >= indent) continue;
    indent = own;
    const m = KEY_LINE.exec(line);
    const key = (m?.[2] ?? m?.[3] ?? m?.[4] ?? '').trim().toLowerCase();
    if (DOC_KEYS.has(key)) return true;
  }
  return false;
}
