import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

const root = fileURLToPath(new URL("../../../", import.meta.url));

/**
 * Type-checks TypeScript programs as a learner's ESM project would (strict, top-level await),
 * against the @aws-sdk packages installed here: the files go in a scratch folder under
 * node_modules/.cache so the packages resolve. Returns the compiler's messages per file.
 */
export const typecheckPrograms = (programs: Record<string, string>): Record<string, string[]> => {
  const cache = join(root, "node_modules", ".cache");
  mkdirSync(cache, { recursive: true });
  const folder = mkdtempSync(join(cache, "s3-tutor-code-view-"));
  try {
    const files = Object.entries(programs).map(([name, text], index) => {
      const file = join(folder, `program-${index}.ts`);
      writeFileSync(file, text);
      return [file, name] as const;
    });
    const program = ts.createProgram(
      files.map(([file]) => file),
      {
        strict: true,
        noEmit: true,
        target: ts.ScriptTarget.ES2022,
        lib: ["lib.es2023.d.ts"],
        module: ts.ModuleKind.ESNext,
        moduleResolution: ts.ModuleResolutionKind.Bundler,
        types: ["node"],
        typeRoots: [join(root, "node_modules", "@types")],
        skipLibCheck: true,
      },
    );
    const problems: Record<string, string[]> = {};
    for (const diagnostic of ts.getPreEmitDiagnostics(program)) {
      const name = files.find(([file]) => diagnostic.file?.fileName === file.replaceAll("\\", "/") || diagnostic.file?.fileName === file)?.[1] ?? "(setup)";
      const where = diagnostic.file && diagnostic.start !== undefined ? diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start) : undefined;
      (problems[name] ??= []).push(`${where ? `${where.line + 1}:${where.character + 1} ` : ""}${ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n")}`);
    }
    return problems;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
};
