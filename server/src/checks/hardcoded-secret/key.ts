import type { FilterHelper } from '../shared/types';
import { capture, optString } from '../shared/types';
import { maskSecret } from '../../engine/finalise/mask';
import { hasInterpolation, literalContent } from './literal';

// Literals used as keys: a string that reaches a signing or encryption key parameter (jwt.sign's secret, an HMAC
// key, a cipher key, a session secret, a key passphrase, a basic-auth password) is a hardcoded key whatever the
// variable is called and however weak it looks. `jwt.sign(p, "secret")` is the finding, not a placeholder: so
// unlike the generic layer, no entropy or placeholder-word check runs here, only template and reference syntax.

const TEMPLATE = /\$\{|\{\{|%\(|%[sd]\b|#\{|^\$[A-Za-z_]|^(?:ENC\(|vault:|arn:aws|env:|op:\/\/)/i;

/** Option `kind`: what the message calls the value ("JWT signing key"). */
export const hardcodedKey: FilterHelper = (ctx, _target, options) => {
  const f = capture(ctx, 'finding');
  if (!f?.node || hasInterpolation(f.node)) return false;
  const content = literalContent(f.node);
  // A value with no letter or digit (`{}`, `-`, `***`) is a placeholder, never a key.
  if (!content || !/[A-Za-z0-9]/.test(content.text) || TEMPLATE.test(content.text)) return false;
  ctx.vars['what'] = optString(options, 'kind') ?? 'Hardcoded key';
  ctx.vars['value'] = maskSecret(content.text);
  return true;
};
