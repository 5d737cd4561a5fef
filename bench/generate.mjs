// Generates realistic editor files of a given line count: ordinary service code repeated with varied names,
// with a security finding every tenth block (so diagnostics are never trivially empty). Also says where the
// simulated typist works (the middle of the file, on a block boundary) and what they type there.

const PY_HEAD = 'import hashlib\nimport os\nimport subprocess\n\n\n';
const pyBlock = (i) => `class OrderService${i}:
    """Loads and prices the orders of tenant ${i}."""

    def __init__(self, db, cache=None):
        self.db = db
        self.cache = cache or {}
        self.retries = ${(i % 5) + 1}

    def load(self, order_id):
        if order_id in self.cache:
            return self.cache[order_id]
        cursor = self.db.cursor()
        cursor.execute("SELECT id, total, status FROM orders WHERE id = %s", (order_id,))
        row = cursor.fetchone()
        self.cache[order_id] = row
        return row

    def price(self, items, discount=0.0):
        total = 0.0
        for item in items:
            qty = int(item.get("qty", 1))
            total += float(item["price"]) * qty
        return round(total * (1.0 - discount), 2)


def summarize_${i}(rows):
    counts = {}
    for row in rows:
        counts[row[2]] = counts.get(row[2], 0) + 1
    return sorted(counts.items(), key=lambda kv: -kv[1])


`;
const pyFinding = (i) => `def lookup_user_${i}(conn, name):
    cur = conn.cursor()
    cur.execute("SELECT * FROM users WHERE name = '" + name + "'")
    return cur.fetchall()


def checksum_${i}(data):
    return hashlib.md5(data).hexdigest()


def archive_${i}(folder):
    return subprocess.call("tar czf backup.tgz " + folder, shell=True)


`;

const JS_HEAD = "'use strict';\nconst crypto = require('crypto');\nconst childProcess = require('child_process');\n\n";
const jsBlock = (i) => `class CartStore${i} {
  constructor(api, options = {}) {
    this.api = api;
    this.items = new Map();
    this.currency = options.currency || 'EUR';
  }

  async load(userId) {
    const res = await this.api.get(\`/carts/\${userId}\`);
    for (const item of res.data.items) {
      this.items.set(item.sku, { ...item, qty: Number(item.qty) || 1 });
    }
    return this.items.size;
  }

  total() {
    let sum = 0;
    for (const item of this.items.values()) {
      sum += item.price * item.qty;
    }
    return Math.round(sum * 100) / 100;
  }
}

function formatPrice${i}(value, currency) {
  return new Intl.NumberFormat('en-US', { style: 'currency', currency }).format(value);
}

`;
const jsFinding = (i) => `function runReport${i}(req, res) {
  const out = childProcess.execSync('report --user ' + req.query.user);
  res.send(out.toString());
}

function hashToken${i}(token) {
  return crypto.createHash('md5').update(token).digest('hex');
}

function evaluate${i}(expr) {
  return eval(expr);
}

`;

const JAVA_HEAD = `package com.example.billing;

import java.math.BigDecimal;
import java.security.MessageDigest;
import java.sql.*;
import java.time.LocalDate;
import java.util.*;

public class Billing {
    record Invoice(String id, LocalDate due) {}

`;
const JAVA_TAIL = '}\n';
const javaBlock = (i) => `    static final class InvoiceRepository${i} {
        private final Connection connection;
        private final Map<String, BigDecimal> cache = new HashMap<>();

        InvoiceRepository${i}(Connection connection) {
            this.connection = connection;
        }

        BigDecimal totalFor(String invoiceId) throws SQLException {
            BigDecimal cached = cache.get(invoiceId);
            if (cached != null) {
                return cached;
            }
            try (PreparedStatement ps = connection.prepareStatement("SELECT total FROM invoices WHERE id = ?")) {
                ps.setString(1, invoiceId);
                try (ResultSet rs = ps.executeQuery()) {
                    BigDecimal total = rs.next() ? rs.getBigDecimal(1) : BigDecimal.ZERO;
                    cache.put(invoiceId, total);
                    return total;
                }
            }
        }

        List<String> overdue(List<Invoice> invoices, LocalDate today) {
            List<String> ids = new ArrayList<>();
            for (Invoice invoice : invoices) {
                if (invoice.due().isBefore(today)) {
                    ids.add(invoice.id());
                }
            }
            return ids;
        }
    }

`;
const javaFinding = (i) => `    static String findUser${i}(Connection c, String name) throws SQLException {
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT * FROM users WHERE name = '" + name + "'");
        return rs.next() ? rs.getString(1) : null;
    }

    static byte[] digest${i}(byte[] data) throws Exception {
        return MessageDigest.getInstance("MD5").digest(data);
    }

`;

// `typed` goes in at module level (or among a class's members), where a change can alter what every function
// sees (imports, constants, fields); `fnTyped` goes inside a function body, after the line `fnAfter` matches.
export const LANGUAGES = {
  python: {
    ext: 'py', languageId: 'python', head: PY_HEAD, tail: '', block: pyBlock, finding: pyFinding,
    typed: 'token_value = hashlib.sha256(payload).hexdigest()\n',
    fnAfter: /^ {8}total = 0\.0$/, fnTyped: '        fee = round(total * 0.01, 2)\n',
  },
  javascript: {
    ext: 'js', languageId: 'javascript', head: JS_HEAD, tail: '', block: jsBlock, finding: jsFinding,
    typed: "const label = formatPrice1(total, 'EUR');\n",
    fnAfter: /^ {4}let sum = 0;$/, fnTyped: '    const fee = Math.round(sum * 0.01);\n',
  },
  java: {
    ext: 'java', languageId: 'java', head: JAVA_HEAD, tail: JAVA_TAIL, block: javaBlock, finding: javaFinding,
    typed: '    private static final int LIMIT_A = 42;\n',
    fnAfter: /^ {12}List<String> ids = new ArrayList<>\(\);$/, fnTyped: '            int limit = invoices.size() + 42;\n',
  },
};

const lineCount = (s) => s.split('\n').length - 1;

/**
 * Returns { text, lines, typeLine, typed, fnTypeLine, fnTyped }: about `lines` lines of code, the 0-based line
 * at the start of a block near the middle where module-level keystrokes go (typing there keeps the file's syntax
 * valid between lines), and the line inside a function of that area where in-function keystrokes go.
 */
export function generate(language, lines) {
  const L = LANGUAGES[language];
  const parts = [L.head];
  let n = lineCount(L.head);
  let typeLine = -1;
  const budget = lines - lineCount(L.tail);
  for (let i = 0; n < budget; i++) {
    if (typeLine < 0 && n >= budget / 2) typeLine = n;
    const chunk = i % 10 === 5 ? L.finding(i) : L.block(i);
    const c = lineCount(chunk);
    if (n + c > budget && n > 0) {
      // Pad with blank lines rather than cut a block in half.
      parts.push('\n'.repeat(budget - n));
      n = budget;
      break;
    }
    parts.push(chunk);
    n += c;
  }
  parts.push(L.tail);
  const text = parts.join('');
  const at = typeLine < 0 ? lineCount(L.head) : typeLine;
  const fnTypeLine = text.split('\n').findIndex((l, i) => i >= at && L.fnAfter.test(l)) + 1;
  return { text, lines: lineCount(text), typeLine: at, typed: L.typed, fnTypeLine, fnTyped: L.fnTyped, languageId: L.languageId, ext: L.ext };
}
