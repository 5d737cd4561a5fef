// Is this file test or fixture code? Findings there are usually deliberate (a test that feeds an injection string
// to prove it is escaped, a fixture key that only opens a mock) and, at full severity, they drown the findings in
// shipped code. Decided from the path's conventions per ecosystem first, then from the test framework the text
// imports or uses. The path is the project-relative one the engine sees (SourceDocument.path), so a checkout that
// happens to live under a folder called `tests` does not turn every file into test code.

export interface TestCode {
  /** Why the file counts as test code, for the finding's `demoted` note ("folder tests/", "imports pytest"). */
  reason: string;
}

/** Folder names that hold tests or their data in some ecosystem (compared case-insensitively). */
const TEST_FOLDERS = new Set([
  'test',
  'tests',
  'spec',
  'specs',
  '__tests__',
  '__mocks__',
  '__fixtures__',
  'fixtures',
  'fixture',
  'testdata',
  'test-data',
  'test_data',
  'testfixtures',
  'e2e',
  // Helper packages that exist only for tests.
  'testutil',
  'testutils',
  'testhelpers',
  'test_utils',
  'test-utils',
  'test_helpers',
  'test-helpers',
  'testing',
]);

/** Variants of fixture folders: `fixtures-expired/`, `testdata_v2/`. */
const FIXTURE_FOLDER_VARIANT = /^(?:fixtures?|testdata)[-_][\w.-]+$/i;

/** An absolute path (a file outside any workspace folder): its folders are the machine's, not the project's. */
const ABSOLUTE = /^(?:\/|[A-Za-z]:[\\/]|\\\\)/;

/** .NET test projects are folders named after the project under test: `Acme.Core.Tests`, `Acme.IntegrationTests`. */
const DOTNET_TEST_PROJECT = /\.(?:Unit|Integration|Functional|Acceptance)?Tests?$/;

/** File names, with the ecosystem whose convention each is, for the reason text. */
const TEST_FILES: readonly [RegExp, string][] = [
  [/_test\.go$/, '*_test.go'],
  [/^test_[^/]*\.py$/, 'test_*.py'],
  [/_tests?\.py$|^tests\.py$/, '*_test.py'],
  [/^conftest\.py$/, 'conftest.py'],
  [/\.(?:spec|test)\.[cm]?[jt]sx?$/, '*.spec/*.test script'],
  [/_spec\.rb$/, '*_spec.rb'],
  [/(?:^test_[^/]*|_test)\.rb$/, 'minitest file'],
  [/^spec_helper\.rb$|^rails_helper\.rb$|^test_helper\.rb$/, 'test helper'],
  [/[a-z0-9]Tests?\.(?:java|kt|scala|groovy)$|^Test[A-Z][A-Za-z0-9]*\.java$|[a-z0-9](?:IT|TestCase)\.java$/, 'JUnit class name'],
  [/[a-z0-9]Tests?\.cs$/, '*Tests.cs'],
  [/[a-z0-9]Test\.php$/, '*Test.php'],
];

/**
 * Markers of a test framework in the text, per file type (an INI section `[Test]` is not an NUnit attribute):
 * imports or declarations that production code does not contain. Anchored at line starts where the syntax allows,
 * so a string or comment that merely mentions junit in the middle of a line does not count. Each row: the file
 * names, the marker, what it means, and a search for the words every match holds, run first (a marker anchored at
 * each line is tried at every line of the head, which an editor pays on every keystroke; one search for plain words
 * skips through it).
 */
const FRAMEWORK_MARKERS: readonly [RegExp, RegExp, string, RegExp][] = [
  [/\.(?:java|kt|scala|groovy)$/, /^\s*import\s+(?:static\s+)?org\.(?:junit|testng)\b/m, 'imports JUnit/TestNG', /junit|testng/],
  [/\.pyw?$/, /^\s*(?:import\s+pytest\b|from\s+pytest\b|import\s+unittest\b|from\s+unittest\s+import\s+TestCase\b)/m, 'imports pytest/unittest', /pytest|unittest/],
  [/\.go$/, /^\s*(?:import\s+)?(?:\w+\s+)?"testing"\s*\)?\s*$/m, 'imports Go testing', /"testing"/],
  [
    /\.[cm]?[jt]sx?$/,
    /^\s*(?:import\s[^;\n]*from\s*|(?:const|let|var)\s[^;\n]*=\s*require\(\s*|import\s*|require\(\s*)['"](?:mocha|chai|jest|@jest\/globals|vitest|ava|tap|node:test|@testing-library\/[\w-]+|supertest|sinon)['"]/m,
    'imports a JavaScript test framework',
    /['"](?:mocha|chai|jest|@jest\/globals|vitest|ava|tap|node:test|supertest|sinon)['"]|['"]@testing-library\//,
  ],
  [/\.[cm]?[jt]sx?$/, /^describe\s*\(\s*['"`][^\n]*\n(?:[^\n]*\n){0,40}?[ \t]+(?:it|test)\s*\(\s*['"`]/m, 'describe/it test suite', /describe/],
  [
    /\.rb$/,
    /^\s*require(?:_relative)?\s*\(?\s*['"](?:rspec|spec_helper|rails_helper|minitest\/autorun|minitest|test_helper|test\/unit)['"]|^\s*RSpec\.describe\b|<\s*(?:Minitest::Test|ActiveSupport::TestCase|Test::Unit::TestCase|ActionDispatch::IntegrationTest)\b/m,
    'uses RSpec/Minitest',
    /rspec|spec_helper|rails_helper|minitest|test_helper|test\/unit|RSpec|Minitest::Test|TestCase|IntegrationTest/,
  ],
  [
    /\.cs$/,
    /^\s*using\s+(?:NUnit\.Framework|Xunit|Microsoft\.VisualStudio\.TestTools\.UnitTesting)\s*;|^\s*\[(?:TestFixture|Test|TestCase|Fact|Theory|TestMethod|TestClass)\b[^\]\n]*\]\s*$/m,
    'uses NUnit/xUnit/MSTest',
    /NUnit\.Framework|Xunit|UnitTesting|\[(?:Test|Fact|Theory)/,
  ],
  [/\.php$/, /^\s*use\s+PHPUnit\\|\bextends\s+(?:\\?PHPUnit\\Framework\\)?TestCase\b/m, 'uses PHPUnit', /PHPUnit\\|TestCase/],
];

/** Framework markers sit in a file's imports and first declarations; reading further would only cost time. */
const MARKER_WINDOW = 32_000;

function segmentsOf(path: string): string[] {
  return path.replace(/\\/g, '/').split('/').filter((s) => s !== '' && s !== '.');
}

/** Test or fixture code by the path alone (folder or file name conventions), with the reason. */
function byPath(path: string): TestCode | undefined {
  const segs = segmentsOf(path);
  const name = segs.pop();
  if (name === undefined) return undefined;
  // Only the file name counts in an absolute path: `/home/me/tests/app/main.py` is no test of the project.
  const folders = ABSOLUTE.test(path) ? [] : segs;
  for (const dir of folders) {
    if (TEST_FOLDERS.has(dir.toLowerCase()) || FIXTURE_FOLDER_VARIANT.test(dir)) return { reason: `in a ${dir}/ folder` };
    if (DOTNET_TEST_PROJECT.test(dir)) return { reason: `in test project ${dir}/` };
  }
  for (const [re, what] of TEST_FILES) if (re.test(name)) return { reason: `file name (${what})` };
  return undefined;
}

/** True when the project-relative path follows a test or fixture convention of some ecosystem. */
export function isTestCodePath(path: string): boolean {
  return byPath(path) !== undefined;
}

/**
 * Why the file at `path` (project-relative) with contents `text` is test or fixture code, or undefined when it is
 * not. The path decides first; the text only adds files that follow no naming convention but import a framework.
 */
export function testCodeOf(path: string, text?: string): TestCode | undefined {
  const p = byPath(path);
  if (p || text === undefined) return p;
  const head = text.length > MARKER_WINDOW ? text.slice(0, MARKER_WINDOW) : text;
  const name = segmentsOf(path).pop() ?? '';
  for (const [file, re, what, words] of FRAMEWORK_MARKERS) if (file.test(name) && words.test(head) && re.test(head)) return { reason: what };
  return undefined;
}
