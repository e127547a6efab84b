// Base64 for dropped files without building one giant binary string (which would double memory and can
// overflow the argument limit of String.fromCharCode for multi-megabyte files).

/** Chunk size is a multiple of 3, so each chunk encodes without padding and the pieces concatenate. */
const CHUNK = 3 * 0x2000;

type WithToBase64 = Uint8Array & { toBase64?: () => string };

export function bytesToBase64(bytes: Uint8Array): string {
  // Recent Chromium has a native encoder; it is both faster and lighter than the loop below.
  const native = (bytes as WithToBase64).toBase64;
  if (typeof native === 'function') return native.call(bytes);
  const parts: string[] = [];
  for (let i = 0; i < bytes.length; i += CHUNK) {
    const sub = bytes.subarray(i, i + CHUNK);
    parts.push(btoa(String.fromCharCode.apply(null, sub as unknown as number[])));
  }
  return parts.join('');
}

/** Length of the base64 text for `n` bytes (with padding). */
export function base64Length(n: number): number {
  return Math.ceil(n / 3) * 4;
}
