import type { Node } from '../../engine/source/parse';
import { writesBefore } from './ast';

// Evidence of outside input behind an injection sink's argument: the value, or a local it was built from in the
// same function, reads a request, a form, a cookie or standard input. This is the minimal mark the injection
// helpers set (MatchContext.input) until the semantic layer's taint facts carry sources; it answers "known input",
// which the helpers' own taint answer ("not a constant, so maybe input") does not. Command-line arguments and the
// environment are left out on purpose: in the developer-controlled files this mark is read for (migrations,
// build and task files) they are the developer's own.

/** Spellings of web and console input across the eight languages, as a value's text shows them. */
const INPUT_SOURCES = new RegExp(
  [
    // JavaScript / TypeScript (Express, Koa, Next)
    String.raw`\b(?:req|request|ctx\.request)\.(?:query|body|params|headers|cookies|url|originalUrl|path)\b`,
    // Python (Flask, Django, FastAPI), console
    String.raw`\brequest\.(?:args|form|values|json|data|files|cookies|headers|GET|POST|body|query_params|path_params)\b`,
    String.raw`(?:^|[^\w.])input\s*\(|\bsys\.stdin\b`,
    // Ruby (Rails, Sinatra), console
    String.raw`(?:^|[^\w.:@$])params\s*(?:\[|\.(?:fetch|require|permit|dig)\b)|\brequest\.(?:params|body|query_string|headers|raw_post)\b|(?:^|[^\w.])cookies\s*\[|\bSTDIN\b|\$stdin\b|(?:^|[^\w.])gets\b`,
    // PHP
    String.raw`\$_(?:GET|POST|REQUEST|COOKIE|FILES|SERVER)\b|\$request->(?:input|get|query|post|all)\b|php://input`,
    // Java (servlets, Spring)
    String.raw`\.get(?:Parameter|ParameterValues|Header|QueryString|InputStream|Reader|Cookies)\s*\(|\bSystem\.in\b`,
    // Go (net/http, gin, echo)
    String.raw`\.URL\.Query\s*\(|\.(?:FormValue|PostFormValue|Query|Param|DefaultQuery|PostForm)\s*\(|\.(?:Form|PostForm|Body)\b|\bos\.Stdin\b`,
    // C# (ASP.NET), console
    String.raw`\bRequest\.(?:Query|Form|QueryString|Headers|Cookies|Params|Body|RouteValues)\b|\bConsole\.ReadLine\b`,
  ].join('|'),
);

const NAME_TYPES = new Set(['identifier', 'variable_name']);

/** The input `node`'s value reads, as its text shows it, following locals to their earlier writes (bounded). */
export function inputSourceOf(node: Node, depth = 0): string | undefined {
  if (depth > 4) return undefined;
  const m = INPUT_SOURCES.exec(node.text);
  if (m) return m[0].replace(/^[^\w$]+/, '');
  const seen = new Set<string>();
  const stack: Node[] = [node];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (NAME_TYPES.has(n.type)) {
      if (seen.has(n.text)) continue;
      seen.add(n.text);
      for (const w of writesBefore(n, n.text)) {
        const found = inputSourceOf(w.value, depth + 1);
        if (found) return found;
      }
      continue;
    }
    for (const c of n.namedChildren) if (c) stack.push(c);
  }
  return undefined;
}
