// Decides what to do when the language server process dies. Kept free of `vscode` imports so the
// rule "restart, tell the user once, give up after a burst" can be tested on its own.

export interface CrashDecision {
  restart: boolean;
  /** True only for the first restart of a session and for the final give-up, so the user is not nagged. */
  notify: boolean;
  crashesInWindow: number;
}

export class CrashPolicy {
  private crashes: number[] = [];
  private told = false;

  /** maxCrashes within windowMs stops the restarts: a server that dies on start would otherwise loop forever. */
  constructor(
    private readonly maxCrashes = 5,
    private readonly windowMs = 3 * 60 * 1000,
  ) {}

  onCrash(now: number): CrashDecision {
    this.crashes = this.crashes.filter((t) => now - t < this.windowMs);
    this.crashes.push(now);
    const crashesInWindow = this.crashes.length;
    if (crashesInWindow >= this.maxCrashes) {
      return { restart: false, notify: true, crashesInWindow };
    }
    const notify = !this.told;
    this.told = true;
    return { restart: true, notify, crashesInWindow };
  }

  /** A restart the user asked for starts a fresh count (and may tell them again). */
  reset(): void {
    this.crashes = [];
    this.told = false;
  }
}
