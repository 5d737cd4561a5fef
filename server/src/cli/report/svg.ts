// Plain SVG charts drawn as strings: horizontal bars for tallies and a stacked column chart for the trend. No
// library: the report must be one offline file, and these two shapes are a few dozen lines each. Every bar carries
// data-key/data-value so a test (or a reader's script) can check the drawing against the data it came from.
export function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

export interface Bar {
  key: string;
  value: number;
  /** A CSS class for the bar's colour (sev-error, status-new, ...). */
  cls?: string;
}

const ROW = 22;
const LABEL = 190;
const WIDTH = 560;

function clip(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}

/** At most `max` bars; the rest are summed into one "other" bar so the total stays the data's total. */
export function barChart(name: string, title: string, bars: Bar[], max = 12): string {
  let shown = bars;
  if (bars.length > max) {
    const rest = bars.slice(max - 1).reduce((n, b) => n + b.value, 0);
    shown = [...bars.slice(0, max - 1), { key: `other (${bars.length - max + 1})`, value: rest, cls: 'other' }];
  }
  const total = bars.reduce((n, b) => n + b.value, 0);
  const top = Math.max(1, ...shown.map((b) => b.value));
  const h = Math.max(1, shown.length) * ROW + 8;
  const span = WIDTH - LABEL - 60;
  const rows = shown.map((b, i) => {
    const y = 4 + i * ROW;
    const w = Math.round((b.value / top) * span);
    return (
      `<g class="bar" data-key="${esc(b.key)}" data-value="${b.value}"><title>${esc(b.key)}: ${b.value}</title>` +
      `<text x="${LABEL - 6}" y="${y + 15}" text-anchor="end">${esc(clip(b.key, 28))}</text>` +
      `<rect x="${LABEL}" y="${y + 3}" width="${Math.max(w, b.value > 0 ? 2 : 0)}" height="${ROW - 6}" class="${b.cls ?? 'fill'}"/>` +
      `<text x="${LABEL + w + 6}" y="${y + 15}">${b.value}</text></g>`
    );
  });
  const empty = shown.length === 0 ? `<text x="10" y="18">nothing to show</text>` : '';
  return (
    `<svg class="chart" data-chart="${esc(name)}" data-total="${total}" role="img" aria-label="${esc(title)}" viewBox="0 0 ${WIDTH} ${h}" width="${WIDTH}" height="${h}" xmlns="http://www.w3.org/2000/svg">` +
    `${empty}${rows.join('')}</svg>`
  );
}

export interface Column {
  label: string;
  /** Stacked from the bottom, in the order of `series`. */
  values: number[];
}

/** Stacked columns, one per point in time, oldest on the left. */
export function stackedColumns(name: string, title: string, series: { key: string; cls: string }[], cols: Column[]): string {
  const h = 220;
  const base = h - 40;
  const colW = Math.max(14, Math.min(48, Math.floor((WIDTH - 60) / Math.max(1, cols.length)) - 6));
  const top = Math.max(1, ...cols.map((c) => c.values.reduce((a, b) => a + b, 0)));
  const parts = cols.map((c, i) => {
    const x = 40 + i * (colW + 6);
    let y = base;
    const segs = c.values.map((v, j) => {
      const sh = Math.round((v / top) * (base - 20));
      y -= sh;
      return `<rect x="${x}" y="${y}" width="${colW}" height="${sh}" class="${series[j]!.cls}" data-series="${esc(series[j]!.key)}" data-value="${v}"/>`;
    });
    const sum = c.values.reduce((a, b) => a + b, 0);
    return (
      `<g class="column" data-key="${esc(c.label)}" data-value="${sum}"><title>${esc(c.label)}: ${sum}</title>${segs.join('')}` +
      `<text x="${x + colW / 2}" y="${y - 4}" text-anchor="middle">${sum}</text>` +
      `<text x="${x + colW / 2}" y="${base + 14}" text-anchor="middle" class="small">${esc(clip(c.label, 10))}</text></g>`
    );
  });
  const legend = series.map((s, i) => `<rect x="${40 + i * 90}" y="${h - 16}" width="10" height="10" class="${s.cls}"/><text x="${54 + i * 90}" y="${h - 7}" class="small">${esc(s.key)}</text>`);
  const empty = cols.length === 0 ? `<text x="10" y="18">no history</text>` : '';
  return (
    `<svg class="chart" data-chart="${esc(name)}" role="img" aria-label="${esc(title)}" viewBox="0 0 ${WIDTH} ${h}" width="${WIDTH}" height="${h}" xmlns="http://www.w3.org/2000/svg">` +
    `${empty}<line x1="36" y1="${base}" x2="${WIDTH - 10}" y2="${base}" class="axis"/>${parts.join('')}${legend.join('')}</svg>`
  );
}
