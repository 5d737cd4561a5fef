// The repository configs (.vigil.yaml) the server has read, shared by the settings of open files and the
// workspace scan, so both see the same file contents and a config's errors are reported once per load.
import * as path from 'path';
import { ConfigLocator, findConfigFile, loadConfig, type ConfigError, type VigilConfig } from '../project';
import { folderOf, uriToPath } from './uri';

/** The config that applies somewhere: `file` without `config` when the file exists but could not be used. */
export interface FolderConfig {
  file?: string;
  config?: VigilConfig;
}

export interface RepositoryConfigsOptions {
  folders: () => string[];
  log: (message: string) => void;
  /** Called with a config file's errors when it is (re)loaded, so the user hears about them once. */
  onConfigErrors?: (errors: ConfigError[]) => void;
}

export class RepositoryConfigs {
  /** Loaded configs by config file path. */
  private readonly configs = new Map<string, FolderConfig>();
  /** Which config applies to which folder, per workspace folder; forgotten with the configs. */
  private readonly locators = new Map<string, ConfigLocator>();

  constructor(private readonly opts: RepositoryConfigsOptions) {}

  /** A .vigil.yaml changed, appeared or went away: re-read them on next use. */
  clear(): void {
    this.configs.clear();
    this.locators.clear();
  }

  /**
   * The nearest .vigil.yaml from the file's folder up to the repository root (ConfigLocator, as the CLI does),
   * so a workspace opened on a subfolder of a repository still gets the repository's config. Files outside every
   * workspace folder get none: a config is only trusted as part of an opened workspace.
   */
  configFor(uri: string): FolderConfig {
    const file = uriToPath(uri);
    const folders = this.opts.folders();
    const folder = file !== undefined ? folderOf(file, folders) : folders[0];
    if (folder === undefined) return {};
    // A workspace folder's own URI (the workspace scan asks for it) is searched from that folder, not its parent.
    const configFile = this.locatorFor(folder).find(file === undefined || file === folder ? folder : path.dirname(file));
    return configFile ? this.configAt(configFile) : {};
  }

  /** The config file that applies in a folder below workspace folder `folder`, if any. */
  fileFor(folder: string, dir: string): string | undefined {
    return this.locatorFor(folder).find(dir);
  }

  /** The ignore globs of a .vigil.yaml in `dir` itself (a nested config: the nearest one wins below it). */
  ignoresIn(dir: string): string[] | undefined {
    const file = findConfigFile(dir);
    return file ? (this.configAt(file).config?.ignore ?? []) : undefined;
  }

  /** One config file, read once until cleared. */
  configAt(file: string): FolderConfig {
    let fc = this.configs.get(file);
    if (!fc) {
      fc = this.load(file);
      this.configs.set(file, fc);
    }
    return fc;
  }

  private locatorFor(folder: string): ConfigLocator {
    let locator = this.locators.get(folder);
    if (!locator) {
      locator = new ConfigLocator(folder);
      this.locators.set(folder, locator);
    }
    return locator;
  }

  private load(file: string): FolderConfig {
    try {
      const { config, errors } = loadConfig(file);
      if (errors.length > 0) {
        for (const e of errors) this.opts.log(`${e.file}${e.line !== undefined ? `:${e.line}` : ''}: ${e.message}`);
        this.opts.onConfigErrors?.(errors);
      }
      // A broken file contributes nothing rather than half a configuration.
      return config ? { file, config } : { file };
    } catch (e) {
      this.opts.log(`${file}: ${(e as Error).message}`);
      return { file };
    }
  }
}
