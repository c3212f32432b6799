import { dirname, join, relative, sep } from "node:path";
import type { ContentKind } from "./content-kind";
import { packageRoot } from "./package-root";
import type { Problem } from "./problem";

/** The JSON Schema file editors use for each kind of content, in schema/. */
export const schemaFileName = (kind: ContentKind) => `${kind}.schema.json`;

const PREFIX = "# yaml-language-server: $schema=";

const isInside = (folder: string, file: string) => !relative(folder, file).startsWith("..");

/**
 * The first line of every lesson and quiz points editors (the YAML language server) at its JSON
 * Schema so they complete and check as one types. A file in the package must point at the
 * package's own schema/; a file elsewhere may point at any copy of the right schema.
 */
export const checkSchemaLine = (file: string, text: string, kind: ContentKind): Problem[] => {
  const root = packageRoot();
  const schemaPath = join(root, "schema", schemaFileName(kind));
  const expected = relative(dirname(file), schemaPath).split(sep).join("/");
  const firstLine = text.replace(/^\uFEFF/, "").split(/\r?\n/, 1)[0] ?? "";
  const given = firstLine.startsWith(PREFIX) ? firstLine.slice(PREFIX.length).trim() : undefined;
  const fine = isInside(root, file) ? given === expected : given?.endsWith(`/${schemaFileName(kind)}`) || given === schemaFileName(kind);
  return fine ? [] : [{ file, line: 1, column: 1, message: `the first line must be "${PREFIX}${expected}"` }];
};
