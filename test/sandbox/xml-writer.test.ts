import { describe, expect, it } from "vitest";
import { xmlDocument, xmlDocumentByBuilder, type XmlContent } from "../../src/sandbox/http/xml";
import { writeXmlDocument } from "../../src/sandbox/http/xml-writer";
import { SeededRandom } from "../helpers/seeded-random";

const NAMES = ["Key", "Contents", "Prefix", "Size", "x-y", "Owner"];
const TEXT = "ab &<>\"'é😀\n\t ;#x";

const scalar = (random: SeededRandom): XmlContent =>
  random.pick([
    () => random.string(TEXT, random.int(0, 6)),
    () => random.int(-5, 5000),
    () => random.chance(0.5),
    () => new Date(Date.UTC(2026, 0, 1) + random.int(0, 1e9)),
    () => undefined,
    () => null,
    () => "",
  ])();

const node = (random: SeededRandom, depth: number): XmlContent => {
  if (depth === 0 || random.chance(0.4)) return scalar(random);
  if (random.chance(0.3)) return Array.from({ length: random.int(0, 4) }, () => (random.chance(0.8) ? node(random, depth - 1) : scalar(random)))
    .filter((item) => !Array.isArray(item));
  const out: Record<string, XmlContent> = {};
  for (let i = random.int(0, 4); i > 0; i--) out[random.pick(NAMES)] = node(random, depth - 1);
  return out;
};

describe("response documents written in one pass", () => {
  it("match the builder's output byte for byte over random documents", () => {
    const random = new SeededRandom(42);
    let written = 0;
    for (let i = 0; i < 5000; i++) {
      const content = node(random, 4);
      const attributes: Record<string, string> = random.chance(0.7) ? { xmlns: random.string(TEXT, 5) } : {};
      const fast = writeXmlDocument("Root", content, attributes);
      if (fast === undefined) continue;
      written++;
      expect(fast, JSON.stringify(content)).toBe(xmlDocumentByBuilder("Root", content, attributes));
    }
    // Only an array as the whole content is left to the builder here.
    expect(written).toBeGreaterThan(4000);
  });

  it("leave arrays in arrays and inner attributes to the builder, which xmlDocument then uses", () => {
    const nested = { A: [["1", "2"], "3"] } as unknown as XmlContent;
    expect(writeXmlDocument("R", nested, {})).toBeUndefined();
    expect(xmlDocument("R", nested)).toBe(xmlDocumentByBuilder("R", nested));
    const attribute = { A: { "@_id": "1", B: "2" } };
    expect(writeXmlDocument("R", attribute, {})).toBeUndefined();
    expect(xmlDocument("R", attribute)).toBe(xmlDocumentByBuilder("R", attribute));
  });
});
