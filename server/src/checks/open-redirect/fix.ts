import type { Node } from '../../engine/source/parse';
import type { FixHelper, HelperOptions } from '../shared/types';
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

/** The class around `node` derives from an MVC controller or a Razor page, which have the LocalRedirect helpers. */
function inControllerOrPage(node: Node): boolean {
  for (let p = node.parent; p; p = p.parent) {
    if (p.type !== 'class_declaration') continue;
    const bases = p.namedChildren.find((c) => c?.type === 'base_list')?.text ?? '';
    return /\b(Controller|ControllerBase|PageModel)\b/.test(bases);
  }
  return false;
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
    if (!inControllerOrPage(call)) return undefined;
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
