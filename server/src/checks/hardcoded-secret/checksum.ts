// Offline checksums some providers build into their tokens. GitHub (ghp_, gho_, ghu_, ghs_, ghr_) and npm (npm_)
// end the token with six base62 characters encoding the CRC32 of the random part before them, so a scanner can
// tell a real token from a look-alike without asking the provider.

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

let table: Uint32Array | undefined;

/** CRC-32 (IEEE 802.3, as zlib). Node 20 has no zlib.crc32; the table is 256 words, built once. */
export function crc32(data: string): number {
  if (!table) {
    table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (const byte of Buffer.from(data, 'utf8')) crc = (crc >>> 8) ^ table[(crc ^ byte) & 0xff]!;
  return (crc ^ 0xffffffff) >>> 0;
}

/** `n` in base62, left-padded with zeros to `width`. */
export function base62(n: number, width: number): string {
  let s = '';
  let v = n;
  while (v > 0) {
    s = BASE62[v % 62]! + s;
    v = Math.floor(v / 62);
  }
  return s.padStart(width, '0');
}

/** The six-character checksum GitHub and npm append to a token's random part. */
export function crc32Base62(random: string): string {
  return base62(crc32(random), 6);
}

/** Whether the token body (prefix removed) satisfies the named checksum. Unknown schemes fail closed. */
export function checksumValid(scheme: string, body: string): boolean {
  if (scheme === 'crc32-base62') {
    if (body.length <= 6) return false;
    return crc32Base62(body.slice(0, -6)) === body.slice(-6);
  }
  return false;
}
