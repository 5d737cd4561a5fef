export function calculate(formula: string): number {
  // vigil-expect: code-injection
  return eval(`(${formula}) * 1`);
}

export function later(name: string): void {
  // Built from parameters only, with no caller here: no sign of outside input (a caller elsewhere that passes input is reported by a scan).
  // vigil-ok: code-injection
  window.setTimeout(`show("${name}")`, 10);
}

export function laterSafe(name: string): void {
  // vigil-ok: code-injection
  window.setTimeout(() => show(name), 10);
}

export function calculateSafe(formula: string): number {
  // vigil-ok: code-injection
  return Number(formula);
}

export function rx(re: RegExp, s: string): RegExpExecArray | null {
  // vigil-ok: code-injection
  return re.exec(s);
}

export function calculateRoute(req: { query: { f: string } }): number {
  return calculate(req.query.f);
}

declare function show(n: string): void;
