import type { Node } from '../../engine/source/parse';
import type { FixHelper, HelperOptions, MatchContext } from '../shared/types';
import { treeFact } from '../../engine/incremental/documentFacts';
import { capture } from '../shared/types';

// open-redirect's quick fixes: the framework's own local-only redirect, where one exists. Both are unsafe: a
// redirect to another host that the application meant (an identity provider, a partner site) now fails.

/** ASP.NET Core's local-only twin of each redirect helper of ControllerBase / PageModel. */
const LOCAL: Record<string, string> = {
  Redirect: 'LocalRedirect',
  RedirectPermanent: 'LocalRedirectPermanent',
  RedirectPreserveMethod: 'LocalRedirectPreserveMethod',
  RedirectPermanentPreserveMethod: 'LocalRedirectPermanentPreserveMethod',
};

/**
 * The class around `node` derives from an MVC controller or a Razor page, which have the LocalRedirect helpers.
 * Which classes do is a fact of the whole file (the class header lies outside the function being analysed).
 */
function inControllerOrPage(ctx: MatchContext, node: Node): boolean {
  let cls: Node | null = node.parent;
  while (cls && cls.type !== 'class_declaration') cls = cls.parent;
  const name = cls?.childForFieldName('name')?.text;
  if (!name) return false;
  const names = treeFact(ctx.tree!.rootNode, 'csharp-redirect-classes', controllerClasses);
  return names.includes(name);
}

function controllerClasses(root: Node): string[] {
  const out: string[] = [];
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n.type === 'class_declaration') {
      const bases = n.namedChildren.find((c) => c?.type === 'base_list')?.text ?? '';
      const name = n.childForFieldName('name')?.text;
      if (name && /\b(Controller|ControllerBase|PageModel)\b/.test(bases)) out.push(name);
    }
    // Classes sit in namespaces and other classes, never inside method bodies that matter here.
    if (/^(compilation_unit|namespace_declaration|file_scoped_namespace_declaration|declaration_list|class_declaration)$/.test(n.type)) {
      for (const c of n.namedChildren) if (c) stack.push(c);
    }
  }
  return out;
}

export const fixes: Record<string, FixHelper> = {
  /** C# `Redirect(url)` in a controller → `LocalRedirect(url)`, which throws for a URL that is not local. */
  redirectCsharpLocal: (ctx) => {
    const fn = capture(ctx, 'fn');
    const call = capture(ctx, 'finding')?.node;
    const to = fn ? LOCAL[fn.text] : undefined;
    if (!fn?.node || !call || !to) return undefined;
    // Only the controller's own helper (`Redirect(x)`, `this.Redirect(x)`), not `Response.Redirect(x)`.
    const callee = call.childForFieldName('function');
    if (!callee || !(callee.type === 'identifier' || /^this\s*\.\s*\w+$/.test(callee.text))) return undefined;
    if (!ctx.tree || !inControllerOrPage(ctx, call)) return undefined;
    ctx.vars['localRedirect'] = to;
    return [{ start: fn.start, end: fn.end, text: to }];
  },

  /** Rails `redirect_to url` → `redirect_to url, allow_other_host: false` (Rails 7 raises for another host). */
  redirectRailsLocalHost: (ctx) => {
    const args = capture(ctx, 'finding')?.node?.childForFieldName('arguments');
    if (!args || /\ballow_other_host\b/.test(args.text)) return undefined;
    const list = args.namedChildren.filter((c): c is Node => c !== null && c.type !== 'comment');
    const last = list[list.length - 1];
    // A block argument (`&blk`) must stay last.
    if (!last || last.type === 'block_argument') return undefined;
    return [{ start: last.endIndex, end: last.endIndex, text: ', allow_other_host: false' }];
  },
};

export const options: Record<string, HelperOptions> = {
  redirectCsharpLocal: {},
  redirectRailsLocalHost: {},
};
