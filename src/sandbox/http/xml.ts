import { XMLBuilder, XMLParser, XMLValidator } from "fast-xml-parser";
import { ServiceError } from "../errors";
import { writeXmlDocument, XmlFragment } from "./xml-writer";

export type XmlNode = { [name: string]: XmlValue };
export type XmlValue = string | XmlNode | XmlValue[];

/** What may go into a response document; undefined and null elements are left out. */
export type XmlContent = string | number | boolean | Date | undefined | null | XmlFragment | XmlContent[] | { [name: string]: XmlContent };

export const malformedXml = () =>
  new ServiceError(
    "MalformedXML",
    400,
    "The XML you provided was not well-formed or did not validate against our published schema",
  );

const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: "@_", suppressEmptyNode: false });

/** A document with an XML declaration; `attributes` go on the root element (xmlns). */
export const xmlDocument = (root: string, content: XmlContent, attributes: Record<string, string> = {}): string =>
  writeXmlDocument(root, content, attributes) ?? xmlDocumentByBuilder(root, content, attributes);

/** The same document made by fast-xml-parser's builder: for shapes the writer leaves to it, and the writer's tests. */
export const xmlDocumentByBuilder = (root: string, content: XmlContent, attributes: Record<string, string> = {}): string => {
  const prefixed = Object.fromEntries(Object.entries(attributes).map(([name, value]) => [`@_${name}`, value]));
  const body = normalise(content);
  const rootNode = typeof body === "object" && !Array.isArray(body) ? { ...prefixed, ...body } : { ...prefixed, "#text": body };
  return `<?xml version="1.0" encoding="UTF-8"?>\n${builder.build({ [root]: rootNode })}`;
};

const normalise = (value: XmlContent): unknown => {
  if (value instanceof XmlFragment) throw new Error("an XmlFragment is written by writeXmlDocument only");
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.filter((item) => item !== undefined && item !== null).map(normalise);
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [name, child] of Object.entries(value)) {
      if (child === undefined || child === null) continue;
      out[name] = normalise(child);
    }
    return out;
  }
  return value === undefined || value === null ? "" : String(value);
};

/**
 * Bounds on a request document, past which it is MalformedXML as S3 answers an over-long
 * DeleteObjects. S3's own documents are at most 6 elements deep; 8 MiB holds the largest real
 * ones (1,000 DeleteObjects keys of 1,024 characters, 10,000 parts with checksums).
 */
export const MAX_XML_DEPTH = 32;
export const MAX_XML_BYTES = 8 * 1024 * 1024;

/**
 * Parses a request body that must be one `root` element. Elements named in `lists` always
 * come back as arrays. Values stay strings exactly as sent (keys like "007" or " a ").
 * No DOCTYPE, so no entities beyond XML's five to expand.
 */
export const parseXml = (body: Buffer | string, root: string, lists: readonly string[] = []): XmlNode => {
  if (Buffer.byteLength(body) > MAX_XML_BYTES) throw malformedXml();
  const text = typeof body === "string" ? body : body.toString("utf8");
  if (text.trim() === "" || /<!DOCTYPE|<!ENTITY/i.test(text) || XMLValidator.validate(text) !== true) {
    throw malformedXml();
  }
  try {
    return parseValid(text, root, lists);
  } catch (error) {
    // Nested past MAX_XML_DEPTH, or anything else the parser would not read.
    if (error instanceof ServiceError) throw error;
    throw malformedXml();
  }
};

const parseValid = (text: string, root: string, lists: readonly string[]): XmlNode => {
  const listed = new Set(lists);
  const parser = new XMLParser({
    maxNestedTags: MAX_XML_DEPTH,
    ignoreAttributes: true,
    parseTagValue: false,
    trimValues: false,
    removeNSPrefix: true,
    ignoreDeclaration: true,
    processEntities: true,
    htmlEntities: false,
    isArray: (name) => listed.has(name),
  });
  const parsed = dropWhitespace(parser.parse(text)) as XmlNode;
  const names = Object.keys(parsed);
  const content = parsed[root];
  if (names.length !== 1 || content === undefined) throw malformedXml();
  return typeof content === "string" ? {} : (content as XmlNode);
};

/** Indentation between elements is text to the parser; it means nothing here. */
const dropWhitespace = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(dropWhitespace);
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [name, child] of Object.entries(value)) {
      if (name === "#text" && typeof child === "string" && child.trim() === "") continue;
      out[name] = dropWhitespace(child);
    }
    return out;
  }
  return value;
};

/** Reading helpers for parsed request documents. */
export const text = (node: XmlValue | undefined): string | undefined =>
  typeof node === "string" ? node : undefined;

export const child = (node: XmlValue | undefined, name: string): XmlValue | undefined =>
  node !== undefined && typeof node === "object" && !Array.isArray(node) ? node[name] : undefined;

export const children = (node: XmlValue | undefined, name: string): XmlValue[] => {
  const found = child(node, name);
  if (found === undefined) return [];
  return Array.isArray(found) ? found : [found];
};

export const isElement = (node: XmlValue | undefined): node is XmlNode =>
  node !== undefined && typeof node === "object" && !Array.isArray(node);
