/**
 * Bytes → text, refusing what is not text: binary content (NUL bytes, many control characters),
 * invalid UTF-8 (with the byte offset), empty files. A UTF-8 BOM is dropped.
 */
export type DecodeResult = { ok: true; text: string } | { ok: false; reason: string };

export function decodeUtf8(bytes: Uint8Array): DecodeResult {
  if (bytes.length === 0) return { ok: false, reason: 'empty file' };
  const probe = bytes.subarray(0, Math.min(bytes.length, 8192));
  let control = 0;
  for (const b of probe) {
    if (b === 0) return { ok: false, reason: 'binary file (contains NUL bytes)' };
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  if (control > probe.length * 0.05) return { ok: false, reason: 'binary file (too many control characters)' };
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    if (!text.trim()) return { ok: false, reason: 'empty file (white space only)' };
    return { ok: true, text };
  } catch {
    return { ok: false, reason: `invalid UTF-8 at byte ${firstInvalidUtf8(bytes)}` };
  }
}

/** Offset of the first byte that breaks UTF-8, for the error message. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const n = b < 0x80 ? 0 : b >= 0xc2 && b < 0xe0 ? 1 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xf0 && b < 0xf5 ? 3 : -1;
    if (n < 0) return i;
    for (let k = 1; k <= n; k++) if (i + k >= bytes.length || (bytes[i + k]! & 0xc0) !== 0x80) return i;
    i += n + 1;
  }
  return i;
}
