// Helm chart templates, curl/wget without certificate checks, and Dockerfile names (issue 21, point 3). The rule
// behaviour itself is in the annotated fixtures; these tests hold the pieces the fixtures cannot show.
import * as assert from 'assert';
import * as path from 'path';
import { Engine, languageIdForPath } from '../engine';
import { DOCKERFILE_GLOBS, isDockerfilePath } from '../engine/source/languages';
import { blankTemplateActions, templateActions } from '../checks/shared/iac/templateActions';
import { json, tmpDir, vigil, writeFiles } from './cliHelpers';

describe('Helm templates: template actions blanked before the YAML is read', function () {
  this.timeout(120_000);

  it('blanks every action in place: same length, same line breaks, the YAML around them untouched', () => {
    const text = 'name: {{ .Release.Name }}-app\n  {{- if .Values.x }}\nprivileged: true\n{{- end }}\n';
    const b = blankTemplateActions(text)!;
    assert.strictEqual(b.text.length, text.length);
    assert.deepStrictEqual(b.text.split('\n').map((l) => l.trimEnd()), [`name: ${' '.repeat('{{ .Release.Name }}'.length)}-app`, '', 'privileged: true', '', '']);
    assert.strictEqual(blankTemplateActions('plain: yaml\n'), undefined);
  });

  it('a }} inside a string literal or a comment does not end the action; an open action runs to the end', () => {
    const text = 'a: {{ "}}" | quote }} b: {{/* }} */}} c: {{ `}}` }} d: {{ .open\ne: 1\n';
    const spans = templateActions(text).map((s) => text.slice(s.start, s.end));
    assert.deepStrictEqual(spans, ['{{ "}}" | quote }}', '{{/* }} */}}', '{{ `}}` }}', '{{ .open\ne: 1\n']);
    // A multi-line action keeps its line breaks, so the lines after it do not move.
    assert.strictEqual(blankTemplateActions('{{- /*\nmulti\n*/ -}}\nx: 1\n')!.text, '      \n     \n      \nx: 1\n');
  });

  it('vigil scan reports a chart template on its own lines, and notes a document it still cannot read', () => {
    const dir = tmpDir('vigil-helm-');
    writeFiles(dir, {
      'chart/templates/pod.yaml': [
        'apiVersion: v1',
        'kind: Pod',
        'metadata:',
        '  name: {{ include "app.fullname" . }}',
        '  labels:',
        '    {{- include "app.labels" . | nindent 4 }}',
        'spec:',
        '  securityContext:',
        '    {{- toYaml .Values.podSecurityContext | nindent 4 }}',
        '  containers:',
        '    - name: {{ .Chart.Name }}',
        '      image: "nginx:latest"',
        '      securityContext:',
        '        privileged: true',
        '      resources:',
        '        {{- toYaml .Values.resources | nindent 8 }}',
        '---',
        '{{ .Values.key }}: {{ .Values.value }}: x',
        '',
      ].join('\n'),
    });
    const r = vigil(['scan', '--format', 'json', '--fail-on', 'none', '--no-ignore'], { cwd: dir });
    assert.strictEqual(r.status, 0, r.stderr);
    const rep = json(r) as ReturnType<typeof json> & { notes: { path: string; line: number; code: string; message: string }[] };
    assert.deepStrictEqual(
      rep.findings.map((f) => [f.ruleId, f.line]).sort(),
      [
        ['k8s-privileged-container', 14],
        ['mutable-image-tag', 12],
      ],
    );
    assert.deepStrictEqual(
      rep.notes.map((n) => [n.path, n.line, n.code]),
      [['chart/templates/pod.yaml', 17, 'skipped']],
    );
    assert.match(rep.notes[0]!.message, /not valid YAML even with its \{\{ \}\} actions blanked/);
  });
});

describe('curl and wget without certificate checks', () => {
  it('finds the option on a continuation line of a Dockerfile RUN, at the option', async () => {
    const engine = Engine.create();
    const text = 'FROM alpine:3.20\nRUN apk add --no-cache curl \\\n && curl -fsSL \\\n      -k https://x.example/a.tgz -o /a.tgz\nUSER app\n';
    const r = await engine.analyze({ path: 'Dockerfile.prod', languageId: languageIdForPath('Dockerfile.prod'), text });
    const tls = r.findings.filter((f) => f.ruleId === 'tls-verify-disabled');
    assert.deepStrictEqual(
      tls.map((f) => [f.range.start.line, f.range.start.character, f.range.end.character]),
      [[3, 6, 8]],
    );
    assert.match(tls[0]!.message, /curl -k accepts any certificate/);
  });
});

describe('Dockerfile names', () => {
  const names: [string, boolean][] = [
    ['Dockerfile', true],
    ['Dockerfile.prod', true],
    ['deploy/Dockerfile.prod', true],
    ['api.Dockerfile', true],
    ['api.dockerfile', true],
    ['Containerfile', true],
    ['Containerfile.dev', true],
    ['worker.containerfile', true],
    ['Dockerfile.dockerignore', false],
    ['Dockerfile.prod.dockerignore', false],
    ['.dockerignore', false],
    ['Dockerfiles', false],
    ['api.dockerfile.bak', false],
    ['README.md', false],
  ];

  it('isDockerfilePath and languageIdForPath recognise every Dockerfile name and nothing else', () => {
    for (const [name, is] of names) {
      assert.strictEqual(isDockerfilePath(name), is, name);
      assert.strictEqual(languageIdForPath(name) === 'dockerfile', is, name);
    }
  });

  it("every rule pattern for Dockerfiles lists exactly the Dockerfile names (the rules' paths are data)", () => {
    const engine = Engine.create();
    let checked = 0;
    for (const rule of engine.rules) {
      for (const p of rule.patterns) {
        const paths: string[] = p.kind === 'query' ? [] : (p.paths ?? []);
        if (!paths.some((g) => /dockerfile|containerfile/i.test(g))) continue;
        checked++;
        const missing = DOCKERFILE_GLOBS.filter((g) => !paths.includes(g));
        assert.deepStrictEqual(missing, [], `${path.basename(rule.file)}: ${JSON.stringify(paths)}`);
        assert.ok(
          paths.filter((g) => /dockerfile|containerfile/i.test(g)).every((g) => DOCKERFILE_GLOBS.includes(g)),
          `${rule.id}: a Dockerfile glob outside DOCKERFILE_GLOBS in ${JSON.stringify(paths)}`,
        );
      }
    }
    assert.ok(checked >= 7, `checked ${checked} patterns`);
  });
});
