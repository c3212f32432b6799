import type { Located } from "./located";
import type { Problem } from "./problem";
import type { Action } from "./schema/lesson";
import { didYouMean } from "./suggest";
import { BUILT_IN_VARIABLES, malformedTemplates, stringsIn, templateReferences, VARIABLE_NAME } from "./templates";
import type { ContentPath } from "./yaml-source";

/** The `{{variables}}` of one lesson as it runs: each use must be built in or saved by an earlier action. */
export class VariableScope {
  private readonly defined: Set<string>;

  constructor(
    private readonly where: Located,
    /** Everything the lesson saves anywhere, to tell "saved too late" from "never saved". */
    private readonly savedAnywhere: ReadonlySet<string>,
    /** Defined from the start: names whose saving action could not be read. */
    alsoDefined: Iterable<string> = [],
  ) {
    this.defined = new Set<string>([...BUILT_IN_VARIABLES, ...alsoDefined]);
  }

  /** A problem at each undefined reference, and each malformed one, in the strings of `value` (found at `path`). */
  check(path: ContentPath, value: unknown): Problem[] {
    return stringsIn(value).flatMap(({ path: inner, text }) => {
      const at = (needle: string, message: string): Problem => ({
        file: this.where.file,
        ...this.where.source.positionOfText([...path, ...inner], needle),
        message,
      });
      return [
        ...templateReferences(text)
          .filter((reference) => !this.defined.has(reference.name))
          .map((reference) => at(reference.text, this.explain(reference.name))),
        ...malformedTemplates(text).map((malformed) => at(malformed.text, malformed.message)),
      ];
    });
  }

  /** What the action saves is defined from the next action on. */
  save(action: Action) {
    for (const name of Object.keys(action.save ?? {})) this.defined.add(name);
  }

  private explain(name: string): string {
    if (!VARIABLE_NAME.test(name)) return `{{${name}}} is not a variable name: use letters, digits and _`;
    if (this.savedAnywhere.has(name)) return `{{${name}}} is used before the action that saves it`;
    const suggestion = didYouMean(name, this.defined, (defined) => `{{${defined}}}`);
    return `unknown variable {{${name}}}: neither built in nor saved by an earlier action${suggestion}`;
  }
}
