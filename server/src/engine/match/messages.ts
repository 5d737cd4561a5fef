// A rule's (or a pattern's) message may be one text for every file, or a text per language, so advice names
// the file's own API: Python's `usedforsecurity=False` is no help in a Go file. The map's keys are language ids
// (a TypeScript or JSX file falls back to `javascript`) and `default`, which the schema requires.
import type { MessageSpec } from '../types';

const FAMILY: Record<string, string> = {
  javascriptreact: 'javascript',
  typescript: 'javascript',
  typescriptreact: 'javascript',
};

/** The message template for a file of `languageId`: its own entry, its family's, or the default. */
export function messageFor(spec: MessageSpec, languageId: string): string {
  if (typeof spec === 'string') return spec;
  const family = FAMILY[languageId];
  return spec[languageId] ?? (family !== undefined ? spec[family] : undefined) ?? spec.default;
}
