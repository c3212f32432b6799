import { describe, expect, it } from "vitest";
import { xmlDocumentByBuilder, type XmlContent } from "../../src/sandbox/http/xml";
import { writeXmlDocument } from "../../src/sandbox/http/xml-writer";
import { checksumTypeOf } from "../../src/sandbox/s3/checksums";
import { encoder } from "../../src/sandbox/s3/listing";
import { commonPrefixesXml, contentsXml, ownerXml } from "../../src/sandbox/s3/listing-xml";
import type { ChecksumAlgorithm, StoredObject } from "../../src/sandbox/world/versions";
import { SeededRandom } from "../helpers/seeded-random";

const TEXT = "ab/ &<>\"'é😀\n\t+%;#x";
const ALGORITHMS: ChecksumAlgorithm[] = ["CRC32", "CRC32C", "SHA1", "SHA256", "CRC64NVME"];

const randomObject = (random: SeededRandom): StoredObject => {
  const checksums: StoredObject["checksums"] = {};
  for (let i = random.int(0, 2); i > 0; i--) checksums[random.pick(ALGORITHMS)] = random.chance(0.3) ? "abc=-3" : "abc=";
  return {
    kind: "object",
    key: random.string(TEXT, random.int(1, 12)),
    versionId: "null",
    lastModified: new Date(Date.UTC(2026, 0, 1) + random.int(0, 1e10)),
    etag: random.chance(0.8) ? `"${random.string("0123456789abcdef", 32)}"` : `"${random.string("0123456789abcdef", 32)}-${random.int(2, 99)}"`,
    body: { size: random.int(0, 5e9) } as StoredObject["body"],
    contentType: "binary/octet-stream",
    contentHeaders: {},
    metadata: {},
    tags: [],
    storageClass: random.pick(["STANDARD", "GLACIER", "INTELLIGENT_TIERING"]),
    checksums,
  };
};

/** A Contents element as the response writer is given it field by field: what the listings sent before writing entries straight. */
const contentsFields = (object: StoredObject, encode: (value: string) => string, owner?: { ID: string }) => {
  const algorithms = Object.keys(object.checksums);
  return {
    Key: encode(object.key),
    LastModified: object.lastModified,
    ETag: object.etag,
    ...(algorithms.length > 0 ? { ChecksumAlgorithm: algorithms, ChecksumType: checksumTypeOf(object.checksums) } : {}),
    Size: object.body.size,
    StorageClass: object.storageClass,
    ...(owner ? { Owner: owner } : {}),
  };
};

describe("listing entries written straight to XML", () => {
  it("match, byte for byte, the builder's document for the same fields, with and without url encoding and owners", () => {
    const random = new SeededRandom(20);
    for (let round = 0; round < 300; round++) {
      const objects = Array.from({ length: random.int(0, 8) }, () => randomObject(random));
      const prefixes = Array.from({ length: random.int(0, 3) }, () => `${random.string(TEXT, random.int(1, 6))}/`);
      const encode = encoder({ urlEncode: random.chance(0.5) });
      const owner = random.chance(0.5) ? { ID: random.string("0123456789abcdef&", 64) } : undefined;
      const head = { Name: "bucket", KeyCount: objects.length + prefixes.length, IsTruncated: random.chance(0.5) };
      const written = writeXmlDocument(
        "ListBucketResult",
        { ...head, Contents: contentsXml(objects, encode, owner && ownerXml(owner.ID)), CommonPrefixes: commonPrefixesXml(prefixes, encode) },
        { xmlns: "http://s3.amazonaws.com/doc/2006-03-01/" },
      );
      const built = xmlDocumentByBuilder(
        "ListBucketResult",
        {
          ...head,
          Contents: objects.map((object) => contentsFields(object, encode, owner)) as XmlContent,
          CommonPrefixes: prefixes.map((prefix) => ({ Prefix: encode(prefix) })),
        },
        { xmlns: "http://s3.amazonaws.com/doc/2006-03-01/" },
      );
      expect(written).toBe(built);
    }
  });

  it("are refused by the builder, which cannot place them", () => {
    expect(() => xmlDocumentByBuilder("R", { A: [["1"]] as unknown as XmlContent, B: contentsXml([], (key) => key) })).toThrow(/XmlFragment/);
  });
});
