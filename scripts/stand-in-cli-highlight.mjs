// Stands in for cli-highlight (highlight.js, ~1 MB, and an HTML parser) in the bundle. No language
// is known to it: marked-terminal then shows a code block in its own code colour, as it does for
// any language highlight.js lacks. Lessons show little code, and that code reads well without.
export const highlight = (code, options) => {
  throw new Error(`no syntax highlighting for ${options?.language ?? "this code"}`);
};
