// The engine's public surface: the language server and the CLI import from here only.
export * from './types';
export { Engine, DEFAULT_MAX_FILE_SIZE, type EngineOptions } from './analyze';
export { pickAnalysisOptions } from './options';
export { LineIndex } from './source/lines';
export { languageIdForPath, isCodeLanguage, commentSyntaxFor, type CommentSyntax } from './source/languages';
export { applyEdits, applyFixes } from './match/fixes';
export { maskSecret } from './finalise/mask';
export { FINGERPRINT_VERSION } from './finalise/fingerprint';
export { messageFor } from './match/messages';
export { decodeFile } from './source/decode';
export { formatLoadError, loadRuleFile, loadRules, resolveRuleFolder, ruleFileNames } from './rules/load';
export { offendingPointer, parseYaml, schemaErrors, schemaFileValidator, type ErrorObject, type YamlDocument, type YamlError } from './rules/yamlSchema';
export { parseSuppressions, todayIso, type Suppression } from './finalise/suppress';
export { builtinRulesDir, packageRoot, wasmDir } from './source/paths';
export { parse, loadGrammar } from './source/parse';
export { DocumentSession } from './incremental/session';
export { isTestCodePath, testCodeOf, type TestCode } from './finalise/testCode';
export { developerPathOf } from './finalise/developerPaths';
