import { isoTime } from "./iso-time";
import type { XmlContent } from "./xml";

/**
 * XML written ahead (a listing page's thousand entries, each straight to text), put into a
 * document as it is; the field's name only places it. Only this writer takes it: the builder
 * refuses a document that holds one.
 */
export class XmlFragment {
  constructor(readonly xml: string) {}
}

/**
 * Response documents written in one pass, byte for byte as xmlDocumentByBuilder writes them (a
 * listing page of 1,000 keys spent most of its time in the general builder). Shapes it does not
 * write (an array inside an array, an array as the whole content) return undefined, and the
 * builder writes them.
 */
export const writeXmlDocument = (root: string, content: XmlContent, attributes: Record<string, string>): string | undefined => {
  let open = `<${root}`;
  for (const name in attributes) open += ` ${name}="${escapeXml(attributes[name]!)}"`;
  if (Array.isArray(content)) return undefined;
  if (content instanceof XmlFragment) return `${DECLARATION}${open}>${content.xml}</${root}>`;
  if (content === null || typeof content !== "object" || content instanceof Date) {
    return `${DECLARATION}${open}>${escapeXml(scalar(content))}</${root}>`;
  }
  const body = children(content);
  return body === undefined ? undefined : `${DECLARATION}${open}>${body}</${root}>`;
};

const DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';

type Scalar = string | number | boolean | Date | undefined | null;

const scalar = (value: Scalar): string => (value instanceof Date ? isoTime(value) : value === undefined || value === null ? "" : String(value));

/** The elements for an object's fields, in order; undefined for a shape left to the builder. */
const children = (node: { [name: string]: XmlContent }): string | undefined => {
  let out = "";
  for (const name in node) {
    const value = node[name];
    if (value === undefined || value === null) continue;
    // Attributes and mixed text on inner elements: no response has them; the builder knows them.
    if (name.startsWith("@_") || name === "#text") return undefined;
    if (Array.isArray(value)) {
      for (const item of value) {
        if (item === undefined || item === null) continue;
        if (Array.isArray(item)) return undefined;
        const written = element(name, item);
        if (written === undefined) return undefined;
        out += written;
      }
    } else {
      const written = element(name, value);
      if (written === undefined) return undefined;
      out += written;
    }
  }
  return out;
};

const element = (name: string, value: Exclude<XmlContent, XmlContent[]>): string | undefined => {
  if (value instanceof XmlFragment) return value.xml;
  if (value !== null && typeof value === "object" && !(value instanceof Date)) {
    const inner = children(value);
    return inner === undefined ? undefined : `<${name}>${inner}</${name}>`;
  }
  return `<${name}>${escapeXml(scalar(value))}</${name}>`;
};

/**
 * The five XML entities, as the builder escapes text and attribute values. A loop over char codes:
 * a listing page escapes every key and ETag (each ETag has two quotes), and a replace with a
 * callback took twice as long.
 */
export const escapeXml = (text: string): string => {
  let out = "";
  let copied = 0;
  for (let i = 0; i < text.length; i++) {
    const entity = entityFor(text.charCodeAt(i));
    if (entity === undefined) continue;
    out += text.slice(copied, i) + entity;
    copied = i + 1;
  }
  return copied === 0 ? text : out + text.slice(copied);
};

const entityFor = (code: number): string | undefined => {
  if (code > 62) return undefined;
  return code === 38 ? "&amp;" : code === 60 ? "&lt;" : code === 62 ? "&gt;" : code === 34 ? "&quot;" : code === 39 ? "&apos;" : undefined;
};
