const ICONS = { ok: '<i class="ok"></i>', warn: '<i class="warn"></i>' };

export function badge(el, items, kind, label) {
  // vigil-ok: xss
  el.innerHTML = '<b>' + items.length + '</b>';
  // vigil-ok: xss
  el.innerHTML = ICONS[kind];
  // vigil-ok: xss
  el.innerHTML = `<span>${encodeURIComponent(label)}</span>`;
  // vigil-ok: xss
  el.innerHTML = items.length > 0 ? '<b>many</b>' : '<i>none</i>';
  // vigil-expect: xss
  el.innerHTML = `<span>${label}</span>`;
}
