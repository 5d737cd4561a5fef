// Settings per resource: the editor's `vigil.*` section (workspace/configuration, or what the client pushed
// with didChangeConfiguration) merged with the repository's .vigil.yaml. Cached by URI; cleared on change.
import type { Connection } from 'vscode-languageserver/node';
import { DEFAULT_MAX_FILE_SIZE, TESTS_MODES, THREAT_MODELS, type Confidence, type Severity, type TestsMode, type ThreatModel } from '../engine';
import type { VigilConfig } from '../project';
import type { ResolvedSettings } from './context';
import { RepositoryConfigs, type RepositoryConfigsOptions } from './repositoryConfigs';

/** The `vigil` section as the editor stores it (package.json contributes.configuration). */
export interface EditorSettings {
  enable: boolean;
  run: 'onType' | 'onSave';
  rules: { disabled: string[]; severity: Record<string, Severity> };
  minimumConfidence: Confidence;
  /** Findings in test and fixture code (see AnalysisOptions.tests). */
  tests: TestsMode;
  /** Whose values count as input for the taint rules (see AnalysisOptions.threatModel). */
  threatModel: ThreatModel;
  maxFileSize: number;
  trace: { server: 'off' | 'messages' | 'verbose' };
}

export function defaultEditorSettings(): EditorSettings {
  return {
    enable: true,
    run: 'onType',
    rules: { disabled: [], severity: {} },
    minimumConfidence: 'low',
    tests: 'demote',
    threatModel: 'remote',
    maxFileSize: DEFAULT_MAX_FILE_SIZE,
    trace: { server: 'off' },
  };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function oneOf<T extends string>(v: unknown, allowed: readonly T[], fallback: T): T {
  return typeof v === 'string' && (allowed as readonly string[]).includes(v) ? (v as T) : fallback;
}

/**
 * Reads whatever the client sent, field by field: a wrong type falls back to the default for that field
 * instead of failing the whole document. Accepts both nested objects and dotted keys (`rules.disabled`),
 * since clients that push settings write either form.
 */
export function normaliseEditorSettings(raw: unknown): EditorSettings {
  const d = defaultEditorSettings();
  if (!isRecord(raw)) return d;
  const get = (dotted: string): unknown => {
    if (dotted in raw) return raw[dotted];
    let cur: unknown = raw;
    for (const k of dotted.split('.')) cur = isRecord(cur) ? cur[k] : undefined;
    return cur;
  };
  const disabled = get('rules.disabled');
  const severity = get('rules.severity');
  const max = get('maxFileSize');
  const sev: Record<string, Severity> = {};
  if (isRecord(severity)) {
    for (const [id, s] of Object.entries(severity)) if (s === 'error' || s === 'warning' || s === 'info') sev[id] = s;
  }
  return {
    enable: typeof get('enable') === 'boolean' ? (get('enable') as boolean) : d.enable,
    run: oneOf(get('run'), ['onType', 'onSave'] as const, d.run),
    rules: {
      disabled: Array.isArray(disabled) ? disabled.filter((x): x is string => typeof x === 'string') : [],
      severity: sev,
    },
    minimumConfidence: oneOf(get('minimumConfidence'), ['high', 'medium', 'low'] as const, d.minimumConfidence),
    tests: oneOf(get('tests'), TESTS_MODES, d.tests),
    threatModel: oneOf(get('threatModel'), THREAT_MODELS, d.threatModel),
    maxFileSize: typeof max === 'number' && Number.isFinite(max) && max > 0 ? max : d.maxFileSize,
    trace: { server: oneOf(get('trace.server'), ['off', 'messages', 'verbose'] as const, d.trace.server) },
  };
}

/**
 * Editor settings on top of the repository file. Severity: the editor wins per rule. Disabled rules: the
 * union, so neither side can silently re-enable what the other turned off. Confidence, test code, threat model and size limit: the
 * workspace/configuration answer cannot tell a default from a choice, so an editor value still at its
 * default lets the repository's value through.
 */
export function mergeSettings(editor: EditorSettings, config: VigilConfig | undefined, configFile?: string): ResolvedSettings {
  const d = defaultEditorSettings();
  const merged: ResolvedSettings = {
    enable: editor.enable,
    run: editor.run,
    trace: editor.trace.server,
    disabledRules: [...new Set([...(config?.disable ?? []), ...editor.rules.disabled])],
    severityOverrides: { ...(config?.severity ?? {}), ...editor.rules.severity },
    minimumConfidence:
      editor.minimumConfidence !== d.minimumConfidence ? editor.minimumConfidence : (config?.minimumConfidence ?? editor.minimumConfidence),
    maxFileSize: editor.maxFileSize !== d.maxFileSize ? editor.maxFileSize : (config?.maxFileSize ?? editor.maxFileSize),
    tests: editor.tests !== d.tests ? editor.tests : (config?.tests ?? editor.tests),
    threatModel: editor.threatModel !== d.threatModel ? editor.threatModel : (config?.threatModel ?? editor.threatModel),
    customRuleDirs: [...(config?.rules ?? [])],
  };
  if (configFile && config) merged.configFile = configFile;
  return merged;
}

export interface SettingsStoreOptions extends RepositoryConfigsOptions {
  /** The client answers workspace/configuration. */
  configurationSupport: boolean;
  /** A client that never answers must not stall analysis forever. */
  requestTimeoutMs?: number;
}

export class SettingsStore {
  private readonly cache = new Map<string, Promise<ResolvedSettings>>();
  /** The .vigil.yaml files read so far; the workspace scan reads them from here too. */
  readonly configs: RepositoryConfigs;
  private pushed: unknown;

  constructor(
    private readonly connection: Connection,
    private readonly opts: SettingsStoreOptions,
  ) {
    this.configs = new RepositoryConfigs(opts);
  }

  settingsFor(uri: string): Promise<ResolvedSettings> {
    let p = this.cache.get(uri);
    if (!p) {
      p = this.resolve(uri);
      this.cache.set(uri, p);
    }
    return p;
  }

  /** Settings changed in the editor: forget everything resolved so far. */
  clear(pushedSettings?: unknown): void {
    if (pushedSettings !== undefined) this.pushed = pushedSettings;
    this.cache.clear();
  }

  /** A .vigil.yaml changed, appeared or went away: re-read them on next use. */
  reloadConfigs(): void {
    this.configs.clear();
    this.cache.clear();
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }

  private async resolve(uri: string): Promise<ResolvedSettings> {
    const editor = normaliseEditorSettings(await this.editorSection(uri));
    const { config, file } = this.configs.configFor(uri);
    return mergeSettings(editor, config, file);
  }

  private async editorSection(uri: string): Promise<unknown> {
    if (!this.opts.configurationSupport) {
      return (this.pushed as { vigil?: unknown } | undefined)?.vigil;
    }
    const timeout = this.opts.requestTimeoutMs ?? 5000;
    let timer: NodeJS.Timeout | undefined;
    try {
      return await Promise.race([
        this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'vigil' }) as Promise<unknown>,
        new Promise<undefined>((resolve) => {
          timer = setTimeout(() => {
            this.opts.log(`workspace/configuration got no answer in ${timeout} ms; using default settings for ${uri}`);
            resolve(undefined);
          }, timeout);
        }),
      ]);
    } catch (e) {
      this.opts.log(`workspace/configuration failed (${(e as Error).message}); using default settings for ${uri}`);
      return undefined;
    } finally {
      if (timer) clearTimeout(timer);
    }
  }
}
