import * as path from 'path';
import { Language, Parser, Query, type Node, type Tree } from '@vscode/tree-sitter-wasm';
import type { CodeLanguage } from '../types';
import { GRAMMAR_FILES } from './languages';
import { wasmDir } from './paths';

export type { Tree, Node, Query, QueryMatch, Language } from '@vscode/tree-sitter-wasm';

let initialised: Promise<void> | undefined;
const languages = new Map<string, Promise<Language>>();
const parsers = new Map<string, Parser>();

function init(): Promise<void> {
  if (!initialised) {
    const dir = wasmDir();
    initialised = Parser.init({ locateFile: (file: string) => path.join(dir, file) });
  }
  return initialised;
}

/** Loads a grammar the first time its language is seen; later calls share the same promise. */
export function loadGrammar(lang: CodeLanguage): Promise<Language> {
  const file = GRAMMAR_FILES[lang];
  let p = languages.get(file);
  if (!p) {
    p = init().then(() => Language.load(path.join(wasmDir(), file)));
    languages.set(file, p);
  }
  return p;
}

/** Key shared by languages that use one grammar (javascript and javascriptreact). */
export function grammarKey(lang: CodeLanguage): string {
  return GRAMMAR_FILES[lang];
}

/**
 * How much work a parse may do before it is abandoned, in work units. Counted, not timed, so whether a document
 * gets syntax rules never depends on how busy the machine is. A unit is one of tree-sitter's progress checks
 * (it calls back every 100 parser operations); each chunk of input the lexer reads counts READ_WEIGHT units,
 * because the progress checks do not see lexing: tree-sitter-python's quadratic run of comment lines spends
 * nearly all its time re-reading the text between a handful of checks.
 * Calibration (idle parse, CPU time): about 55,000-64,000 units per second on large generated files and on the
 * pathological comment runs alike (`node bench/parseBudget.mjs` measures it), so the default of 300,000 is
 * roughly the 5 s wall-clock limit it replaced.
 */
export const DEFAULT_PARSE_BUDGET = 300_000;
const READ_WEIGHT = 5;

export interface ParseLimits {
  /** Abandon the parse after this many work units (see DEFAULT_PARSE_BUDGET); the document then gets text rules only. */
  parseBudget?: number;
  /** When given, receives the work units the parse spent (the calibration in bench/parseBudget.mjs reads it). */
  spent?: { units: number };
}

/** Parses `text`; with `oldTree` (already `edit`ed to match), tree-sitter reuses the unchanged subtrees. */
export async function parse(lang: CodeLanguage, text: string, limits: ParseLimits = {}, oldTree: Tree | null = null): Promise<Tree | null> {
  const language = await loadGrammar(lang);
  const key = grammarKey(lang);
  let parser = parsers.get(key);
  if (!parser) {
    parser = new Parser();
    parser.setLanguage(language);
    parsers.set(key, parser);
  }
  const budget = limits.parseBudget ?? DEFAULT_PARSE_BUDGET;
  let work = 0;
  // The same input a string argument gets (tree-sitter copies what fits its buffer from each slice), counted.
  const input = (index: number): string => {
    work += READ_WEIGHT;
    return text.slice(index);
  };
  const tree = parser.parse(input, oldTree, { progressCallback: () => ++work > budget });
  if (limits.spent) limits.spent.units = work;
  if (tree) sources.set(tree, text);
  return tree;
}

const sources = new WeakMap<object, string>();

/**
 * The whole text a node's tree was parsed from. The root node's own text starts at the first token, after any
 * leading blank lines or byte-order mark, so offsets (which count from the start of the document) index this.
 */
export function sourceOf(node: Node): string {
  return sources.get(node.tree) ?? `${' '.repeat(node.tree.rootNode.startIndex)}${node.tree.rootNode.text}`;
}

export function compileQuery(language: Language, source: string): Query {
  return new Query(language, source);
}
