// The security report page: one self-contained HTML file. Styles and the table-sorting script are inline with a
// nonce, and the Content-Security-Policy allows nothing else (no network, no external resources), so the same
// file opens offline in a browser and in a VS Code webview. The data behind every chart sits in a JSON island.
import { randomBytes } from 'crypto';
import type { History } from './history';
import { ISLAND_ID } from './inputs';
import { barChart, esc, stackedColumns, type Bar } from './svg';
import { SEVERITIES, tallies, type DensityRow, type ReportData, type Row } from './stats';

export interface PageInput {
  data: ReportData;
  history: History;
  generated: string;
  today: string;
  version: string;
  /** Extra CSP sources a host needs (a webview's own scheme); none for a file. */
  cspSource?: string;
}

type Cell = string | number;

function table(name: string, head: string[], rows: Cell[][]): string {
  const th = head.map((h, i) => `<th data-col="${i}" tabindex="0">${esc(h)}</th>`).join('');
  const body = rows.map((r) => `<tr>${r.map((c) => (typeof c === 'number' ? `<td class="num" data-sort="${c}">${c}</td>` : `<td>${esc(c)}</td>`)).join('')}</tr>`).join('');
  return `<table class="sortable" data-table="${esc(name)}"><thead><tr>${th}</tr></thead><tbody>${body}</tbody></table>`;
}

function section(title: string, chart: string, tbl: string, note = ''): string {
  return `<section><h2>${esc(title)}</h2>${note ? `<p class="note">${esc(note)}</p>` : ''}<div class="pair"><div>${chart}</div><div class="tbl">${tbl}</div></div></section>`;
}

const bars = (rows: Row[], cls?: (k: string) => string): Bar[] => rows.map((r) => ({ key: r.key, value: r.count, ...(cls ? { cls: cls(r.key) } : {}) }));

function densitySection(title: string, name: string, rows: DensityRow[]): string {
  return section(
    title,
    barChart(name, title, bars(rows)),
    table(name, [name === 'byLanguage' ? 'Language' : 'Folder', 'Open findings', 'Lines', 'Per 1,000 lines'], rows.map((r) => [r.key, r.count, r.lines, r.density])),
  );
}

const SCRIPT = `
for (const t of document.querySelectorAll('table.sortable')) {
  for (const th of t.querySelectorAll('th')) {
    const sort = () => {
      const col = Number(th.dataset.col);
      const dir = th.dataset.dir === 'asc' ? 'desc' : 'asc';
      for (const o of t.querySelectorAll('th')) delete o.dataset.dir;
      th.dataset.dir = dir;
      const rows = [...t.tBodies[0].rows];
      const key = (r) => { const c = r.cells[col]; return c.dataset.sort !== undefined ? Number(c.dataset.sort) : c.textContent; };
      rows.sort((a, b) => { const x = key(a), y = key(b); const d = x < y ? -1 : x > y ? 1 : 0; return dir === 'asc' ? d : -d; });
      for (const r of rows) t.tBodies[0].appendChild(r);
    };
    th.addEventListener('click', sort);
    th.addEventListener('keydown', (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); sort(); } });
  }
}`;

const STYLE = `
body{font:14px/1.4 system-ui,sans-serif;margin:24px;color:#1d1d1f;background:#fff}
h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px;border-bottom:1px solid #ddd;padding-bottom:4px}
.note,.meta{color:#555;margin:4px 0}.pair{display:flex;flex-wrap:wrap;gap:24px;align-items:flex-start}.tbl{max-height:360px;overflow:auto}
.cards{display:flex;gap:12px;flex-wrap:wrap;margin:16px 0}.card{border:1px solid #ddd;border-radius:6px;padding:8px 14px;min-width:110px}
.card b{display:block;font-size:22px}
table{border-collapse:collapse;font-size:13px}th,td{border:1px solid #ddd;padding:3px 8px;text-align:left}td.num{text-align:right}
th{background:#f3f3f3;cursor:pointer;user-select:none}th[data-dir=asc]::after{content:" \\25B2"}th[data-dir=desc]::after{content:" \\25BC"}
svg text{font-size:12px;fill:#1d1d1f}svg .small{font-size:10px}.axis{stroke:#999}
.fill{fill:#4a78c2}.other{fill:#999}.sev-error{fill:#c62828}.sev-warning{fill:#e0a100}.sev-info{fill:#2a8fbd}
.status-new{fill:#c62828}.status-baselined{fill:#777}.status-suppressed{fill:#4a9a5a}
@media (prefers-color-scheme:dark){body{background:#1e1e1e;color:#ddd}svg text{fill:#ddd}th{background:#2a2a2a}th,td,.card{border-color:#444}.note,.meta{color:#aaa}}
`;

/** The island is JSON inside a script element: `<` is escaped so no value can close the element. */
function island(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

export function reportHtml(input: PageInput): string {
  const { data, history } = input;
  const t = tallies(data, input.today);
  const nonce = randomBytes(16).toString('base64');
  // A host's source is a scheme/host expression (a webview's cspSource); anything else could widen the policy.
  const host = input.cspSource && /^[A-Za-z0-9:/.*_ -]+$/.test(input.cspSource) && !input.cspSource.includes("'") ? ` ${input.cspSource}` : '';
  const csp = `default-src 'none'; img-src data:${host}; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}'`;
  const findingRows = data.findings.map((f) => [f.path, f.line, f.ruleId, f.severity, f.status, f.message]);
  const trendCols = history.points.map((p) => ({ label: p.label, values: SEVERITIES.map((s) => p.counts[s]) }));
  const mttr = history.mttrDays === null ? 'no finding was fixed in the history' : `${history.mttrDays} days (median ${history.medianDays})`;
  const cards = [
    ['Open findings', t.open],
    ['Errors', t.bySeverity[0]!.count],
    ['Per 1,000 lines', t.density],
    ['Files scanned', data.filesScanned],
    ['Lines scanned', data.lines.total],
    ['Baselined', data.baselined],
    ['Suppressed', t.byStatus[2]!.count],
  ].map(([k, v]) => `<div class="card" data-card="${esc(String(k))}">${esc(String(k))}<b>${esc(String(v))}</b></div>`);
  const body = [
    `<h1>Vigil security report</h1>`,
    `<p class="meta">${esc(data.roots.join(', '))} · generated ${esc(input.generated)} · Vigil ${esc(input.version)}</p>`,
    `<div class="cards">${cards.join('')}</div>`,
    section('Open findings by severity', barChart('bySeverity', 'Open findings by severity', bars(t.bySeverity, (k) => `sev-${k}`)), table('bySeverity', ['Severity', 'Open findings'], t.bySeverity.map((r) => [r.key, r.count]))),
    section('Open findings by rule', barChart('byRule', 'Open findings by rule', bars(t.byRule)), table('byRule', ['Rule', 'Open findings'], t.byRule.map((r) => [r.key, r.count]))),
    densitySection('Open findings by language, per 1,000 lines', 'byLanguage', t.byLanguage),
    densitySection('Open findings by folder, per 1,000 lines', 'byFolder', t.byFolder),
    section('New, baselined and suppressed', barChart('byStatus', 'New, baselined and suppressed', bars(t.byStatus, (k) => `status-${k}`)), table('byStatus', ['Status', 'Findings'], t.byStatus.map((r) => [r.key, r.count]))),
    section('Suppressions by reason', barChart('suppressionsByReason', 'Suppressions by reason', bars(t.suppressionsByReason)), table('suppressionsByReason', ['Reason', 'Suppressed findings'], t.suppressionsByReason.map((r) => [r.key, r.count]))),
    section('Suppressions by expiry', barChart('suppressionsByExpiry', 'Suppressions by expiry', bars(t.suppressionsByExpiry)), table('suppressionsByExpiry', ['Expiry', 'Suppressed findings'], t.suppressionsByExpiry.map((r) => [r.key, r.count])), `Relative to ${input.today}.`),
    section(
      'Trend',
      stackedColumns('trend', 'Findings over time', SEVERITIES.map((s) => ({ key: s, cls: `sev-${s}` })), trendCols),
      table('trend', ['Point', 'Date', 'Errors', 'Warnings', 'Info'], history.points.map((p) => [p.label, p.date, p.counts.error, p.counts.warning, p.counts.info])),
      `Source: ${history.source === 'git' ? 'git history' : history.source === 'history-dir' ? 'earlier reports' : 'none'} (${history.note}).`,
    ),
    section(
      'Time to fix (MTTR)',
      `<p class="mttr" data-mttr-days="${history.mttrDays ?? ''}" data-fixed="${history.fixed.length}">Mean time from the point a finding appeared to the point it was gone: <b>${esc(mttr)}</b>, over ${history.fixed.length} fixed findings. ${history.openAtStart} findings already open at the first point are left out (their start is unknown).</p>`,
      table('fixed', ['Rule', 'File', 'Introduced', 'Removed', 'Days'], history.fixed.map((f) => [f.ruleId, f.path, f.introduced, f.removed, f.days])),
    ),
    `<section><h2>All findings</h2><div class="tbl">${table('findings', ['File', 'Line', 'Rule', 'Severity', 'Status', 'Message'], findingRows)}</div></section>`,
  ];
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Vigil security report</title>
<style nonce="${nonce}">${STYLE}</style>
</head><body>
${body.join('\n')}
<script type="application/json" id="${ISLAND_ID}">${island({ generated: input.generated, version: input.version, data, tallies: t, history })}</script>
<script nonce="${nonce}">${SCRIPT}</script>
</body></html>
`;
}
