import type { ProducedMatch, ProducerHelper } from '../types';
import { optString } from '../types';
import { isPlaceholderValue, isSecretName } from './names';
import { mutableTag } from './k8s';
import { inheritedUser } from './dockerUser';

// Dockerfile checks over instructions (continuation lines joined), split into build stages at each FROM.

interface Instruction {
  keyword: string;
  /** Arguments text with continuations kept as they are in the file. */
  args: string;
  start: number;
  argsStart: number;
  end: number;
}

export function parseDockerfile(text: string): Instruction[] {
  const out: Instruction[] = [];
  const re = /^\uFEFF?[ \t]*([A-Za-z]+)[ \t]+/gm;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const start = m.index + m[0].length - m[0].replace(/^\uFEFF/, '').trimStart().length;
    const argsStart = m.index + m[0].length;
    // The instruction runs to the first line end not preceded by a backslash continuation.
    let end = argsStart;
    for (;;) {
      const nl = text.indexOf('\n', end);
      if (nl < 0) {
        end = text.length;
        break;
      }
      const line = text.slice(end, nl).replace(/\r$/, '');
      if (/\\[ \t]*$/.test(line) && !/^\s*#/.test(line)) end = nl + 1;
      else {
        end = nl;
        break;
      }
    }
    if (text[end - 1] === '\r') end--;
    out.push({ keyword: m[1]!.toUpperCase(), args: text.slice(argsStart, end), start, argsStart, end });
    re.lastIndex = Math.max(end, re.lastIndex);
  }
  return out.filter((i) => !i.keyword.startsWith('#'));
}

function stages(ins: Instruction[]): Instruction[][] {
  const out: Instruction[][] = [];
  for (const i of ins) {
    if (i.keyword === 'FROM') out.push([i]);
    else if (out.length > 0) out[out.length - 1]!.push(i);
  }
  return out;
}

/** FROM [--platform=x] image [AS name] */
function fromParts(i: Instruction): { image: string; imageStart: number; alias?: string } {
  const re = /(?:--\S+\s+)*(\S+)(?:\s+as\s+(\S+))?/iy;
  re.lastIndex = 0;
  const m = re.exec(i.args)!;
  const image = m?.[1] ?? '';
  const r: { image: string; imageStart: number; alias?: string } = { image, imageStart: i.argsStart + i.args.indexOf(image) };
  if (m?.[2]) r.alias = m[2].toLowerCase();
  return r;
}

type Check = (ins: Instruction[], out: ProducedMatch[]) => void;

const CHECKS: Record<string, Check> = {
  rootUser: (ins, out) => {
    const all = stages(ins);
    const last = all[all.length - 1];
    if (!last) return;
    const users = last.filter((i) => i.keyword === 'USER');
    const user = users[users.length - 1];
    if (!user) {
      const from = last[0]!;
      // Stages by alias, for a final stage built FROM an earlier one (which may have set USER).
      const byAlias = new Map<string, Instruction[]>();
      for (const st of all) {
        const alias = fromParts(st[0]!).alias;
        if (alias && st !== last) byAlias.set(alias, st);
      }
      const verdict = inheritedUser(last, fromParts(from).image, (image) => byAlias.get(image.toLowerCase()));
      if (verdict.kind === 'nonRoot') return;
      const setting = 'no USER instruction in the final stage';
      if (verdict.kind === 'likelyDropped') out.push({ start: from.start, end: from.end, vars: { setting: `${setting}, but ${verdict.how}` }, severity: 'info' });
      else out.push({ start: from.start, end: from.end, vars: { setting } });
      return;
    }
    const name = user.args.trim().split(':')[0]!;
    if (name === 'root' || name === '0') {
      out.push({ start: user.start, end: user.end, vars: { setting: `USER ${user.args.trim()}` } });
    }
  },
  imageTag: (ins, out) => {
    const aliases = new Set<string>();
    for (const i of ins) {
      if (i.keyword !== 'FROM') continue;
      const f = fromParts(i);
      const lower = f.image.toLowerCase();
      if (lower !== 'scratch' && !aliases.has(lower)) {
        const tag = mutableTag(f.image);
        if (tag) out.push({ start: f.imageStart, end: f.imageStart + f.image.length, vars: { image: f.image, tag } });
      }
      if (f.alias) aliases.add(f.alias);
    }
  },
  remoteFetch: (ins, out) => {
    for (const i of ins) {
      if (i.keyword === 'ADD' && /(^|\s)https?:\/\//i.test(i.args) && !/--checksum=/.test(i.args)) {
        out.push({ start: i.start, end: i.end, vars: { what: 'ADD of a remote URL without --checksum' } });
      }
      if (i.keyword === 'RUN') {
        const pipe = /\b(curl|wget)\b[^|;&]*\|\s*(sudo\s+)?(ba|z|da)?sh\b|\b(curl|wget)\b[^|;&]*\|\s*(sudo\s+)?(python3?|perl|ruby|node)\b/.exec(i.args);
        if (pipe) {
          const s = i.argsStart + pipe.index;
          out.push({ start: s, end: s + pipe[0].length, vars: { what: 'a downloaded script piped into an interpreter' } });
        }
      }
    }
  },
  envSecret: (ins, out) => {
    for (const i of ins) {
      if (i.keyword !== 'ENV' && i.keyword !== 'ARG') continue;
      // KEY=value pairs, or the legacy `ENV KEY value` form.
      const pairs = /([A-Za-z_][\w.-]*)=("(?:[^"\\\n]|\\.)*"|'[^'\n]*'|[^\s\\]+)/g;
      let m: RegExpExecArray | null;
      let any = false;
      while ((m = pairs.exec(i.args)) !== null) {
        any = true;
        const value = m[2]!;
        if (isSecretName(m[1]!) && !isPlaceholderValue(value)) {
          const s = i.argsStart + m.index + m[1]!.length + 1;
          out.push({ start: s, end: s + value.length, vars: { name: m[1]!, instruction: i.keyword } });
        }
      }
      if (!any && i.keyword === 'ENV') {
        const legacy = /^([A-Za-z_][\w.-]*)\s+(\S.*)$/.exec(i.args.trim());
        if (legacy && isSecretName(legacy[1]!) && !isPlaceholderValue(legacy[2]!)) {
          const s = i.argsStart + i.args.indexOf(legacy[2]!, legacy[1]!.length);
          out.push({ start: s, end: s + legacy[2]!.length, vars: { name: legacy[1]!, instruction: i.keyword } });
        }
      }
    }
  },
};

/** The checks a rule can name in `options.check`. */
export const DOCKER_CHECKS = Object.keys(CHECKS);

export const dockerfile: ProducerHelper = (doc, options) => {
  const check = CHECKS[optString(options, 'check') ?? ''];
  if (!check) throw new Error(`dockerfile: unknown check '${String(options['check'])}'`);
  const out: ProducedMatch[] = [];
  check(parseDockerfile(doc.text), out);
  return out;
};
