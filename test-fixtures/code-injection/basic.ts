export function calculate(formula: string): number {
  // vigil-expect: code-injection
  return eval(`(${formula}) * 1`);
}

export function later(name: string): void {
  // vigil-expect: code-injection
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

declare function show(n: string): void;
