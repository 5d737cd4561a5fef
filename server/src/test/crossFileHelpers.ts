// What a scan with taint across files hands the settling step (project/scan/crossFile.ts): each file analysed with
// `crossFile`, its findings with the calls and returns it summarised. Shared by the cross-file taint and secret tests.
import type { Engine } from '../engine';
import type { FileResult } from '../project';

/** Analyses `files` (path -> text; `.py` is Python, anything else Java) in `order`, as the scan's workers would. */
export async function analyseAsScan(engine: Engine, files: Record<string, string>, order: string[] = Object.keys(files)): Promise<FileResult[]> {
  const out: FileResult[] = [];
  for (const rel of order) {
    const r = await engine.analyze({ path: rel, languageId: rel.endsWith('.py') ? 'python' : 'java', text: files[rel]! }, { crossFile: true });
    out.push({ rel, findings: r.findings, notes: r.notes, ...(r.calls ? { calls: r.calls } : {}), ...(r.returns ? { returns: r.returns } : {}) });
  }
  return out;
}
