export function greet(el: HTMLElement, name: string): void {
  // vigil-expect: xss
  el.innerHTML = `Hello ${name}`;
}

export function status(el: HTMLElement, text: string): void {
  // vigil-expect: xss
  el.innerHTML = text;
}

export function reset(el: HTMLElement): void {
  // vigil-ok: xss
  el.innerHTML = '<em>none</em>';
}

export function read(el: HTMLElement): string {
  // vigil-ok: xss
  return el.innerHTML;
}
