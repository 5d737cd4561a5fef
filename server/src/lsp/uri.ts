// URI <-> path conversions at the protocol edge. Node's URL handles percent-encoding and Windows drive
// letters, so no extra dependency is needed for the `file:` URIs editors send.
import * as path from 'path';
import { fileURLToPath, pathToFileURL } from 'url';

/** File-system path of a `file:` URI; undefined for other schemes (untitled, vscode-notebook-cell...). */
export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

export function pathToUri(p: string): string {
  return pathToFileURL(p).href;
}

/** The workspace folder that contains `file` (the deepest one, for nested folders). */
export function folderOf(file: string, folders: readonly string[]): string | undefined {
  let best: string | undefined;
  for (const f of folders) {
    const rel = path.relative(f, file);
    if (rel.startsWith('..') || path.isAbsolute(rel)) continue;
    if (!best || f.length > best.length) best = f;
  }
  return best;
}

/**
 * The path the engine sees (fingerprints and path globs use it): relative to the workspace folder with `/`
 * separators, the bare path outside any folder, the URI's path for other schemes.
 */
export function enginePathFor(uri: string, folders: readonly string[]): string {
  const file = uriToPath(uri);
  if (file === undefined) {
    const colon = uri.indexOf(':');
    return decodeURIComponentSafe(colon >= 0 ? uri.slice(colon + 1) : uri).replace(/^\/+/, '');
  }
  const folder = folderOf(file, folders);
  const rel = folder ? path.relative(folder, file) : file;
  return rel.split(path.sep).join('/');
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** The URI of a taint step in another file: its `path` is relative to the workspace folder of `uri`'s file. */
export function stepUriFor(uri: string, stepPath: string, folders: readonly string[]): string | undefined {
  const file = uriToPath(uri);
  const folder = file === undefined ? undefined : folderOf(file, folders);
  return folder === undefined ? undefined : pathToUri(path.join(folder, ...stepPath.split('/')));
}
