import { randomBytes } from "node:crypto";
import { Crc32 } from "@aws-crypto/crc32";
import { Crc32c } from "@aws-crypto/crc32c";
import { describe, expect, it } from "vitest";
import { Digests } from "../../src/sandbox/s3/checksums";
import { runningCrc32, runningCrc32c, type RunningCrc } from "../../src/sandbox/s3/crc";

// The CRCs S3 verifies uploads with: the standard check values, and agreement with AWS's own
// implementations (@aws-crypto, what the SDK sends) over data fed in uneven pieces.
const crcOf = (start: () => RunningCrc, ...pieces: Array<Buffer | string>) => {
  const crc = start();
  for (const piece of pieces) crc.update(Buffer.from(piece));
  return crc.digest();
};

/** `data` cut into pieces of 1, 7, 64 KiB + 3, ... bytes: every alignment of the eight-byte loop. */
const unevenPieces = (data: Buffer): Buffer[] => {
  const sizes = [1, 7, 65_539, 13, 8, 4096, 3];
  const pieces: Buffer[] = [];
  for (let at = 0, i = 0; at < data.length; i++) {
    const size = sizes[i % sizes.length]!;
    pieces.push(data.subarray(at, at + size));
    at += size;
  }
  return pieces;
};

describe("CRC-32 and CRC-32C", () => {
  it("give the standard check values", () => {
    expect(crcOf(runningCrc32, "123456789")).toBe(0xcbf43926);
    expect(crcOf(runningCrc32, "")).toBe(0);
    expect(crcOf(runningCrc32, "The quick brown fox jumps over the lazy dog")).toBe(0x414fa339);
    expect(crcOf(runningCrc32c, "123456789")).toBe(0xe3069283);
    expect(crcOf(runningCrc32c, "")).toBe(0);
    // RFC 3720 (iSCSI) test vectors.
    expect(crcOf(runningCrc32c, Buffer.alloc(32, 0))).toBe(0x8a9136aa);
    expect(crcOf(runningCrc32c, Buffer.alloc(32, 0xff))).toBe(0x62a8ab43);
  });

  it("are the same fed whole or in pieces, and agree with @aws-crypto's", () => {
    const data = randomBytes(300_001);
    const reference32 = new Crc32().update(data).digest() >>> 0;
    const reference32c = new Crc32c().update(data).digest() >>> 0;
    expect(crcOf(runningCrc32, data)).toBe(reference32);
    expect(crcOf(runningCrc32, ...unevenPieces(data))).toBe(reference32);
    expect(crcOf(runningCrc32c, data)).toBe(reference32c);
    expect(crcOf(runningCrc32c, ...unevenPieces(data))).toBe(reference32c);
  });

  it("are what x-amz-checksum-crc32 and -crc32c carry: four big-endian bytes in base64", () => {
    const digests = new Digests(["CRC32", "CRC32C"]);
    digests.update(Buffer.from("1234"));
    digests.update(Buffer.from("56789"));
    expect(digests.result("CRC32")).toBe(Buffer.from([0xcb, 0xf4, 0x39, 0x26]).toString("base64"));
    expect(digests.result("CRC32C")).toBe(Buffer.from([0xe3, 0x06, 0x92, 0x83]).toString("base64"));
  });
});
