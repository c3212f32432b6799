import { ServiceError } from "../errors";
import { children, child, isElement, parseXml, text } from "../http/xml";
import type { Tag } from "../world/versions";

const invalidTag = (message: string, key?: string) =>
  new ServiceError("InvalidTag", 400, message, key === undefined ? {} : { TagKey: key });

/** S3's limits on a tag set: up to 50 (bucket) or 10 (object) tags, unique keys, no aws: prefix. */
export const validateTagSet = (tags: Tag[], maxTags = 50): void => {
  if (tags.length > maxTags) throw invalidTag(`Object tags cannot be greater than ${maxTags}`);
  const seen = new Set<string>();
  for (const { Key, Value } of tags) {
    if (Key.length === 0 || Key.length > 128) throw invalidTag("The TagKey you have provided is invalid", Key);
    if (Value.length > 256) throw invalidTag("The TagValue you have provided is invalid", Key);
    if (Key.toLowerCase().startsWith("aws:")) throw invalidTag("System tags cannot be added/updated by requester", Key);
    if (seen.has(Key)) throw invalidTag("Cannot provide multiple Tags with the same key", Key);
    seen.add(Key);
  }
};

/** Reads a <Tagging><TagSet><Tag>... document. */
export const parseTagging = (body: Buffer, maxTags?: number): Tag[] => {
  const tagging = parseXml(body, "Tagging", ["Tag"]);
  const tagSet = child(tagging, "TagSet");
  if (tagSet === undefined) {
    throw new ServiceError(
      "MalformedXML",
      400,
      "The XML you provided was not well-formed or did not validate against our published schema",
    );
  }
  const tags = children(tagSet, "Tag")
    .filter(isElement)
    .map((tag) => ({ Key: text(child(tag, "Key")) ?? "", Value: text(child(tag, "Value")) ?? "" }));
  validateTagSet(tags, maxTags);
  return tags;
};

/** The x-amz-tagging header: a URL-encoded query string of key=value pairs. */
export const parseTaggingHeader = (value: string): Tag[] => {
  const tags: Tag[] = [];
  for (const [Key, Value] of new URLSearchParams(value)) tags.push({ Key, Value });
  validateTagSet(tags, 10);
  return tags;
};

export const tagSetXml = (tags: Tag[]) => ({ TagSet: { Tag: tags.map(({ Key, Value }) => ({ Key, Value })) } });
