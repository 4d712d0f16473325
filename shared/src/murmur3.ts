// MurmurHash3 x86 32-bit over the UTF-8 bytes of a string: the hash rollout bucketing uses.
// For ASCII keys it equals the `murmurhash3js` hash Unleash clients use, so buckets match theirs.

const C1 = 0xcc9e2d51;
const C2 = 0x1b873593;
const encoder = new TextEncoder();

function rotl32(x: number, r: number): number {
  return (x << r) | (x >>> (32 - r));
}

function mixK(k: number): number {
  return Math.imul(rotl32(Math.imul(k, C1), 15), C2);
}

/** Unsigned 32-bit MurmurHash3 (x86_32) of the UTF-8 encoding of `key`. */
export function murmur3x86_32(key: string, seed = 0): number {
  const bytes = encoder.encode(key);
  const length = bytes.length;
  const blocks = length & ~3;
  let h = seed | 0;

  for (let i = 0; i < blocks; i += 4) {
    const k =
      (bytes[i] ?? 0) |
      ((bytes[i + 1] ?? 0) << 8) |
      ((bytes[i + 2] ?? 0) << 16) |
      ((bytes[i + 3] ?? 0) << 24);
    h ^= mixK(k);
    h = rotl32(h, 13);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }

  // The 1–3 trailing bytes, little-endian, as in the reference switch with fall-through.
  const rest = length & 3;
  if (rest > 0) {
    let k = 0;
    if (rest === 3) k ^= (bytes[blocks + 2] ?? 0) << 16;
    if (rest >= 2) k ^= (bytes[blocks + 1] ?? 0) << 8;
    k ^= bytes[blocks] ?? 0;
    h ^= mixK(k);
  }

  h ^= length;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
