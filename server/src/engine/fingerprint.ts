import { createHash } from 'crypto';

/**
 * Stable across line moves and edits elsewhere in the file: rule id + path + the flagged lines with
 * whitespace collapsed, and the occurrence number when identical code is flagged twice in one file.
 * Secrets never appear in it: the whole key is hashed.
 */
export function fingerprintOf(ruleId: string, path: string, flaggedCode: string, occurrence: number): string {
  const normalised = flaggedCode.replace(/\s+/g, ' ').trim();
  const h = createHash('sha256');
  h.update(ruleId).update('\0').update(path.replace(/\\/g, '/')).update('\0').update(normalised);
  if (occurrence > 0) h.update('\0').update(String(occurrence));
  return h.digest('hex').slice(0, 32);
}
