import * as zlib from "node:zlib";
import { Crc32 } from "@aws-crypto/crc32";

/**
 * Running CRC-32 and CRC-32C over a stream of chunks, fast enough for gigabytes: zlib's native
 * CRC-32 where Node has it (20.15+), and CRC-32C (Castagnoli) sliced eight bytes at a time.
 */

export interface RunningCrc {
  update(data: Uint8Array): void;
  digest(): number;
}

type NativeCrc32 = (data: Uint8Array, value?: number) => number;
const nativeCrc32 = (zlib as unknown as { crc32?: NativeCrc32 }).crc32;

export const runningCrc32 = (): RunningCrc => {
  if (nativeCrc32) {
    let value = 0;
    return { update: (data) => void (value = nativeCrc32(data, value)), digest: () => value >>> 0 };
  }
  const crc = new Crc32();
  return { update: (data) => void crc.update(data), digest: () => crc.digest() >>> 0 };
};

/** Eight lookup tables for the reflected Castagnoli polynomial 0x82F63B78. */
const TABLES = (() => {
  const tables = Array.from({ length: 8 }, () => new Uint32Array(256));
  const first = tables[0]!;
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0x82f63b78 ^ (c >>> 1) : c >>> 1;
    first[n] = c >>> 0;
  }
  for (let n = 0; n < 256; n++) {
    for (let t = 1; t < 8; t++) tables[t]![n] = (tables[t - 1]![n]! >>> 8) ^ first[tables[t - 1]![n]! & 0xff]!;
  }
  return tables as [Uint32Array, Uint32Array, Uint32Array, Uint32Array, Uint32Array, Uint32Array, Uint32Array, Uint32Array];
})();

export const runningCrc32c = (): RunningCrc => {
  const [t0, t1, t2, t3, t4, t5, t6, t7] = TABLES;
  let crc = 0xffffffff;
  return {
    update: (data) => {
      let c = crc;
      let i = 0;
      const end8 = data.length - (data.length % 8);
      for (; i < end8; i += 8) {
        const a = c ^ (data[i]! | (data[i + 1]! << 8) | (data[i + 2]! << 16) | (data[i + 3]! << 24));
        c =
          t7[a & 0xff]! ^
          t6[(a >>> 8) & 0xff]! ^
          t5[(a >>> 16) & 0xff]! ^
          t4[a >>> 24]! ^
          t3[data[i + 4]!]! ^
          t2[data[i + 5]!]! ^
          t1[data[i + 6]!]! ^
          t0[data[i + 7]!]!;
      }
      for (; i < data.length; i++) c = t0[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
      crc = c;
    },
    digest: () => (crc ^ 0xffffffff) >>> 0,
  };
};
