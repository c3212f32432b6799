/**
 * A shell command laid out to fit a width, for a terminal the learner copies from: a wrapped
 * line would paste as two commands, so a long command is split only between words, with a
 * ` \` line continuation, never inside a quoted word. The command arrives as units of words
 * that read as one thing (`aws s3api create-bucket`, `--bucket name`, `> file`).
 *
 * Removing every `\` + newline + indentation gives back the one-line command exactly, so the
 * shell reads the same words either way.
 */

export type Unit = readonly string[];

/** Lines after the first are indented this much... */
const CONTINUATION = "    ";
/** ...and an option's value pushed to a line of its own, this much. */
const VALUE_CONTINUATION = "        ";
const CONTINUED = " \\";

/** The command on one line, as the shell reads it. */
export const oneLine = (units: readonly Unit[]): string => units.map((unit) => unit.join(" ")).join(" ");

const isOption = (unit: Unit): boolean => unit[0]?.startsWith("--") ?? false;

/**
 * Lines of at most `width` columns where the words allow it: the units before the first option
 * packed onto as few lines as fit, then one option per line. A unit too long for a line is split
 * between its words (an option's values indented under it); a single word longer than the width
 * stays whole on its line, for the viewer to show cut and scrollable.
 */
export const layoutCommand = (units: readonly Unit[], width: number): string[] => {
  const whole = oneLine(units);
  if (whole.length <= width || units.length === 0) return [whole];

  const lines: string[] = [];
  let current: string | undefined;
  const indent = () => (lines.length === 0 && current === undefined ? "" : CONTINUATION);
  const fits = (text: string) => text.length + CONTINUED.length <= width;
  const flush = () => {
    if (current !== undefined) lines.push(current);
    current = undefined;
  };
  /** Adds words to the current line while they fit, starting new lines as needed. */
  const pack = (words: Unit, nextIndent: string) => {
    for (const word of words) {
      if (current !== undefined && fits(`${current} ${word}`)) current = `${current} ${word}`;
      else {
        const start = current === undefined ? indent() : nextIndent;
        flush();
        current = `${start}${word}`;
      }
    }
  };

  let optionsStarted = false;
  for (const unit of units) {
    optionsStarted ||= isOption(unit);
    const text = unit.join(" ");
    if (optionsStarted) {
      // From the first option on, each unit starts its own line.
      flush();
      if (fits(`${CONTINUATION}${text}`)) current = `${CONTINUATION}${text}`;
      else {
        current = `${CONTINUATION}${unit[0] ?? ""}`;
        pack(unit.slice(1), isOption(unit) ? VALUE_CONTINUATION : CONTINUATION);
      }
    } else if (current !== undefined && fits(`${current} ${text}`)) {
      current = `${current} ${text}`;
    } else if (fits(`${current === undefined ? indent() : CONTINUATION}${text}`)) {
      const start = current === undefined ? indent() : CONTINUATION;
      flush();
      current = `${start}${text}`;
    } else {
      pack(unit, CONTINUATION);
    }
  }
  flush();
  return lines.map((line, index) => (index < lines.length - 1 ? `${line}${CONTINUED}` : line));
};
