// Human output: findings grouped by file, each with a code frame (already masked by the worker for secret
// rules), then a one-line summary. Colours only when asked for or on a terminal without NO_COLOR.
import type { Finding, Severity } from '../engine';
import type { Report } from './collect';
import type { CodeFrame } from '../project';

export interface Palette {
  bold(s: string): string;
  dim(s: string): string;
  sev(sev: Severity, s: string): string;
}

const plain: Palette = { bold: (s) => s, dim: (s) => s, sev: (_, s) => s };
const SGR: Record<Severity, number> = { error: 31, warning: 33, info: 36 };
const ansi: Palette = {
  bold: (s) => `\x1b[1m${s}\x1b[22m`,
  dim: (s) => `\x1b[2m${s}\x1b[22m`,
  sev: (sev, s) => `\x1b[${SGR[sev]}m${s}\x1b[39m`,
};

/** `--color`/`--no-color` win; otherwise colour only a terminal, and never when NO_COLOR is set (no-color.org). */
export function useColor(flag: boolean | undefined, toTerminal: boolean, env: NodeJS.ProcessEnv = process.env): boolean {
  if (flag !== undefined) return flag;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return toTerminal;
}

export function palette(color: boolean): Palette {
  return color ? ansi : plain;
}

function frameText(frame: CodeFrame, p: Palette, sev: Severity): string[] {
  const width = String(frame.firstLine + frame.lines.length).length;
  const out: string[] = [];
  frame.lines.forEach((line, i) => {
    const no = String(frame.firstLine + i + 1).padStart(width);
    const mark = i === frame.caret.line ? '>' : ' ';
    const cut = frame.offset > 0 ? '…' : '';
    out.push(`  ${p.dim(`${mark} ${no} |`)} ${cut}${line.replace(/\t/g, ' ')}`);
    if (i === frame.caret.line) {
      const pad = ' '.repeat(frame.caret.start + cut.length);
      out.push(`  ${p.dim(`  ${' '.repeat(width)} |`)} ${pad}${p.sev(sev, '^'.repeat(Math.max(1, frame.caret.end - frame.caret.start)))}`);
    }
  });
  return out;
}

function findingLine(f: Finding, p: Palette): string {
  const pos = `${f.range.start.line + 1}:${f.range.start.character + 1}`;
  const suppressed = f.suppression ? p.dim(` (suppressed${f.suppression.justification ? `: ${f.suppression.justification}` : ''})`) : '';
  const demoted = f.demoted ? p.dim(` (demoted: ${f.demoted.reason})`) : '';
  return `  ${pos.padEnd(8)} ${p.sev(f.severity, f.severity.padEnd(7))} ${f.message}  ${p.dim(f.ruleId)}${demoted}${suppressed}`;
}

/** A taint finding's path, one step a line: where the input entered, each hop, the sink. */
function flowText(f: Finding, p: Palette): string[] {
  const steps = f.flow ?? [];
  // A step in another file (taint across files) names it before its line.
  return steps.map((s, i) => `  ${p.dim(i === 0 ? 'flow:' : '     ')} ${String(i + 1).padStart(2)}. ${`${s.path ? `${s.path}:` : ''}${s.range.start.line + 1}:${s.range.start.character + 1}`.padEnd(8)} ${s.message}`);
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function toText(report: Report, color: boolean): string {
  const p = palette(color);
  const out: string[] = [];
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  let demoted = 0;
  for (const file of report.files) {
    if (file.findings.length === 0 && file.notes.length === 0) continue;
    out.push(p.bold(file.path));
    file.findings.forEach((f, i) => {
      if (!f.suppression) counts[f.severity]++;
      if (!f.suppression && f.demoted) demoted++;
      out.push(findingLine(f, p));
      const frame = file.frames?.[i];
      if (frame) out.push(...frameText(frame, p, f.severity));
      if (f.flow && f.flow.length > 0) out.push(...flowText(f, p));
    });
    for (const n of file.notes) out.push(`  ${`${n.range.start.line + 1}:${n.range.start.character + 1}`.padEnd(8)} ${p.dim('note   ')} ${n.message}`);
    out.push('');
  }
  if (report.skipped.length > 0) {
    out.push(p.bold(`Skipped ${plural(report.skipped.length, 'file')}:`));
    const shown = report.skipped.slice(0, 20);
    for (const s of shown) out.push(`  ${s.path}: ${s.reason}`);
    if (report.skipped.length > shown.length) out.push(`  … and ${report.skipped.length - shown.length} more (--format json lists all)`);
    out.push('');
  }
  const total = counts.error + counts.warning + counts.info;
  const parts = [`${plural(total, 'finding')} (${counts.error} error, ${counts.warning} warning, ${counts.info} info${demoted ? `; ${demoted} demoted in test code` : ''})`, `${plural(report.filesScanned, 'file')} scanned`];
  if (report.skipped.length) parts.push(`${report.skipped.length} skipped`);
  if (report.baselined) parts.push(`${report.baselined} in baseline`);
  if (report.suppressed) parts.push(`${report.suppressed} suppressed`);
  parts.push(`${(report.elapsedMs / 1000).toFixed(2)}s`);
  const summary = parts.join(', ');
  out.push(total > 0 ? p.sev(counts.error ? 'error' : 'warning', summary) : summary);
  return `${out.join('\n')}\n`;
}
