// Repository configuration (.vigil.yaml), shared by the editor and the CLI.
// Placeholder API; the full loader (JSON Schema validation with file:line errors) lands with the CLI work.
import type { Confidence, Severity } from './types';

export const CONFIG_FILE = '.vigil.yaml';

export interface VigilConfig {
  /** Rule ids that never report. */
  disable: string[];
  /** Severity per rule id. */
  severity: Record<string, Severity>;
  minimumConfidence?: Confidence;
  /** Extra ignore globs (gitignore syntax), relative to the config file's folder. */
  ignore: string[];
  /** Custom rule folders, resolved to absolute paths. */
  rules: string[];
  /** Maximum file size in bytes. */
  maxFileSize?: number;
}

export interface ConfigError {
  file: string;
  line?: number;
  message: string;
}

export function emptyConfig(): VigilConfig {
  return { disable: [], severity: {}, ignore: [], rules: [] };
}

/** Finds .vigil.yaml in `dir` (the workspace or repository root). */
export function findConfigFile(_dir: string): string | undefined {
  return undefined;
}

/** Loads and validates a config file. Errors name the file and line; on error `config` is undefined. */
export function loadConfig(_file: string): { config?: VigilConfig; errors: ConfigError[] } {
  return { config: emptyConfig(), errors: [] };
}
