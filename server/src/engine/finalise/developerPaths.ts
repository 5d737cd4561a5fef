// Files whose code runs only when a developer or the build runs it: migrations, build and task files, repository
// scripts. A migration that builds `ALTER TABLE #{table}` from its own constants, or a Rakefile that shells out
// with a path it computed, is not an injection: nobody outside the team supplies those values. In these files an
// injection finding stands only with evidence of outside input (RawFinding.input, set by the injection helpers
// when the value was traced to a request, a form or standard input), never because a value is merely not constant.

export interface DeveloperPath {
  /** Why the file counts as developer-controlled, for logs and tests ("migration folder db/migrate/"). */
  reason: string;
}

/** The rules this applies to: the value of their sink argument must come from outside to be a problem. */
export const INPUT_DEPENDENT_RULES: ReadonlySet<string> = new Set([
  'sql-injection',
  'command-injection',
  'code-injection',
  'path-traversal',
  'ssrf',
  'open-redirect',
  'ldap-injection',
  'xpath-injection',
]);

/** Build and task runner files by name (any folder). */
const TASK_FILES: readonly [RegExp, string][] = [
  [/^(?:Rakefile|[^/]+\.rake)$/, 'Rake task file'],
  [/^(?:gulpfile|Gruntfile|Jakefile)(?:\.[\w-]+)?\.[cm]?[jt]s$|^(?:gulpfile|Gruntfile)\.coffee$/i, 'gulp/grunt/jake task file'],
  [/^(?:webpack|rollup|vite|esbuild|babel|jest|vitest|karma|eslint|prettier)\.config\.[cm]?[jt]s$/, 'build tool configuration'],
  [/^(?:setup|noxfile|fabfile|dodo|tasks|conanfile|SConstruct|SConscript)\.py$|^(?:SConstruct|SConscript)$/, 'Python build or task file'],
  [/^magefile\.go$/, 'mage build file'],
  [/^(?:RoboFile|deploy)\.php$/, 'PHP task file'],
  [/^build\.cake$/, 'Cake build file'],
];

/** Migration folders by framework: Rails, Alembic, Django/Laravel/Knex/EF and friends, seeds. */
const MIGRATION_FOLDERS: readonly [RegExp, string][] = [
  [/(?:^|\/)db\/(?:migrate|migrations?|seeds?)\//i, 'migration folder db/…/'],
  [/(?:^|\/)alembic\/versions\//, 'migration folder alembic/versions/'],
  [/(?:^|\/)(?:migrations?|seeders?|seeds)\//i, 'migration folder'],
  [/(?:^|\/)db\/seeds\.rb$/, 'Rails seed file'],
];

/**
 * Repository script folders at the top of the project: what a Makefile, CI or a developer invokes. (The Makefile
 * itself is not read: the engine sees one file at a time, and these folder names are the convention Makefiles call.)
 */
const SCRIPT_ROOTS = /^(?:scripts?|tools|build|ci|\.ci|hack|\.github|\.circleci|\.buildkite)\//;

/** Why `path` (project-relative) is developer-controlled code, or undefined. */
export function developerPathOf(path: string): DeveloperPath | undefined {
  const p = path.replace(/\\/g, '/').replace(/^\.\//, '');
  const name = p.slice(p.lastIndexOf('/') + 1);
  for (const [re, what] of TASK_FILES) if (re.test(name)) return { reason: what };
  for (const [re, what] of MIGRATION_FOLDERS) if (re.test(p)) return { reason: what };
  if (SCRIPT_ROOTS.test(p)) return { reason: `repository script folder ${p.slice(0, p.indexOf('/') + 1)}` };
  return undefined;
}

/** Keeps an injection finding in a developer-controlled file only when its value was traced to outside input. */
export function keepInDeveloperPath(ruleId: string, input: string | undefined): boolean {
  return !INPUT_DEPENDENT_RULES.has(ruleId) || input !== undefined;
}
