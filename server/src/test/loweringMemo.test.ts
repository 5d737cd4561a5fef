import * as assert from 'assert';
import fc from 'fast-check';
import { parse, type Tree } from '../engine/source/parse';
import { planRequery } from '../engine/incremental/incremental';
import { loweredModule, parsedFrom } from '../engine/semantic';
import type { Module, Stmt } from '../engine/semantic/ir';
import { python } from '../engine/semantic/lower/python';
import type { CodeLanguage } from '../engine/types';

// The lowering of a tree parsed incrementally reads the type and name of each top-level node it shares with the
// previous tree from that tree's memo (ir.ts DeclMemo). After any edit, what it gives must be what a
// lowering of a fresh parse gives, down to the nodes the lazy bodies are lowered from.

function summary(mod: Module): string[] {
  const out: string[] = [];
  const walk = (stmts: Stmt[], depth: number): void => {
    for (const s of stmts) {
      if (s.k === 'func') out.push(`${depth} func ${s.fn.name} ${s.fn.private ? 'private ' : ''}${s.fn.node.startIndex}-${s.fn.node.endIndex} ${(typeof s.fn.body === 'function' ? s.fn.body() : s.fn.body).length}`);
      else if (s.k === 'class') {
        out.push(`${depth} class ${s.name} ${s.node.startIndex}-${s.node.endIndex}`);
        walk(typeof s.body === 'function' ? s.body() : s.body, depth + 1);
      } else out.push(`${depth} ${s.k}`);
    }
  };
  walk(mod.body, 0);
  return out;
}

type Lang = 'python' | 'javascript' | 'java';

const SOURCES: Record<Lang, { start: string; pieces: string[] }> = {
  java: {
    start: 'import java.security.MessageDigest;\n\nclass A {\n    private static final int LIMIT = 3;\n    private byte[] f() throws Exception { return MessageDigest.getInstance("MD5").digest(); }\n    public int g(int x) { return x; }\n    static class B { void h() {} }\n}\n',
    pieces: ['    private void k() {}\n', '    public int m() { return 1; }\n', '    private static final int L', ' = 4;\n', 'private ', '(', ')', '{', '}', '\n', '/*'],
  },
  python: {
    start: 'import hashlib\n\nclass A:\n    def f(self):\n        return hashlib.md5(b"x")\n\ndef g(x):\n    return x\n\ndef h():\n    pass\n\nLIMIT = 3\n',
    pieces: ['def k():\n    pass\n', 'class B:\n    y = 1\n', 'x = (', ')', 'token = g(1)\n', '\n', '    ', 'r', '#', '"""'],
  },
  javascript: {
    start: "const crypto = require('crypto');\n\nclass A {\n  f() { return crypto.createHash('md5'); }\n}\n\nfunction g(x) { return x; }\n\nfunction h() {}\n\nconst LIMIT = 3;\n",
    pieces: ['function k() {}\n', 'class B { y = 1; }\n', 'x = (', ')', '{', '}', 'const t = g(1);\n', '\n', 'r', '/*', '`'],
  },
};

async function equalAfterEdits(lang: Lang, edits: { at: number; del: number; insert: string[] }[]): Promise<void> {
  let text = SOURCES[lang].start;
  let tree: Tree | null = await parse(lang as CodeLanguage, text);
  assert.ok(tree);
  loweredModule(tree, lang);
  try {
    for (const e of edits) {
      const at = Math.floor(e.at * text.length);
      const next = text.slice(0, at) + e.insert.join('') + text.slice(Math.min(text.length, at + e.del));
      const edited = tree.copy();
      planRequery(edited, text, next);
      const reparsed: Tree | null = await parse(lang as CodeLanguage, next, {}, edited);
      edited.delete();
      assert.ok(reparsed);
      parsedFrom(reparsed, tree);
      const fresh = await parse(lang as CodeLanguage, next);
      assert.ok(fresh);
      try {
        assert.deepStrictEqual(summary(loweredModule(reparsed, lang)!), summary(loweredModule(fresh, lang)!), JSON.stringify(next));
      } finally {
        fresh.delete();
      }
      tree.delete();
      tree = reparsed;
      text = next;
    }
  } finally {
    tree?.delete();
  }
}

describe('lowering memo across incremental parses', () => {
  for (const lang of ['python', 'javascript', 'java'] as const) {
    it(`${lang}: lowers a reparsed tree as a fresh parse, after random edit sequences`, async () => {
      const edit = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), del: fc.integer({ min: 0, max: 12 }), insert: fc.array(fc.constantFrom(...SOURCES[lang].pieces), { maxLength: 2 }) });
      await fc.assert(
        fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 6 }), (edits) => equalAfterEdits(lang, edits)),
        { numRuns: 60, seed: 20261204 },
      );
    });
  }

  it('reads a shared subtree\'s name from the memo, and records every top-level node for the next tree', async () => {
    const tree = await parse('python', 'def f():\n    pass\n\nx = 1\n');
    assert.ok(tree);
    try {
      const def = tree.rootNode.namedChild(0)!;
      const next = new Map();
      const mod = python.lower(tree.rootNode, { previous: new Map([[def.id, { type: 'function_definition', name: 'remembered' }]]), next });
      assert.deepStrictEqual(summary(mod).map((s) => s.split(' ').slice(0, 3).join(' ')), ['0 func remembered', '0 let']);
      assert.strictEqual(next.size, 2);
    } finally {
      tree.delete();
    }
  });
});
