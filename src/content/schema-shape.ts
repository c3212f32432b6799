import { z } from "zod";
import type { ContentPath } from "./yaml-source";

/**
 * What a zod schema allows at a path: used to suggest the field a typo meant and to name the
 * alternatives of a union. Unions fan out: a path may lead into several of their options.
 */

type AnySchema = z.core.$ZodType;

const unwrap = (schema: AnySchema): AnySchema =>
  schema instanceof z.ZodOptional || schema instanceof z.ZodNullable || schema instanceof z.ZodDefault
    ? unwrap(schema.unwrap() as AnySchema)
    : schema;

/** The union's options, flattened; any other schema by itself. */
const alternatives = (schema: AnySchema): AnySchema[] => {
  const bare = unwrap(schema);
  return bare instanceof z.ZodUnion ? (bare.options as readonly AnySchema[]).flatMap(alternatives) : [bare];
};

const child = (schema: AnySchema, segment: PropertyKey): AnySchema[] => {
  if (schema instanceof z.ZodObject && typeof segment === "string" && segment in schema.shape) return [schema.shape[segment]];
  if (schema instanceof z.ZodArray && typeof segment === "number") return [schema.element as AnySchema];
  if (schema instanceof z.ZodRecord) return [schema.valueType as AnySchema];
  return [];
};

/** Every schema (union options expanded) that could describe the value at `path`. */
export const schemasAt = (root: AnySchema, path: ContentPath): AnySchema[] =>
  path.reduce<AnySchema[]>((schemas, segment) => schemas.flatMap(alternatives).flatMap((s) => child(s, segment)), [root]).flatMap(
    alternatives,
  );

/** The field names an object at `path` may have. */
export const fieldsAt = (root: AnySchema, path: ContentPath): string[] => [
  ...new Set(schemasAt(root, path).flatMap((schema) => (schema instanceof z.ZodObject ? Object.keys(schema.shape) : []))),
];

/** Each object option of the union at `path`: its required fields and all its fields. */
export const fieldsOfOptions = (root: AnySchema, path: ContentPath): { required: string[]; all: string[] }[] =>
  schemasAt(root, path)
    .filter((schema): schema is z.ZodObject => schema instanceof z.ZodObject)
    .map((object) => ({
      required: Object.entries(object.shape).filter(([, field]) => !(field instanceof z.ZodOptional)).map(([name]) => name),
      all: Object.keys(object.shape),
    }));
