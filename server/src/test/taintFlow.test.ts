// Taint findings carry their path (Finding.flow) from the source to the sink, and every output shows it: LSP
// relatedInformation, SARIF codeFlows, the text report's steps and the JSON report's `flow`.
import * as assert from 'assert';
import { Engine, type Finding } from '../engine';
import type { Report } from '../cli/collect';
import { findingToDiagnostic } from '../lsp/diagnostics';
import { toSarif } from '../cli/sarif';
import { toText } from '../cli/text';
import { toJson } from '../cli/json';
import { sarifValidator } from './sarifSchema';

const engine = Engine.create();

const JAVA = [
  'class Files {',
  '    void read(javax.servlet.http.HttpServletRequest request) {',
  '        String name = request.getParameter("name");',
  '        String path = "/srv/" + name;',
  '        new java.io.File(path);',
  '    }',
  '}',
  '',
].join('\n');

async function flowFinding(): Promise<Finding> {
  const r = await engine.analyze({ path: 'Files.java', languageId: 'java', text: JAVA });
  const f = r.findings.find((x) => x.ruleId === 'path-traversal');
  assert.ok(f, `no path-traversal finding: ${JSON.stringify(r.findings.map((x) => x.ruleId))}`);
  return f;
}

function report(findings: Finding[]): Report {
  return { root: '/tmp/x', files: [{ path: 'Files.java', findings, notes: [] }], skipped: [], filesScanned: 1, sizes: [], baselined: 0, suppressed: 0, elapsedMs: 0 };
}

describe('taint flow: Finding.flow and its outputs', () => {
  it('the engine gives the steps from the source to the sink, in order', async () => {
    const f = await flowFinding();
    const steps = (f.flow ?? []).map((s) => `${s.range.start.line}: ${s.message}`);
    assert.deepStrictEqual(steps, [
      '2: request parameter read here: `request.getParameter("name")`',
      '2: assigned to `name`',
      '3: assigned to `path`',
      '4: reaches the sink `new java.io.File(path)`',
    ]);
    assert.strictEqual(f.confidence, 'high');
    assert.match(f.message, /request\.getParameter\("name"\)` \(line 3\)/);
  });

  it('a parameter nobody calls is medium confidence, and a constant is not reported', async () => {
    const text = 'class A {\n  public void f(javax.naming.directory.DirContext ctx, String p) throws Exception { ctx.search("ou=people", "(cn=" + p + ")", null); }\n  void g(javax.naming.directory.DirContext ctx) throws Exception { String c = "x"; ctx.search("ou=people", "(cn=" + c + ")", null); }\n}\n';
    const r = await engine.analyze({ path: 'A.java', languageId: 'java', text });
    const found = r.findings.filter((x) => x.ruleId === 'ldap-injection');
    assert.deepStrictEqual(found.map((x) => [x.range.start.line, x.confidence]), [[1, 'medium']]);
  });

  it('a wrapper handing a parameter on unchanged is not reported; one building text around it is', async () => {
    const text = 'class A {\n  public Object f(javax.naming.directory.DirContext ctx, String filter) throws Exception { return ctx.search("ou=people", filter, null); }\n  public Object g(javax.naming.directory.DirContext ctx, String cn) throws Exception { return ctx.search("ou=people", "(cn=" + cn + ")", null); }\n}\n';
    const r = await engine.analyze({ path: 'A.java', languageId: 'java', text });
    assert.deepStrictEqual(r.findings.filter((x) => x.ruleId === 'ldap-injection').map((x) => [x.range.start.line, x.confidence]), [[2, 'medium']]);
  });

  it('a file path from a parameter nobody calls is not reported; from a request it is', async () => {
    const text = 'class A {\n  public void f(String p) { new java.io.File("/srv/" + p); }\n  void g(javax.servlet.http.HttpServletRequest r) { new java.io.File("/srv/" + r.getParameter("p")); }\n}\n';
    const r = await engine.analyze({ path: 'A.java', languageId: 'java', text });
    const found = r.findings.filter((x) => x.ruleId === 'path-traversal');
    assert.deepStrictEqual(found.map((x) => [x.range.start.line, x.confidence]), [[2, 'high']]);
  });

  it('LSP: relatedInformation points at each step in the document', async () => {
    const f = await flowFinding();
    const d = findingToDiagnostic(f, 1, undefined, 'file:///w/Files.java');
    assert.strictEqual(d.relatedInformation?.length, f.flow!.length);
    assert.strictEqual(d.relatedInformation![0]!.location.uri, 'file:///w/Files.java');
    assert.deepStrictEqual(d.relatedInformation![0]!.location.range, f.flow![0]!.range);
    assert.match(d.relatedInformation![0]!.message, /^1\. request parameter read here/);
    // Without a document URI (a finding with nowhere to point), there is no related information.
    assert.strictEqual(findingToDiagnostic(f, 1, undefined).relatedInformation, undefined);
  });

  it('SARIF: a codeFlows entry with one thread flow location per step, valid against the schema', async () => {
    const f = await flowFinding();
    const log = toSarif(report([f]), engine.rules);
    const result = log.runs[0]!.results[0]!;
    const locations = result['codeFlows'][0].threadFlows[0].locations as { location: { physicalLocation: { region: { startLine: number } } }; executionOrder: number }[];
    assert.deepStrictEqual(locations.map((l) => l.location.physicalLocation.region.startLine), [3, 3, 4, 5]);
    assert.deepStrictEqual(locations.map((l) => l.executionOrder), [1, 2, 3, 4]);
    const validate = sarifValidator();
    assert.ok(validate(log), JSON.stringify(validate.errors?.slice(0, 3)));
  });

  it('text: the steps under the finding, numbered, with line:column', async () => {
    const f = await flowFinding();
    const out = toText(report([f]), false);
    assert.match(out, /flow:\s+1\. 3:\d+\s+request parameter read here/);
    assert.match(out, /\n\s+4\. 5:9\s+reaches the sink/);
  });

  it('JSON: each finding lists its flow with 1-based lines', async () => {
    const f = await flowFinding();
    const json = JSON.parse(toJson(report([f]))) as { findings: { flow?: { line: number; message: string }[] }[] };
    assert.deepStrictEqual(json.findings[0]!.flow!.map((s) => s.line), [3, 3, 4, 5]);
    assert.match(json.findings[0]!.flow![3]!.message, /reaches the sink/);
  });
});
