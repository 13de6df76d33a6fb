import { sha256 } from '@oslojs/crypto/sha2';

/** A uniform random number in [0, 1), as `Math.random` returns. */
export type RandomSource = () => number;

/**
 * A deterministic random source for a seed string: sfc32 seeded with the first 128 bits of the
 * seed's SHA-256. The same seed always gives the same sequence.
 */
export function seededRandom(seed: string): RandomSource {
  const digest = sha256(new TextEncoder().encode(seed));
  const view = new DataView(digest.buffer, digest.byteOffset, digest.byteLength);
  let a = view.getUint32(0);
  let b = view.getUint32(4);
  let c = view.getUint32(8);
  let d = view.getUint32(12);
  return () => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
}

/** Random numbers from the operating system: what real attempts use. */
export function cryptoRandom(): number {
  const buffer = new Uint32Array(1);
  crypto.getRandomValues(buffer);
  return (buffer[0] ?? 0) / 4294967296;
}

/** An index in 0..size-1. */
export function randomIndex(random: RandomSource, size: number): number {
  const value = random();
  // A faulty source (NaN, 1, negative) must still give an index inside the list.
  const index = Math.floor((Number.isFinite(value) ? value : 0) * size);
  return Math.min(Math.max(index, 0), size - 1);
}

/** A Fisher–Yates shuffle of a copy of `items`. */
export function shuffled<T>(items: readonly T[], random: RandomSource): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomIndex(random, i + 1);
    const held = out[i] as T;
    out[i] = out[j] as T;
    out[j] = held;
  }
  return out;
}
