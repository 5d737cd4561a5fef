// One engine per set of custom rule folders: the built-in rules are shared, and a workspace whose
// .vigil.yaml names custom folders gets its own engine, but only when the client says the workspace is trusted.
import { Engine, formatLoadError } from '../engine';
import type { ResolvedSettings } from './context';

export class EngineStore {
  private readonly engines = new Map<string, Engine>();
  private warnedUntrusted = false;

  constructor(
    private readonly trusted: boolean,
    private readonly log: (message: string) => void,
  ) {}

  engineFor(settings: ResolvedSettings): Engine {
    let dirs = settings.customRuleDirs;
    if (dirs.length > 0 && !this.trusted) {
      if (!this.warnedUntrusted) {
        this.warnedUntrusted = true;
        this.log(`custom rule folders in ${settings.configFile ?? '.vigil.yaml'} are ignored: the workspace is not trusted (built-in rules only)`);
      }
      dirs = [];
    }
    const key = [...dirs].sort().join('\n');
    let engine = this.engines.get(key);
    if (!engine) {
      engine = Engine.create({ customRuleDirs: dirs, log: this.log });
      for (const e of engine.loadErrors) this.log(`rule file problem: ${formatLoadError(e)}`);
      this.log(`loaded ${engine.rules.length} rules${dirs.length ? ` (custom folders: ${dirs.length})` : ''}`);
      this.engines.set(key, engine);
    }
    return engine;
  }

  /** The engine with the built-in rules only. */
  builtin(): Engine {
    return this.engineFor({ enable: true, run: 'onType', trace: 'off', customRuleDirs: [] });
  }

  /** Rule files changed on disk (custom rules edited): rebuild on next use. */
  clear(): void {
    this.engines.clear();
  }

  /** Every engine built so far, built-in first; for rule lookups by id. */
  all(): Engine[] {
    return [...this.engines.values()];
  }
}
