// The engine's data types. Positions are LSP's: 0-based line, UTF-16 character offset.
// Nothing here imports an editor API, so the language server and the CLI share these types as they are.

export type Severity = 'error' | 'warning' | 'info';
export type Confidence = 'high' | 'medium' | 'low';
export type Applicability = 'safe' | 'unsafe' | 'suggestion';

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];
export const CONFIDENCES: readonly Confidence[] = ['high', 'medium', 'low'];

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export interface TextEdit {
  range: Range;
  newText: string;
}

export interface Fix {
  title: string;
  applicability: Applicability;
  /** Sorted by start position, non-overlapping. */
  edits: TextEdit[];
}

export interface SuppressionInfo {
  /** How the finding was silenced: a comment in the source. */
  kind: 'inSource';
  /** The text after `--` in the comment, if any. */
  justification?: string;
  /** ISO date (YYYY-MM-DD) after which the suppression no longer applies. */
  until?: string;
  /** 0-based line of the suppression comment. */
  line: number;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  confidence: Confidence;
  /** Never contains a secret's raw value: secret rules mask it before the message is built. */
  message: string;
  range: Range;
  /** Stable across line moves and reformatting: hash of rule id, path and the statement's tokens (fingerprint.ts). */
  fingerprint: string;
  /** Version 1's fingerprint, only with AnalysisOptions.legacyFingerprints (to read a baseline written before version 2). */
  fingerprintV1?: string;
  fixes: Fix[];
  /** Set on findings that an in-source suppression silenced (reported only when asked for). */
  suppression?: SuppressionInfo;
  /**
   * Set on findings in test or fixture code (AnalysisOptions.tests `demote`): their confidence dropped one level
   * and their severity to at most warning (info for a rule whose testSeverity says so); `--fail-on` does not count
   * them unless asked.
   */
  demoted?: { reason: string };
  /** For taint findings: the steps from where the input entered to the sink, in order (the last is the sink). */
  flow?: FlowStep[];
  /**
   * Only with AnalysisOptions.crossFile: the finding rests on what callers in other files pass to parameters of
   * its function. The scan settles it (project/scan/crossFile.ts) and removes this field before reporting.
   */
  crossFile?: CrossFileCondition;
}

/** One step of a taint path: where it is and what happens to the value there. */
export interface FlowStep {
  range: Range;
  message: string;
  /** The step lies in another file of the scan (its path as findings name it); absent: the finding's own file. */
  path?: string;
}

/**
 * A parameter of a function as the files of one scan name it: language, qualified function (`Class.method`,
 * `module.function`) and 0-based parameter index, e.g. `java:OrderDao.find#0` (see checks/shared/taintScope.ts).
 */
export type ParamKey = string;

/** How a finding reached from parameters of its function is settled once the whole scan's calls are known. */
export interface CrossFileCondition {
  /** The parameters whose value reaches the sink. */
  params: ParamKey[];
  /** Functions of other files (`<language>:<qualified function>`) whose result reaches the sink. */
  returns?: string[];
  /** Confidence when some call in the scan passes input to one of them. */
  confidence: Confidence;
  /** What single-file analysis does with it when no call in the scan is known: keep it as it is, or drop it. */
  standalone: boolean;
  /**
   * The rule counts only sources of origin `outside` (`sources: outside`): input the operator sets is no evidence.
   * Never set under the `local` threat model, where the operator's sources count for every rule.
   */
  outsideOnly?: boolean;
  /**
   * A hardcoded value, not input, is what raises it (a key or password parameter): some caller passes, or some
   * function returns, a string literal. `placeholder` stands in the message for the value, replaced by its mask;
   * `test` names the argument's value condition (a placeholder such as `${DB_PASSWORD}` is no secret), which the
   * literal must be one that `accepts` it: the raw value never leaves its file's analysis.
   */
  constant?: { placeholder: string; test?: string };
}

/** What one argument of a call carries, as far as its own file tells (checks/shared/taintScope.ts). */
export type ArgumentSummary =
  | { kind: 'clean' }
  /** `operator`: every source that reaches it is of origin `operator` (environment, properties, command line). */
  | { kind: 'input'; flow: FlowStep[]; operator?: boolean }
  | { kind: 'param'; params: ParamKey[]; flow: FlowStep[] }
  /**
   * A string literal written in the caller's file, for key and password parameters; `shown` is masked, `accepts`
   * the value conditions of the rules' constant arguments it meets (CrossFileCondition.constant.test).
   */
  | { kind: 'constant'; flow: FlowStep[]; shown: string; accepts: string[] };

/** What a function returns, when that is input or another file's result (checks/shared/taintScope.ts). */
export type ReturnSummary =
  | { function: string; kind: 'input'; flow: FlowStep[]; operator?: boolean }
  | { function: string; kind: 'returns'; callees: string[]; flow: FlowStep[] }
  /** The function returns a string literal written in its file; `shown` is masked. */
  | { function: string; kind: 'constant'; flow: FlowStep[]; shown: string; accepts: string[] };

/** A call whose callee another file of the scan may define, with what its arguments carry. */
export interface CallSummary {
  /** The callee as `<language>:<qualified function>` (a ParamKey without the index). */
  callee: string;
  range: Range;
  args: ArgumentSummary[];
}

/** What findings in test and fixture code become: as they are, demoted (the default), or not reported. */
export type TestsMode = 'report' | 'demote' | 'ignore';
export const TESTS_MODES: readonly TestsMode[] = ['report', 'demote', 'ignore'];

/**
 * Whose values count as input for the taint rules. `remote` (the default): only what comes from outside the
 * program (requests, sockets, uploaded files...); rules with `sources: outside` (paths, URLs, redirects, code)
 * leave out what the operator sets. `local`: the operator's sources (origin `operator` in rules/taint/sources.yaml:
 * environment, system properties, properties files, the command line) count for every rule too, for programs run
 * with an environment their author does not control (setuid helpers, CI jobs on forks).
 */
export type ThreatModel = 'remote' | 'local';
export const THREAT_MODELS: readonly ThreatModel[] = ['remote', 'local'];

/** A rule-independent note about the document, e.g. an expired suppression or an unknown rule id in one. */
export interface Note {
  code: 'unknown-rule-in-suppression' | 'suppression-expired' | 'rule-error' | 'skipped';
  message: string;
  range: Range;
  severity: Severity;
}

/** Language ids are VS Code's, so the server can use TextDocument.languageId as it is. */
export type CodeLanguage =
  | 'javascript'
  | 'javascriptreact'
  | 'typescript'
  | 'typescriptreact'
  | 'python'
  | 'java'
  | 'go'
  | 'csharp'
  | 'php'
  | 'ruby';

export const CODE_LANGUAGES: readonly CodeLanguage[] = [
  'javascript',
  'javascriptreact',
  'typescript',
  'typescriptreact',
  'python',
  'java',
  'go',
  'csharp',
  'php',
  'ruby',
];

/** A document handed to the engine. `path` is relative to the workspace root where one exists. */
export interface SourceDocument {
  path: string;
  languageId: string;
  text: string;
}

// ---- Rules (the shape of rules/*.yaml after validation) ----

/** A message template for every file, or per language id with a required `default` (see messages.ts). */
export type MessageSpec = string | ({ default: string } & Record<string, string>);

export interface FixEditSpec {
  /** Capture whose node is replaced. */
  capture: string;
  /** Replacement text; `{{name}}` expands to the text of capture `name`. */
  text: string;
}

export interface FixSpec {
  title: string;
  applicability: Applicability;
  /** Declarative edits, or the name of a fix helper in checks/ (registered in checks/index.ts) that computes them. */
  edits?: FixEditSpec[];
  helper?: string;
  /** Free-form options passed to the fix helper. */
  options?: Record<string, unknown>;
}

export interface FilterSpec {
  /** Name of a filter helper in checks/ (registered in checks/index.ts). */
  helper: string;
  /** Capture the helper looks at (default: the finding capture). */
  capture?: string;
  options?: Record<string, unknown>;
  /** Keep the match when the helper returns false instead of true. */
  negate?: boolean;
}

interface PatternBase {
  /** Extra conditions that a query or regex cannot express. All must hold. */
  where?: FilterSpec[];
  fixes?: FixSpec[];
  /** Overrides the rule's message for this pattern (one text, or one per language). */
  message?: MessageSpec;
  /** Overrides the rule's confidence for this pattern. */
  confidence?: Confidence;
  /** Literals at least one of which must occur in the text (case-insensitive) for the pattern to run. */
  keywords?: string[];
}

export interface QueryPattern extends PatternBase {
  kind: 'query';
  languages: CodeLanguage[];
  /** A tree-sitter query. Capture `@finding` marks the reported range (default: the whole match's first capture). */
  query: string;
}

export interface RegexPattern extends PatternBase {
  kind: 'regex';
  /** Code languages, or `text` for any file Vigil reads (including code files), or `*`. */
  languages: (CodeLanguage | 'text' | '*')[];
  /** JavaScript regular expression source; must be linear-time. */
  regex: string;
  /** Extra flags (i, m, s, u); `g` and `d` are always set. */
  flags?: string;
  /** Named group whose span is the finding range (default: the whole match). */
  group?: string;
  /** Only run on files whose path matches one of these globs (e.g. `**\/.env*`). */
  paths?: string[];
}

/**
 * A pattern whose spans come from a producer helper rather than a query or regex: structured formats with
 * no tree-sitter grammar here (YAML manifests, Terraform, Dockerfile) and checks for a missing key.
 */
export interface ProducerPattern extends PatternBase {
  kind: 'producer';
  languages: (CodeLanguage | 'text' | '*')[];
  producer: string;
  /** Only run on files whose path matches one of these globs. */
  paths?: string[];
  /** Free-form options passed to the producer. */
  options?: Record<string, unknown>;
}

/** One argument condition of a `call:` or `new:` matcher, over the argument's possible values (semantic/values.ts). */
export interface ArgSpec {
  /** Positional index (default 0), or `name` for a keyword/named argument. */
  index?: number;
  name?: string;
  /** The entry of that name in an object literal written as the argument (`session({ secret: k })`). */
  field?: string;
  /** Regular expression that one of the possible string values must match. */
  value?: string;
  /** Flags of `value` (i, u). */
  flags?: string;
  /** A possible value is a non-empty constant written in the code, on some path (a literal key, a fixed IV or seed). */
  constant?: boolean;
  /** The argument is not itself a literal (it reaches the call through a variable, field or conversion). */
  indirect?: boolean;
  /** Regular expression over the argument's spelling when it is a name or member chain, dotted (`CURLOPT_SSL_VERIFYPEER`). */
  spelled?: string;
  /** Template variable set to the matching value. */
  as?: string;
  /** Capture name for the argument's node (default `arg<index>`). */
  capture?: string;
  /** Capture name for the content of the argument when it is a string literal at the call (for fixes). */
  literal?: string;
}

/** A call (or constructor) by qualified name; see docs/custom-rules.md. */
export interface CallSpec {
  /** Qualified names; `*` matches within a name segment, `**` across segments. */
  name: string | string[];
  args?: ArgSpec[];
  /** Template variable set to the type's simple name (`DES` for `System.Security.Cryptography.DES.Create`). */
  as?: string;
  /** The capture reported as the finding's range (default: the whole call). */
  report?: string;
  /** Only calls on a spelled type or module (`Digest::MD5.hexdigest(x)`), not on a value of that type (`d.hexdigest`). */
  static?: boolean;
}

/** A value from a call named in `from` that lands in a variable, field, key, attribute or return named like `name`. */
export interface IntoSpec {
  from: string | string[];
  /** Regular expression over the target's name. */
  name: string;
  flags?: string;
  /** Regular expression the target's name must not match (`tokenizer`, `keyboard`). */
  except?: string;
  /** Template variable set to the target's name (default `target`). */
  as?: string;
}

/** A value written into a field, key or variable whose name matches `target`; the other conditions are an argument's. */
export interface AssignSpec extends Omit<ArgSpec, 'index' | 'name'> {
  /** Regular expression over the name written, as spelled (`rejectUnauthorized`, `NODE_TLS_REJECT_UNAUTHORIZED`). */
  target: string;
  /** What is written: a field (`opts.x = v`, `process.env.X = v`), a subscript key, a variable; default field and index. */
  kinds?: ('field' | 'index' | 'name')[];
}

/** A matcher over the semantic model (resolved names, possible values) instead of the syntax. */
export interface SemanticPattern extends PatternBase {
  kind: 'semantic';
  languages: CodeLanguage[];
  call?: CallSpec;
  new?: CallSpec;
  into?: IntoSpec;
  assign?: AssignSpec;
  /** Semantic patterns run on code by language, never by path. */
  paths?: undefined;
}

export type Pattern = QueryPattern | RegexPattern | ProducerPattern | SemanticPattern;

export interface Rule {
  id: string;
  title: string;
  severity: Severity;
  confidence: Confidence;
  cwe: number[];
  owasp: string[];
  tags: string[];
  /** Template: `{{capture}}` expands to a capture's text (masked for secrets by a helper); one text, or one per language. */
  message: MessageSpec;
  /** Why fixes of an applicability need review, in a few words, for the fix's title in the editor. */
  fixReasons?: Partial<Record<'unsafe' | 'suggestion', string>>;
  /** Why a finding may have no automatic fix (per language), for a disabled quick fix in the editor. */
  noFixReason?: MessageSpec;
  /** Markdown: why it is risky, bad and good examples, how to fix, fix safety. */
  docs: string;
  patterns: Pattern[];
  /** Findings of this rule carry secrets: message captures are masked, fingerprints hashed. */
  secret?: boolean;
  /** More general rules that stay quiet where this one reports an overlapping span (one finding per problem). */
  supersedes?: string[];
  /**
   * The highest severity a finding of this rule keeps in test and fixture code (`tests: demote`); default warning.
   * `info` for rules no outside input drives (a weak digest, TLS checks switched off against a test's own server, a
   * fixture key): there a finding is a note, not an alert.
   */
  testSeverity?: 'warning' | 'info';
  /** Where the rule was loaded from (absolute path). */
  file: string;
  /** True for rules from a workspace's custom rule folders. */
  custom?: boolean;
}

export interface RuleLoadError {
  file: string;
  /** 1-based line of the problem in the rule file, when known. */
  line?: number;
  message: string;
}

// ---- Analysis options (resolved settings; editor and CLI build the same object) ----

export interface AnalysisOptions {
  disabledRules?: string[];
  severityOverrides?: Record<string, Severity>;
  minimumConfidence?: Confidence;
  /** Include suppressed findings (flagged with `suppression`) in the result, for SARIF and reviews. */
  includeSuppressed?: boolean;
  /** Today's date as YYYY-MM-DD, for suppression expiry; injectable for tests. */
  today?: string;
  /** Documents larger than this many UTF-16 code units are skipped with a note. */
  maxFileSize?: number;
  /** Also give each finding its version 1 fingerprint (`fingerprintV1`), to match a baseline from before version 2. */
  legacyFingerprints?: boolean;
  /**
   * A scan of many files settles taint across them: findings reached only from parameters carry `crossFile`
   * (those single-file analysis drops included) and the result lists the file's calls (`calls`).
   */
  crossFile?: boolean;
  /** Findings in test and fixture code (finalise/testCode.ts): `demote` by default. */
  tests?: TestsMode;
  /** Whose values count as input (see ThreatModel): `remote` by default. */
  threatModel?: ThreatModel;
}

export interface AnalysisResult {
  findings: Finding[];
  notes: Note[];
  /** Set when the document was not analysed at all (too large, binary, unknown language with no text rules). */
  skipped?: string;
  /** Milliseconds spent, for logs and benchmarks. */
  elapsedMs: number;
  /** With AnalysisOptions.crossFile: the calls other files of the scan may define (see CallSummary). */
  calls?: CallSummary[];
  /** With AnalysisOptions.crossFile: the functions that return input or another file's result. */
  returns?: ReturnSummary[];
}
