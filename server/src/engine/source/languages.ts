import picomatch from 'picomatch';
import type { CodeLanguage } from '../types';
import { CODE_LANGUAGES } from '../types';

/** Grammar wasm file per language. JSX parses with the JavaScript grammar, TSX needs its own. */
export const GRAMMAR_FILES: Record<CodeLanguage, string> = {
  javascript: 'tree-sitter-javascript.wasm',
  javascriptreact: 'tree-sitter-javascript.wasm',
  typescript: 'tree-sitter-typescript.wasm',
  typescriptreact: 'tree-sitter-tsx.wasm',
  python: 'tree-sitter-python.wasm',
  java: 'tree-sitter-java.wasm',
  go: 'tree-sitter-go.wasm',
  csharp: 'tree-sitter-c-sharp.wasm',
  php: 'tree-sitter-php.wasm',
  ruby: 'tree-sitter-ruby.wasm',
};

const EXTENSIONS: Record<string, CodeLanguage> = {
  '.js': 'javascript',
  '.mjs': 'javascript',
  '.cjs': 'javascript',
  '.jsx': 'javascriptreact',
  '.ts': 'typescript',
  '.mts': 'typescript',
  '.cts': 'typescript',
  '.tsx': 'typescriptreact',
  '.py': 'python',
  '.pyw': 'python',
  '.java': 'java',
  '.go': 'go',
  '.cs': 'csharp',
  '.php': 'php',
  '.phtml': 'php',
  '.rb': 'ruby',
  '.rake': 'ruby',
  '.gemspec': 'ruby',
};

const FILENAMES: Record<string, CodeLanguage> = {
  Rakefile: 'ruby',
  Gemfile: 'ruby',
};

/**
 * Dockerfile names as Docker, Podman and VS Code know them: `Dockerfile`, `Dockerfile.prod`, `api.Dockerfile`,
 * `api.dockerfile`, and the same with `Containerfile`; `Dockerfile.dockerignore` is BuildKit's ignore file, not a
 * Dockerfile. Globs in the rules' `paths` syntax: every Dockerfile pattern of a rule lists exactly these (a test
 * holds the rule files to it).
 */
export const DOCKERFILE_GLOBS: readonly string[] = [
  'Dockerfile',
  'Dockerfile.!(*dockerignore)',
  '*.Dockerfile',
  '*.dockerfile',
  'Containerfile',
  'Containerfile.!(*dockerignore)',
  '*.containerfile',
];

let dockerfileMatcher: ((p: string) => boolean) | undefined;

export function isDockerfilePath(filePath: string): boolean {
  // The engine matches rule paths the same way (picomatch, basename, dot files included).
  dockerfileMatcher ??= picomatch([...DOCKERFILE_GLOBS], { dot: true, basename: true });
  return dockerfileMatcher(filePath.replace(/\\/g, '/'));
}

export function isCodeLanguage(id: string): id is CodeLanguage {
  return (CODE_LANGUAGES as readonly string[]).includes(id);
}

/** VS Code language id for a file path: a code language, `dockerfile`, or `plaintext` (text rules run on all). */
export function languageIdForPath(filePath: string): string {
  const base = filePath.split(/[\\/]/).pop() ?? filePath;
  const byName = FILENAMES[base];
  if (byName) return byName;
  // The id VS Code gives these files, so the CLI, the fixture harness and the editor see the same language.
  if (isDockerfilePath(base)) return 'dockerfile';
  const dot = base.lastIndexOf('.');
  if (dot > 0) {
    const lang = EXTENSIONS[base.slice(dot).toLowerCase()];
    if (lang) return lang;
  }
  return 'plaintext';
}

/**
 * The line-comment opener used when Vigil inserts a suppression comment, chosen from the language id
 * and, for text files, the file name. Undefined where the format has no comments (JSON).
 */
export interface CommentSyntax {
  open: string;
  close?: string;
}

export function commentSyntaxFor(languageId: string, filePath: string): CommentSyntax | undefined {
  const open = lineCommentOpener(languageId, filePath);
  if (open === undefined) return undefined;
  return open === '<!--' ? { open, close: '-->' } : { open };
}

function lineCommentOpener(languageId: string, filePath: string): string | undefined {
  switch (languageId) {
    case 'python':
    case 'ruby':
    case 'yaml':
    case 'shellscript':
    case 'dockerfile':
    case 'properties':
    case 'dotenv':
    case 'terraform':
    case 'toml':
    case 'r':
    case 'perl':
    case 'makefile':
    case 'powershell':
      return '#';
    case 'javascript':
    case 'javascriptreact':
    case 'typescript':
    case 'typescriptreact':
    case 'java':
    case 'go':
    case 'csharp':
    case 'php':
    case 'c':
    case 'cpp':
    case 'rust':
    case 'kotlin':
    case 'swift':
    case 'scala':
    case 'jsonc':
      return '//';
    case 'sql':
    case 'lua':
      return '--';
    case 'ini':
      return ';';
    case 'json':
      return undefined;
    case 'xml':
    case 'html':
      return '<!--';
    default:
      break;
  }
  const base = (filePath.split(/[\\/]/).pop() ?? '').toLowerCase();
  if (base.endsWith('.json')) return undefined;
  if (/\.(tf|tfvars|hcl)$/.test(base)) return '#';
  if (/\.(ini|cfg)$/.test(base)) return ';';
  if (/\.(sql)$/.test(base)) return '--';
  if (/\.(xml|html?|svg|config|csproj)$/.test(base)) return '<!--';
  // .env, YAML, properties, shell, Dockerfile and most config formats take `#`.
  return '#';
}
