/** Where shuffles get their randomness: Math.random in use, a seeded generator in tests and with --seed. */
export type Random = () => number;

/** mulberry32: small, fast and good enough to shuffle quiz questions repeatably from a seed. */
export const seededRandom = (seed: number): Random => {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

/** A shuffled copy (Fisher-Yates); the input is left as it was. */
export const shuffled = <T>(items: readonly T[], random: Random): T[] => {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
};

/**
 * Randomness by purpose: each quiz request and each lesson asks for a stream by name. With a
 * seed every name has a stream of its own, so the same exam comes out whatever was opened
 * before it, in the app as with --plain; without one every name gets the same stream.
 */
export type RandomSource = (purpose: string) => Random;

/** One stream for every purpose: Math.random in use, a seeded or fixed one in tests. */
export const oneStream =
  (random: Random): RandomSource =>
  () =>
    random;

/** FNV-1a over the seed and the purpose: a 32-bit seed for that purpose's stream (every digit of the seed counts). */
const purposeSeed = (seed: number, purpose: string): number => {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(`${seed}\u0000${purpose}`)) hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
  return hash;
};

/** `--seed N`: a repeatable stream for each purpose. */
export const seededSource =
  (seed: number): RandomSource =>
  (purpose) =>
    seededRandom(purposeSeed(seed, purpose));

/** The source for an optional `--seed`: seeded streams with one, Math.random without. */
export const randomSourceFor = (seed: number | undefined): RandomSource => (seed === undefined ? oneStream(Math.random) : seededSource(seed));
