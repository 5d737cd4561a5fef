// One analysis of one open document: settings, size limit, engine, diagnostics. Pure of scheduling, so
// the scheduler, pull diagnostics and fix-all share it.
import type { Diagnostic } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { isCodeLanguage, languageIdForPath, pickAnalysisOptions, type AnalysisOptions, type Engine, type Finding, type Note, type Rule } from '../engine';
import type { FileResult } from '../project';
import type { ResolvedSettings } from './context';
import { findingToDiagnostic, noteToDiagnostic } from './diagnostics';
import { documentSession } from './documentSessions';
import type { Settler } from './scanSummaries';

export interface DocResult {
  uri: string;
  version: number;
  /** `version:settingsEpoch`: a result is reusable only while both are unchanged. */
  key: string;
  findings: Finding[];
  notes: Note[];
  diagnostics: Diagnostic[];
  /** Why the document was not analysed (disabled, too large, binary). */
  skipped?: string;
  elapsedMs: number;
}

export interface AnalyzeDeps {
  settingsFor(uri: string): Promise<ResolvedSettings>;
  engineFor(settings: ResolvedSettings): Engine;
  enginePath(uri: string): string;
  docsHref(rule: Rule): string | undefined;
  log(message: string): void;
  /** Logs a line at most once per document until the document is analysed normally again. */
  logOnce(uri: string, message: string): void;
  clearLogOnce(uri: string): void;
  /**
   * Settles the document's findings against the last completed workspace scan's summaries of the other files of
   * its pool (scanSummaries.ts); undefined without them: the document's findings are then single-file, as before.
   */
  crossFileSettler?(uri: string, enginePath: string): Settler | undefined;
  /** The URI of a flow step in another file (`path` relative to the document's workspace folder). */
  stepUri?(uri: string, stepPath: string): string | undefined;
}

/** The analysis options of a resource's settings (for its open document and for the workspace scan alike). */
export function analysisOptions(s: ResolvedSettings): AnalysisOptions {
  return pickAnalysisOptions(s);
}

/**
 * The engine speaks VS Code language ids. Other editors send their own (Neovim `cs`, Helix `c-sharp`), so an
 * id the engine does not know falls back to what the file name says; text rules run either way.
 */
export function engineLanguageId(languageId: string, enginePath: string): string {
  if (isCodeLanguage(languageId)) return languageId;
  const byPath = languageIdForPath(enginePath);
  return isCodeLanguage(byPath) ? byPath : languageId;
}

/**
 * Analyses the document's current text. Returns undefined when the document changed while the analysis
 * ran: that result describes a text the user no longer has, and publishing it would flicker stale squiggles.
 */
export async function analyzeDocument(
  deps: AnalyzeDeps,
  doc: TextDocument,
  epoch: number,
  isCurrent: (uri: string, version: number) => boolean,
): Promise<DocResult | undefined> {
  const uri = doc.uri;
  const settings = await deps.settingsFor(uri);
  // Text and version are read together after the last await: TextDocument updates in place.
  const version = doc.version;
  const text = doc.getText();
  const base = { uri, version, key: `${version}:${epoch}`, findings: [], notes: [], diagnostics: [], elapsedMs: 0 };
  const path = deps.enginePath(uri);
  if (!settings.enable) return { ...base, skipped: 'disabled by vigil.enable' };
  const max = settings.maxFileSize ?? Number.POSITIVE_INFINITY;
  // Compare bytes, as the setting says; a UTF-16 length would let multi-byte text past the limit.
  const bytes = text.length > max / 3 ? Buffer.byteLength(text, 'utf8') : text.length;
  if (bytes > max) {
    deps.logOnce(uri, `skipped ${path}: ${bytes} bytes is over vigil.maxFileSize (${max} bytes)`);
    return { ...base, skipped: 'too large' };
  }
  const engine = deps.engineFor(settings);
  // With a scan's summaries, the findings that wait on other files are marked (crossFile) and settled below, as
  // the scan settled them; same options as the scan, so the fingerprints are the scan's too (engine finalise).
  const settle = deps.crossFileSettler?.(uri, path);
  const opts = settle ? { ...analysisOptions(settings), crossFile: true } : analysisOptions(settings);
  const res = await documentSession(uri, engine).analyze({ path, languageId: engineLanguageId(doc.languageId, path), text }, opts);
  if (!isCurrent(uri, version)) return undefined;
  if (res.skipped) {
    deps.logOnce(uri, `skipped ${path}: ${res.skipped}`);
    return { ...base, skipped: res.skipped, elapsedMs: res.elapsedMs };
  }
  deps.clearLogOnce(uri);
  for (const n of res.notes) {
    // rule-error notes were logged by the engine with the rule id; a parse that ran out of budget is worth a line too.
    if (n.code === 'skipped') deps.log(`${path}: ${n.message}`);
  }
  const findings = settle ? settleOpen(path, res.findings, settle) : res.findings;
  const stepUri = deps.stepUri ? (p: string): string | undefined => deps.stepUri!(uri, p) : undefined;
  const diagnostics: Diagnostic[] = [];
  for (const f of findings) {
    const rule = engine.rule(f.ruleId);
    diagnostics.push(findingToDiagnostic(f, version, rule ? deps.docsHref(rule) : undefined, uri, stepUri));
  }
  for (const n of res.notes) {
    const d = noteToDiagnostic(n);
    if (d) diagnostics.push(d);
  }
  if (settings.trace === 'verbose') deps.log(`analysed ${path} v${version}: ${findings.length} findings in ${res.elapsedMs.toFixed(1)} ms${settle ? ' (settled against the scan)' : ''}`);
  return { ...base, findings, notes: res.notes, diagnostics, elapsedMs: res.elapsedMs };
}

/**
 * The document's findings settled as the scan settles them (crossFile.ts), with the buffer's findings in place of
 * the file's stored entry; no waiting finding, nothing to do.
 */
function settleOpen(rel: string, findings: Finding[], settle: Settler): Finding[] {
  if (!findings.some((f) => f.crossFile)) return findings;
  const own: FileResult = { rel, findings, notes: [] };
  settle(own);
  return own.findings;
}
