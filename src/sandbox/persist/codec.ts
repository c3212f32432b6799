/**
 * Turns the sandbox's records into JSON and back, generically: whatever fields a version, a
 * role or a bucket's settings carry (including ones added later) survive, as long as they are
 * plain data, Dates, Maps, Sets or object bodies. Anything else is refused loudly, never dropped.
 *
 * Tagged values are objects with one "$" key: {"$date": ISO}, {"$map": [[k, v]...]},
 * {"$set": [...]}, {"$body": id} or {"$segments": [...]} (see bodies.ts); a plain object that
 * happens to look like one is wrapped as {"$obj": {...}}.
 */

import { ObjectBody } from "../world/body";

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Where bodies go: the codec stores an id in their place. */
export interface BodyWriter {
  encodeBody(body: ObjectBody): Json;
}

export interface BodyReader {
  body(id: string): ObjectBody;
  segments(parts: Json[]): ObjectBody;
}

const isTagged = (value: Record<string, unknown>): boolean => {
  const keys = Object.keys(value);
  return keys.length === 1 && keys[0]!.startsWith("$");
};

const isPlainObject = (value: object): value is Record<string, unknown> => {
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
};

export const encodeValue = (value: unknown, bodies: BodyWriter, path = "value"): Json => {
  if (value === null || typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new Error(`cannot persist ${path}: ${value} is not a finite number`);
    return value;
  }
  if (typeof value !== "object") throw new Error(`cannot persist ${path}: a ${typeof value}`);
  if (Array.isArray(value)) return value.map((item, index) => encodeValue(item ?? null, bodies, `${path}[${index}]`));
  if (value instanceof Date) return { $date: value.toISOString() };
  if (value instanceof ObjectBody) return bodies.encodeBody(value);
  if (value instanceof Map) {
    return { $map: [...value].map(([key, item], index) => [encodeValue(key, bodies, `${path} key ${index}`), encodeValue(item, bodies, `${path}.get(${String(key)})`)]) };
  }
  if (value instanceof Set) return { $set: [...value].map((item, index) => encodeValue(item, bodies, `${path} item ${index}`)) };
  if (!isPlainObject(value)) {
    throw new Error(`cannot persist ${path}: a ${value.constructor?.name ?? "class instance"} (teach src/sandbox/persist to keep it)`);
  }
  const encoded: Record<string, Json> = {};
  for (const [key, item] of Object.entries(value)) {
    if (item !== undefined) encoded[key] = encodeValue(item, bodies, `${path}.${key}`);
  }
  return isTagged(encoded) ? { $obj: encoded } : encoded;
};

export const decodeValue = (json: Json, bodies: BodyReader): unknown => {
  if (json === null || typeof json !== "object") return json;
  if (Array.isArray(json)) return json.map((item) => decodeValue(item, bodies));
  if (isTagged(json)) {
    const [tag, inner] = Object.entries(json)[0]!;
    switch (tag) {
      case "$date":
        return new Date(inner as string);
      case "$body":
        return bodies.body(inner as string);
      case "$segments":
        return bodies.segments(inner as Json[]);
      case "$map":
        return new Map((inner as Json[][]).map(([key, item]) => [decodeValue(key ?? null, bodies), decodeValue(item ?? null, bodies)]));
      case "$set":
        return new Set((inner as Json[]).map((item) => decodeValue(item, bodies)));
      case "$obj":
        return decodeObject(inner as Record<string, Json>, bodies);
      default:
        throw new Error(`unknown tag ${tag} in the sandbox's data`);
    }
  }
  return decodeObject(json, bodies);
};

const decodeObject = (json: Record<string, Json>, bodies: BodyReader): Record<string, unknown> =>
  Object.fromEntries(Object.entries(json).map(([key, item]) => [key, decodeValue(item, bodies)]));
