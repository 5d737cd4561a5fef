import type { Node } from '../../engine/source/parse';

// Java's print/println/write reach a browser only through the HTTP response: `response.getWriter()`, a local or
// field assigned from it, or a JSP / servlet writer type. The same calls on System.err, a log PrintStream or a
// PrintWriter over a file produce logs and generated files, where markup is text, not script.

/** Writer expressions that are the response itself. */
const RESPONSE_CALL = /(^|\.)get(Writer|OutputStream)\s*\(\s*\)$/;
/** Declared types of a writer that only ever writes a response. */
const RESPONSE_TYPES = /^(javax\.servlet\.jsp\.|jakarta\.servlet\.jsp\.)?JspWriter$|^(javax\.servlet\.|jakarta\.servlet\.)?ServletOutputStream$/;

function declarationsOf(root: Node, name: string): Node[] {
  const out: Node[] = [];
  const stack = [root];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if ((n.type === 'variable_declarator' || n.type === 'formal_parameter') && n.childForFieldName('name')?.text === name) out.push(n);
    if (n.type === 'assignment_expression' && n.childForFieldName('left')?.text.replace(/^this\./, '') === name) out.push(n);
    for (const c of n.namedChildren) if (c) stack.push(c);
  }
  return out;
}

/** True when `writer` (the receiver of a print call) is the HTTP response's writer, as the file shows it. */
export function isResponseWriter(writer: Node): boolean {
  if (writer.type === 'method_invocation') return RESPONSE_CALL.test(writer.text);
  const name = writer.text.replace(/^this\./, '');
  return declarationsOf(writer.tree.rootNode, name).some((d) => {
    const value = d.childForFieldName('value') ?? d.childForFieldName('right');
    if (value && RESPONSE_CALL.test(value.text.trim())) return true;
    const typed = d.type === 'formal_parameter' ? d : d.parent;
    const type = typed?.childForFieldName('type')?.text ?? '';
    return RESPONSE_TYPES.test(type);
  });
}
