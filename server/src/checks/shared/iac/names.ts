// Name and value heuristics shared by the infrastructure checks (Kubernetes env, Dockerfile ENV/ARG).

const SECRET_NAME = /(pass(word|wd)?|pwd|secret|token|api[_-]?key|apikey|private[_-]?key|client[_-]?secret|access[_-]?key|auth|credential)/i;
// Names that mention a secret but hold a reference to one, not the value.
const REFERENCE_NAME = /(_file|_path|_ref|_name|_id|_url|_length|_min|_max|_ttl|_header|_type)$/i;
const PLACEHOLDER = /^(|changeme|change[-_]?me|xxx+|\*+|<[^>]*>|\$\{[^}]*\}|\$[A-Za-z_]\w*|\{\{[^}]*\}\}|%\([^)]*\)s|password|secret|token|example|dummy|none|null|true|false|todo)$/i;

export function isSecretName(name: string): boolean {
  return SECRET_NAME.test(name) && !REFERENCE_NAME.test(name);
}

export function isPlaceholderValue(value: string): boolean {
  const v = value.trim().replace(/^['"]|['"]$/g, '');
  return v.length < 6 || PLACEHOLDER.test(v) || /^(.)\1*$/.test(v);
}
