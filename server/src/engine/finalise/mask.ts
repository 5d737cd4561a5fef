/**
 * Masks a secret for display: at most the first 4 and last 2 characters stay, never more than a quarter
 * of the value, and the length is not revealed. Every output path (messages, JSON, SARIF, logs) uses this.
 */
export function maskSecret(value: string): string {
  const v = value.trim();
  // A quoted literal (a code frame masks the whole flagged span) keeps its quotes and masks what is inside,
  // so the frame shows the same mask as the message, which quotes the value without them.
  const quoted = /^(["'`])([\s\S]*)\1$/.exec(v);
  if (quoted && v.length >= 2) return `${quoted[1]}${maskSecret(quoted[2]!)}${quoted[1]}`;
  if (v.length >= 24) return `${v.slice(0, 4)}********${v.slice(-2)}`;
  if (v.length >= 12) return `${v.slice(0, 2)}********${v.slice(-1)}`;
  return '********';
}
