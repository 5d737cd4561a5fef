import type { FilterHelper } from '../shared/types';
import { optString } from '../shared/types';
import { maskSecret } from '../../engine/finalise/mask';
import { isPlaceholderToken } from './value';
import { checksumValid } from './checksum';

// The filter of every row of the rule's `formats:` table (see engine/rules/secretFormats.ts): the placeholder check on the
// token's random part, the context words for formats without a distinctive prefix, and the offline checksum.

/** How far before the value (same line) a context word may stand: `DATADOG_API_KEY: "..."`, `datadog.apiKey = ...`. */
const CONTEXT_WINDOW = 120;

function contextBefore(text: string, start: number): string {
  let from = start;
  const limit = Math.max(0, start - CONTEXT_WINDOW);
  while (from > limit && text[from - 1] !== '\n' && text[from - 1] !== '\r') from--;
  return text.slice(from, start).toLowerCase();
}

export const secretFormat: FilterHelper = (ctx, target, options) => {
  if (!target) return false;
  const token = target.text;
  const prefix = optString(options, 'prefix') ?? '';
  // The prefix is structure (Twitter's run of A's, `AKIA`); only the rest must not look like a placeholder.
  const random = token.startsWith(prefix) ? token.slice(prefix.length) : token;
  if (isPlaceholderToken(random) || /example|xxxx/i.test(token)) return false;
  const context = options['context'];
  if (Array.isArray(context) && context.length > 0) {
    const before = contextBefore(ctx.text, target.start);
    if (!context.some((w) => typeof w === 'string' && before.includes(w.toLowerCase()))) return false;
  }
  const kind = optString(options, 'kind') ?? 'Credential';
  const checksum = optString(options, 'checksum');
  if (checksum) {
    // A token issued in this format always carries its checksum; one that fails it was edited or made up.
    if (!checksumValid(checksum, random)) return false;
    ctx.vars['what'] = `${kind} (checksum verified)`;
    ctx.proven = 'checksum verified';
  } else {
    ctx.vars['what'] = kind;
  }
  ctx.vars['value'] = maskSecret(token);
  return true;
};
