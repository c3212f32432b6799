/**
 * Where each statement of a policy sits in the text it was written in, as the IAM policy
 * simulator reports it (StartPosition, EndPosition). AWS's positions are those of a streaming
 * JSON parser: the start is where the parser stands before it reads the statement (just after
 * the `[`, or after the previous statement), the end just after the statement's `}`; lines and
 * columns count from 1. This matches what AWS answered for AdministratorAccess (3:17 to 8:6) and
 * for a one-line policy (column 38, right after `{"Version":"2012-10-17","Statement":[`).
 */

export interface Position {
  line: number;
  column: number;
}

export interface StatementSpan {
  start: Position;
  end: Position;
}

/** The span of each statement, in order. `text` is a policy that JSON.parse accepts. */
export const statementSpans = (text: string): StatementSpan[] => {
  const scanner = new Scanner(text);
  const toPosition = positionsIn(text);
  let spans: StatementSpan[] = [];
  scanner.expect("{");
  while (!scanner.atClose("}")) {
    const key = scanner.string();
    scanner.expect(":");
    if (key !== "Statement") {
      scanner.value();
    } else {
      // A repeated key counts once, as the last one (JSON.parse keeps the last).
      const afterColon = scanner.offset;
      const offsets = scanner.atOpen("[") ? scanner.elements() : [scanner.spanOfValue(afterColon)];
      spans = offsets.map(([start, end]) => ({ start: toPosition(start), end: toPosition(end) }));
    }
    scanner.separator();
  }
  return spans;
};

/** Offset → line and column (from 1); \n, \r\n and a lone \r each end a line. */
const positionsIn = (text: string): ((offset: number) => Position) => {
  const lineStarts = [0];
  for (const match of text.matchAll(/\r\n|\r|\n/g)) lineStarts.push((match.index ?? 0) + match[0].length);
  return (offset) => {
    let line = lineStarts.length - 1;
    while ((lineStarts[line] ?? 0) > offset) line -= 1;
    return { line: line + 1, column: offset - (lineStarts[line] ?? 0) + 1 };
  };
};

/** Walks valid JSON by offsets, without building values it does not need. */
class Scanner {
  private at = 0;

  constructor(private readonly text: string) {}

  expect(char: string): void {
    this.skipSpace();
    if (this.text[this.at] !== char) throw new Error(`expected ${char} at offset ${this.at}`);
    this.at += 1;
  }

  /** True (and consumed) when the next token closes the container. */
  atClose(char: "}" | "]"): boolean {
    this.skipSpace();
    if (this.text[this.at] !== char) return false;
    this.at += 1;
    return true;
  }

  /** True (and consumed) when the next token opens an array. */
  atOpen(char: "["): boolean {
    this.skipSpace();
    if (this.text[this.at] !== char) return false;
    this.at += 1;
    return true;
  }

  /** Consumes a comma between members, if there is one. */
  separator(): void {
    this.skipSpace();
    if (this.text[this.at] === ",") this.at += 1;
  }

  string(): string {
    this.skipSpace();
    const start = this.at;
    this.skipString();
    return JSON.parse(this.text.slice(start, this.at)) as string;
  }

  get offset(): number {
    return this.at;
  }

  /** From `start` (where a streaming parser stood before the value) to just after the value. */
  spanOfValue(start: number): [number, number] {
    this.value();
    return [start, this.at];
  }

  /** The spans of an array's elements, the `[` already consumed; consumes the `]`. */
  elements(): Array<[number, number]> {
    const spans: Array<[number, number]> = [];
    let start = this.at;
    while (!this.atClose("]")) {
      this.value();
      spans.push([start, this.at]);
      // A streaming parser stands here, before the comma, when it starts reading the next element.
      start = this.at;
      this.separator();
    }
    return spans;
  }

  value(): void {
    this.skipSpace();
    const char = this.text[this.at];
    if (char === '"') return this.skipString();
    if (char === "{" || char === "[") return this.skipContainer();
    while (this.at < this.text.length && !/[\s,\]}]/.test(this.text[this.at] ?? "")) this.at += 1;
  }

  private skipString(): void {
    this.at += 1;
    while (this.at < this.text.length && this.text[this.at] !== '"') this.at += this.text[this.at] === "\\" ? 2 : 1;
    this.at += 1;
  }

  private skipContainer(): void {
    let depth = 0;
    do {
      const char = this.text[this.at];
      if (char === '"') {
        this.skipString();
        continue;
      }
      if (char === "{" || char === "[") depth += 1;
      if (char === "}" || char === "]") depth -= 1;
      this.at += 1;
    } while (depth > 0 && this.at < this.text.length);
  }

  private skipSpace(): void {
    while (/\s/.test(this.text[this.at] ?? "")) this.at += 1;
  }
}
