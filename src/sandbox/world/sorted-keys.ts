/**
 * S3 lists keys in UTF-8 byte order, which is Unicode code point order. JavaScript compares
 * UTF-16 code units; the two orders differ only where a surrogate (a character beyond the BMP)
 * meets a unit from U+E000 to U+FFFF, so only that case is corrected. Nothing is allocated.
 */
export const compareKeys = (a: string, b: string): number => {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return codePointRank(x) - codePointRank(y);
  }
  return a.length - b.length;
};

/** Moves surrogates above U+E000–U+FFFF, as their code points (U+10000 and up) are. */
const codePointRank = (unit: number): number => (unit < 0xd800 ? unit : unit < 0xe000 ? unit + 0x2000 : unit - 0x800);

/** True for keys sorted before every key that starts with `prefix`. */
export const beforePrefix = (prefix: string) => (key: string) => compareKeys(key, prefix) < 0;

/** True for keys sorted before `marker`, or equal to it. */
export const atOrBefore = (marker: string) => (key: string) => compareKeys(key, marker) <= 0;

/** True for keys sorted before `prefix` or starting with it: skips a whole common prefix. */
export const throughPrefix = (prefix: string) => (key: string) => key.startsWith(prefix) || compareKeys(key, prefix) < 0;

/** Chunks split past this many keys: inserting moves at most this many, a seek is two binary searches. */
const MAX_CHUNK = 1024;

/**
 * A set of keys kept in S3's order: a list of sorted chunks with each chunk's last key. Insert and
 * delete cost O(log n + chunk); `from` starts anywhere in O(log n) and then walks in order.
 */
export class SortedKeys {
  private chunks: string[][] = [];
  /** The last key of each chunk. */
  private lasts: string[] = [];
  private count = 0;

  get size(): number {
    return this.count;
  }

  /** Adds a key; false when it was already there. */
  add(key: string): boolean {
    if (this.chunks.length === 0) {
      this.chunks.push([key]);
      this.lasts.push(key);
      this.count = 1;
      return true;
    }
    // Past the last key (ascending puts): the last chunk, without a search.
    const c = compareKeys(key, this.lasts[this.lasts.length - 1]!) > 0 ? this.chunks.length - 1 : this.chunkFor(key);
    const chunk = this.chunks[c]!;
    const at = lowerBound(chunk, key);
    if (at < chunk.length && chunk[at] === key) return false;
    chunk.splice(at, 0, key);
    if (at === chunk.length - 1) this.lasts[c] = key;
    this.count++;
    if (chunk.length > MAX_CHUNK) {
      const upper = chunk.splice(chunk.length >> 1);
      this.chunks.splice(c + 1, 0, upper);
      this.lasts.splice(c, 1, chunk[chunk.length - 1]!, upper[upper.length - 1]!);
    }
    return true;
  }

  /** Removes a key; false when it was not there. */
  delete(key: string): boolean {
    const c = this.chunkFor(key);
    const chunk = this.chunks[c];
    if (!chunk) return false;
    const at = lowerBound(chunk, key);
    if (chunk[at] !== key) return false;
    chunk.splice(at, 1);
    this.count--;
    if (chunk.length === 0) {
      this.chunks.splice(c, 1);
      this.lasts.splice(c, 1);
    } else if (at === chunk.length) {
      this.lasts[c] = chunk[chunk.length - 1]!;
    }
    return true;
  }

  /**
   * The keys in order from the first for which `before` is false. `before` must hold for a run
   * of keys at the start and for none after (beforePrefix, atOrBefore, throughPrefix). The walk
   * reads the chunks as they are: change the set only after it is done.
   */
  *from(before: (key: string) => boolean = () => false): Generator<string, void, undefined> {
    let c = firstWhere(this.lasts, (last) => !before(last));
    if (c === this.chunks.length) return;
    let at = firstWhere(this.chunks[c]!, (key) => !before(key));
    for (; c < this.chunks.length; c++, at = 0) {
      const chunk = this.chunks[c]!;
      for (; at < chunk.length; at++) yield chunk[at]!;
    }
  }

  /** The chunk a key belongs in: the first whose last key is not below it (the last chunk past the end). */
  private chunkFor(key: string): number {
    return Math.min(lowerBound(this.lasts, key), this.chunks.length - 1);
  }
}

/** The first index where `found` holds, for a `found` false up to some index and true from it (length if never). */
const firstWhere = (items: readonly string[], found: (item: string) => boolean): number => {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (found(items[mid]!)) high = mid;
    else low = mid + 1;
  }
  return low;
};

const lowerBound = (items: readonly string[], key: string): number => {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (compareKeys(items[mid]!, key) < 0) low = mid + 1;
    else high = mid;
  }
  return low;
};
