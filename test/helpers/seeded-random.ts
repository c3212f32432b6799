/** A small seeded PRNG (mulberry32), so a failing random run can be replayed from its seed. */
export class SeededRandom {
  private state: number;

  constructor(readonly seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error("pick from an empty list");
    return item;
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  /** `length` characters drawn from `alphabet`. */
  string(alphabet: string, length: number): string {
    const chars = Array.from(alphabet);
    return Array.from({ length }, () => this.pick(chars)).join("");
  }

  bytes(length: number): Buffer {
    return Buffer.from(Array.from({ length }, () => this.int(0, 255)));
  }
}

/** The seed from the environment variable `name` if set (to replay a run), else a fresh one. */
export const seedFrom = (name: string): number => {
  const given = process.env[name];
  if (given !== undefined && given !== "") {
    const seed = Number(given);
    if (!Number.isInteger(seed)) throw new Error(`${name} must be an integer seed, not "${given}"`);
    return seed;
  }
  return Math.floor(Math.random() * 2 ** 31);
};
