import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadOperationChecker } from "../../src/handson/dispatch";
import { loadContent } from "../../src/content/catalog";
import { formatProblem } from "../../src/content/problem";

/** The repository root: the CLI runs there in tests, so problems print relative to it. */
export const root = fileURLToPath(new URL("../../", import.meta.url));

/** A fixture's path as `validate` prints it (relative, with this platform's separators). */
export const fixture = (...parts: string[]) => join("test", "fixtures", "content", ...parts);

const sdk = loadOperationChecker();

/** What `validate <paths>` prints for these fixtures, one line per problem, without the summary. */
export const problemLines = async (...paths: string[]): Promise<string[]> => {
  const content = await loadContent(
    paths.map((path) => join(root, path)),
    { operationExists: await sdk },
  );
  return content.problems.map((problem) => formatProblem(problem, root));
};
