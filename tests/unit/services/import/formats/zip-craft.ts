// Hostile ZIP archives for the tests, made by editing what fflate writes: sizes that lie, flags and methods.

const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

function headers(zip: Uint8Array, name: string): { central: number; local: number } {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const wanted = new TextEncoder().encode(name);
  for (let p = 0; p + 46 < zip.length; p++) {
    if (view.getUint32(p, true) !== CENTRAL) continue;
    const len = view.getUint16(p + 28, true);
    const got = zip.subarray(p + 46, p + 46 + len);
    if (len === wanted.length && got.every((b, i) => b === wanted[i]))
      return { central: p, local: view.getUint32(p + 42, true) };
  }
  throw new Error(`no entry ${name}`);
}

/** Declares `size` as the unpacked size of the entry, in both its headers (a zip bomb's lie). */
export function lieAboutSize(zip: Uint8Array, name: string, size: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  const { central, local } = headers(out, name);
  view.setUint32(central + 24, size, true);
  view.setUint32(local + 22, size, true);
  return out;
}

/** Sets the general-purpose flags and the compression method of an entry. */
export function patchEntry(
  zip: Uint8Array,
  name: string,
  patch: { flags?: number; method?: number },
): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  const { central, local } = headers(out, name);
  if (patch.flags !== undefined) {
    view.setUint16(central + 8, patch.flags, true);
    view.setUint16(local + 6, patch.flags, true);
  }
  if (patch.method !== undefined) {
    view.setUint16(central + 10, patch.method, true);
    view.setUint16(local + 8, patch.method, true);
  }
  return out;
}

/** Offset of an entry's data (after its local header). */
export function dataOffset(zip: Uint8Array, name: string): number {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const { local } = headers(zip, name);
  if (view.getUint32(local, true) !== LOCAL) throw new Error('bad local header');
  return local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
}
