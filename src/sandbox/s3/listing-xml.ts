import { escapeXml, XmlFragment } from "../http/xml-writer";
import type { StoredObject } from "../world/versions";
import { checksumTypeOf } from "./checksums";
import { xmlTime } from "./respond";

/**
 * A listing page's Contents and CommonPrefixes elements written straight to XML, byte for byte
 * what the response writer makes of the same fields (test/sandbox/listing-xml.test.ts), without
 * an object per entry and a walk over it: those were most of the time a 1,000-key page took.
 */

/** The bucket owner's Owner element, written once a page. */
export const ownerXml = (id: string): string => `<Owner><ID>${escapeXml(id)}</ID></Owner>`;

/** One Contents element per object, in S3's order of fields; `owner` (from ownerXml) when the listing shows owners. */
export const contentsXml = (objects: readonly StoredObject[], encode: (key: string) => string, owner = ""): XmlFragment => {
  let xml = "";
  for (const object of objects) {
    xml += `<Contents><Key>${escapeXml(encode(object.key))}</Key><LastModified>${xmlTime(object.lastModified)}</LastModified>`;
    xml += `<ETag>${escapeXml(object.etag)}</ETag>`;
    let checksummed = false;
    for (const algorithm in object.checksums) {
      xml += `<ChecksumAlgorithm>${escapeXml(algorithm)}</ChecksumAlgorithm>`;
      checksummed = true;
    }
    if (checksummed) xml += `<ChecksumType>${checksumTypeOf(object.checksums)}</ChecksumType>`;
    xml += `<Size>${object.body.size}</Size><StorageClass>${escapeXml(object.storageClass)}</StorageClass>${owner}</Contents>`;
  }
  return new XmlFragment(xml);
};

/** One CommonPrefixes element per rolled-up prefix. */
export const commonPrefixesXml = (prefixes: readonly string[], encode: (prefix: string) => string): XmlFragment => {
  let xml = "";
  for (const prefix of prefixes) xml += `<CommonPrefixes><Prefix>${escapeXml(encode(prefix))}</Prefix></CommonPrefixes>`;
  return new XmlFragment(xml);
};
