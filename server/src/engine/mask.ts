/**
 * Masks a secret for display: at most the first 4 and last 2 characters stay, never more than a quarter
 * of the value, and the length is not revealed. Every output path (messages, JSON, SARIF, logs) uses this.
 */
export function maskSecret(value: string): string {
  const v = value.trim();
  if (v.length >= 24) return `${v.slice(0, 4)}********${v.slice(-2)}`;
  if (v.length >= 12) return `${v.slice(0, 2)}********${v.slice(-1)}`;
  return '********';
}
