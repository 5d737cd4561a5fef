// Package facts for output: the version, and where a rule's documentation lives on the web.
import * as fs from 'fs';
import * as path from 'path';
import { packageRoot, type Severity } from '../engine';

interface PackageJson {
  version?: string;
  homepage?: string;
  repository?: string | { url?: string };
}

let pkg: PackageJson | undefined;

function packageJson(): PackageJson {
  if (!pkg) {
    try {
      pkg = JSON.parse(fs.readFileSync(path.join(packageRoot(), 'package.json'), 'utf8')) as PackageJson;
    } catch {
      pkg = {};
    }
  }
  return pkg;
}

export function vigilVersion(): string {
  return packageJson().version ?? '0.0.0';
}

/** The repository's web address from package.json (`repository` or `homepage`), without a trailing `.git`. */
export function repositoryUrl(): string {
  const p = packageJson();
  const repo = typeof p.repository === 'string' ? p.repository : p.repository?.url;
  const url = (repo ?? p.homepage ?? 'https://github.com/vigil-dev/vigil').replace(/^git\+/, '').replace(/\.git$/, '');
  return url.replace(/\/$/, '');
}

/**
 * A rule's docs page: its rule file in the repository, which carries the full markdown docs, at the tag of this
 * version (`v<version>`), so the page describes the rule as this Vigil runs it, not as the main branch has it now.
 */
export function ruleHelpUri(ruleId: string): string {
  return `${repositoryUrl()}/blob/v${vigilVersion()}/rules/${encodeURIComponent(ruleId)}.yaml`;
}

export function sarifLevel(s: Severity): 'error' | 'warning' | 'note' {
  return s === 'info' ? 'note' : s;
}
