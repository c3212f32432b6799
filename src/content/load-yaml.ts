import type { z } from "zod";
import { describeIssues } from "./issue-messages";
import type { Problem } from "./problem";
import { YamlSource } from "./yaml-source";

export interface ParsedYaml<T> {
  source: YamlSource;
  /** The data as YAML gave it, before the schema: for best-effort lookups in a broken file. */
  raw?: unknown;
  /** Present only when the data matches the schema. */
  data?: T;
  problems: Problem[];
}

/**
 * Parses YAML text and checks it against a zod schema. Every mistake, from a stray tab to an
 * unknown field, comes back as a Problem with the line and column it is on; nothing throws.
 */
export const parseYaml = <T>(file: string, text: string, schema: z.ZodType<T>): ParsedYaml<T> => {
  const source = YamlSource.of(text);
  const syntax = source.syntaxErrors;
  // A broken document parses into a guess; checking the guess would only add confusing problems.
  if (syntax.length > 0) return { source, problems: syntax.map((error) => ({ file, ...error })) };
  if (source.isEmpty) return { source, problems: [{ file, line: 1, column: 1, message: "the file is empty" }] };

  const converted = source.toJS();
  if ("error" in converted) return { source, problems: [{ file, ...converted.error }] };
  const raw = converted.value;

  const result = schema.safeParse(raw);
  if (result.success) return { source, raw, data: result.data, problems: [] };
  const problems = describeIssues(result.error.issues, schema, raw).map(({ path, anchor, message }) => ({
    file,
    ...source.position(path, anchor),
    message,
  }));
  return { source, raw, problems };
};
