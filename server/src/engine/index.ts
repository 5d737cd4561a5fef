// The engine's public surface: the language server and the CLI import from here only.
export * from './types';
export { Engine, DEFAULT_MAX_FILE_SIZE, type EngineOptions } from './engine';
export { LineIndex } from './lines';
export { languageIdForPath, isCodeLanguage, commentSyntaxFor, type CommentSyntax } from './languages';
export { applyEdits, applyFixes } from './fixes';
export { maskSecret } from './mask';
export { formatLoadError, loadRuleFile, loadRules } from './rules';
export { parseSuppressions, todayIso, type Suppression } from './suppress';
export { builtinRulesDir, packageRoot, wasmDir } from './paths';
export { parse, loadGrammar } from './parse';
export { DocumentSession } from './session';
