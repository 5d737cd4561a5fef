import type { FilterHelper, FixHelper, MatchContext, HelperOptions } from '../shared/types';
import { capture, optString, opt } from '../shared/types';
import { isCodeLanguage } from '../../engine/source/languages';
import { maskSecret } from '../../engine/finalise/mask';
import { hasInterpolation, literalContent } from './literal';
import { secretKindOfName } from './name';
import { credentialPart, isDocumentedCredential, isPlaceholder, isPlaceholderToken, rejectValue } from './value';
import { overlapsProvider } from './overlap';
import { secretToEnv } from './fix';
import { secretFormat } from './format';
import { hardcodedKey } from './key';
import { isLocaleFile } from './locale';
import { exampleSecretInTests } from './exampleInTests';
import { inPythonDocString } from './docstring';
import { inYamlDocumentation } from './yamlExample';

// Helpers of the hardcoded-secret rule. Two layers share them:
//  - provider formats (regexes in the rule file) are checked by `secretToken`, `urlPassword` and `privateKeyBlock`;
//  - the generic layer (a literal keyed to a secret-like name) is checked by `secretAssignment`, in code through
//    tree-sitter queries and in text files through regexes keyed on the name.
// Every helper publishes the value only masked (`{{value}}`), never raw.

const GENERIC = 'secretAssignment';

// Prose formats: examples in documentation are nearly always illustrative, so only provider formats run there.
const PROSE = /\.(?:md|markdown|mdx|rst|adoc|asciidoc|txt)$/i;

// Formats where a value may stand unquoted (`KEY=value`); elsewhere an unquoted word is an identifier or expression.
const UNQUOTED_OK = /(?:^|[\\/])(?:\.env[^\\/]*|[^\\/]*\.(?:env|properties|ya?ml|ini|cfg|conf|cnf|toml|tf|tfvars|hcl|sh|bash|zsh|ps1|json|xml|config|plist|service|npmrc|pypirc|netrc|gitconfig)|Dockerfile[^\\/]*|[^\\/]*\.dockerfile|Containerfile|\.npmrc|\.pypirc|\.netrc|credentials|config)$/i;

function describeName(name: string, kind: 'password' | 'key'): string {
  const bare = name.replace(/^[\s"'`$@:]+|[\s"'`:]+$/g, '').slice(0, 60);
  const verb = /^set[A-Z_]/.test(bare) ? 'passed to' : 'assigned to';
  return `${kind === 'password' ? 'Password' : 'Secret'} ${verb} '${bare}'`;
}

function unquote(text: string, start: number): { text: string; start: number; end: number; quoted: boolean } {
  const q = text[0];
  if (text.length >= 2 && (q === '"' || q === "'" || q === '`') && text[text.length - 1] === q) {
    return { text: text.slice(1, -1), start: start + 1, end: start + text.length - 1, quoted: true };
  }
  return { text, start, end: start + text.length, quoted: false };
}

/** The value of a generic match: a literal node's content (code) or the regex's value group without quotes (text). */
function genericValue(ctx: MatchContext, layer: string): { text: string; start: number; end: number } | undefined {
  const f = capture(ctx, 'finding');
  if (!f) return undefined;
  if (layer === 'code') {
    if (!f.node || hasInterpolation(f.node)) return undefined;
    return literalContent(f.node);
  }
  const v = unquote(f.text, f.start);
  if (!v.quoted && !UNQUOTED_OK.test(ctx.doc.path)) return undefined;
  // Report the value without its quotes, so the finding covers the same span a provider pattern would.
  ctx.captures.set('finding', [{ name: 'finding', text: v.text, start: v.start, end: v.end }]);
  return v;
}

export const filters: Record<string, FilterHelper> = {
  /** A row of the rule's `formats:` table: placeholder, context words and checksum (see format.ts). */
  secretFormat,

  /** A literal at a signing or encryption key parameter (see key.ts). */
  hardcodedKey,

  /** Info only: a secret in test code whose file or name says it is a published test key (see exampleInTests.ts). */
  exampleSecretInTests,

  /**
   * Generic layer: keeps a literal keyed to a secret-like name when the value looks real (length, entropy, not a
   * placeholder, reference or example) and no provider pattern already reports it. Option `layer`: `code` | `text`.
   */
  [GENERIC]: (ctx, _target, options) => {
    const layer = optString(options, 'layer') ?? 'code';
    if (layer === 'text' && (isCodeLanguage(ctx.doc.languageId) || PROSE.test(ctx.doc.path) || ctx.doc.languageId === 'markdown')) return false;
    if (isLocaleFile(ctx.doc.path)) return false;
    const name = capture(ctx, 'name')?.text;
    if (!name) return false;
    const kind = secretKindOfName(name);
    if (!kind) return false;
    const value = genericValue(ctx, layer);
    if (!value || rejectValue(value.text, kind) !== undefined) return false;
    if (layer === 'text' && inYamlDocumentation(ctx.doc.path, ctx.text, value.start)) return false;
    if (overlapsProvider(ctx, value.start, value.end, GENERIC, filters)) return false;
    ctx.vars['what'] = describeName(name, kind);
    ctx.vars['value'] = maskSecret(credentialPart(value.text));
    return true;
  },

  /** Provider layer: drops documentation placeholders (EXAMPLE, xxxx, too few distinct characters). Option `kind` names the provider. */
  secretToken: (ctx, target, options) => {
    if (!target) return false;
    const token = target.text;
    if (isPlaceholderToken(token)) return false;
    if (options['jwt'] === true && !isJwt(token)) return false;
    ctx.vars['what'] = optString(options, 'kind') ?? 'Credential';
    ctx.vars['value'] = maskSecret(token);
    return true;
  },

  /** Credentials in a URL (`scheme://user:password@host`): the password must not be a placeholder or equal the user name. */
  urlPassword: (ctx, target, options) => {
    if (!target) return false;
    const pw = target.text;
    const user = capture(ctx, 'user')?.text ?? '';
    if (isPlaceholder(pw) || pw === user || pw.length < 4 || /^\d{1,5}$/.test(pw)) return false;
    if (isDocumentedCredential(user, pw) || inPythonDocString(ctx, target.start)) return false;
    // Documentation hosts (RFC 2606): URLs in docs and comments show the syntax, not a credential.
    if (/(?:^|\.)example(?:\.(?:com|net|org))?$/i.test(capture(ctx, 'host')?.text ?? '')) return false;
    if (/^(?:%[0-9A-Fa-f]{2})+$/.test(pw)) return false;
    ctx.vars['what'] = optString(options, 'kind') ?? 'Password in a connection URL';
    ctx.vars['value'] = maskSecret(pw);
    const host = capture(ctx, 'host')?.text ?? '';
    // Local development databases are still worth a look, but with less certainty.
    if (/^(?:localhost|127\.0\.0\.1|0\.0\.0\.0|\[?::1\]?)$/i.test(host)) ctx.confidence = 'medium';
    return true;
  },

  /** A PEM private key block with a real body (not `...` or a few characters of documentation). */
  privateKeyBlock: (ctx, target) => {
    if (!target) return false;
    const body = capture(ctx, 'body')?.text ?? target.text;
    const b64 = body.replace(/\\[nr]/g, '').replace(/[^A-Za-z0-9+/]/g, '');
    if (b64.length < 64 || /\.\.\.|xxxx|example/i.test(body)) return false;
    ctx.vars['what'] = 'Private key';
    ctx.vars['value'] = 'PEM block';
    return true;
  },
};

/** A JWT whose header decodes to a JSON object naming a signing algorithm other than `none`. */
function isJwt(token: string): boolean {
  const head = token.split('.')[0] ?? '';
  try {
    const json: unknown = JSON.parse(Buffer.from(head, 'base64url').toString('utf8'));
    if (typeof json !== 'object' || json === null) return false;
    const alg = (json as Record<string, unknown>)['alg'];
    return typeof alg === 'string' && alg.toLowerCase() !== 'none';
  } catch {
    return false;
  }
}

export const fixes: Record<string, FixHelper> = {
  /** Replaces the secret literal with an environment lookup named after the variable (UPPER_SNAKE). */
  secretToEnv,
};

/** The options each helper above accepts (checked when a rule file loads). */
export const options: Record<string, HelperOptions> = {
  // Written by the loader from a rule's `formats:` table (secretFormats.ts), not by hand.
  secretFormat: { id: opt.string, kind: opt.string, prefix: opt.string, context: opt.stringList, checksum: opt.string },
  hardcodedKey: { kind: opt.string },
  exampleSecretInTests: {},
  [GENERIC]: { layer: opt.string },
  secretToken: { kind: opt.string, jwt: opt.boolean },
  urlPassword: { kind: opt.string },
  privateKeyBlock: {},
  secretToEnv: { envName: opt.string },
};
