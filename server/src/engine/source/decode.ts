// Bytes of a file to the text the engine analyses, the way editors open it: a byte-order mark picks the
// encoding (UTF-8, UTF-16 LE or BE) and is dropped, so line and UTF-16 column numbers agree with the editor's;
// anything else is read as UTF-8. A NUL in the decoded text means binary content, which is reported, not analysed.

export type Decoded = { text: string; encoding: 'utf-8' | 'utf-16le' | 'utf-16be' } | { skipped: string };

const BINARY_NOTE = 'binary content (a NUL byte in the first 8,000 characters)';

/** How far into the text a NUL counts as binary content, as git and grep look only at the start. */
const BINARY_PROBE = 8000;

function encodingOf(bytes: Uint8Array): 'utf-8' | 'utf-16le' | 'utf-16be' {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return 'utf-8';
}

export function decodeFile(bytes: Uint8Array): Decoded {
  const encoding = encodingOf(bytes);
  // An odd number of bytes cannot be UTF-16: a truncated or mislabelled file, not text to guess at.
  if (encoding !== 'utf-8' && bytes.length % 2 !== 0) return { skipped: `not valid ${encoding === 'utf-16le' ? 'UTF-16 LE' : 'UTF-16 BE'} (odd number of bytes)` };
  // TextDecoder drops the byte-order mark by default (ignoreBOM: false), for all three encodings.
  const text = new TextDecoder(encoding).decode(bytes);
  if (text.slice(0, BINARY_PROBE).includes('\u0000')) return { skipped: BINARY_NOTE };
  return { text, encoding };
}

