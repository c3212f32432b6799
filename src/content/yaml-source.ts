import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node } from "yaml";
import type { Position } from "./problem";

/** A path into parsed content: map keys and list indexes, as zod reports them. */
export type ContentPath = readonly PropertyKey[];

/** Point at the key of the last path segment, or at its value. */
export type Anchor = "key" | "value";

export interface YamlSyntaxError extends Position {
  message: string;
}

const START_OF_FILE: Position = { line: 1, column: 1 };

const syntaxMessage = (message: string) => `YAML syntax: ${message.charAt(0).toLowerCase()}${message.slice(1)}`;

// The yaml package's wording is written for programmers calling its API.
const plainMessage = (code: string, message: string) =>
  code === "MULTIPLE_DOCS" ? 'a file holds one lesson, quiz or workshop, but "---" starts a second YAML document' : syntaxMessage(message);

/**
 * A YAML file that still knows where everything came from, so a problem found in the data (by zod,
 * or by a cross-file check) can be reported at the line and column it is on. The text is parsed
 * when something is first asked of it: a file whose data comes already checked (checked-files.ts)
 * is parsed only if a problem has to point into it.
 */
export class YamlSource {
  private parsed: { document: Document; lines: LineCounter } | undefined;

  private constructor(readonly text: string) {}

  /** The text, parsed when its syntax errors, data or a position are first asked for. */
  static of(text: string): YamlSource {
    return new YamlSource(text);
  }

  private tree(): { document: Document; lines: LineCounter } {
    if (!this.parsed) {
      const lines = new LineCounter();
      // prettyErrors off: we want the bare message and offsets, not a code frame inside the message.
      this.parsed = { document: parseDocument(this.text, { lineCounter: lines, prettyErrors: false }), lines };
    }
    return this.parsed;
  }

  private get document(): Document {
    return this.tree().document;
  }

  get syntaxErrors(): YamlSyntaxError[] {
    return this.document.errors.map((error) => ({ ...this.at(error.pos[0]), message: plainMessage(error.code, error.message) }));
  }

  get isEmpty(): boolean {
    return this.document.contents === null;
  }

  /** The data as plain JavaScript, or why it cannot be had (an alias to no anchor, an alias bomb). */
  toJS(): { value: unknown } | { error: YamlSyntaxError } {
    try {
      return { value: this.document.toJS({ maxAliasCount: 100 }) };
    } catch (error) {
      return { error: { ...this.danglingAlias(), message: syntaxMessage(error instanceof Error ? error.message : String(error)) } };
    }
  }

  /** The yaml package reports an alias without an anchor only when converting, and without a position. */
  private danglingAlias(): Position {
    let found: Position = START_OF_FILE;
    visit(this.document, {
      Alias: (_, alias) => {
        if (alias.resolve(this.document) || !alias.range) return undefined;
        found = this.at(alias.range[0]);
        return visit.BREAK;
      },
    });
    return found;
  }

  /**
   * Where the value at `path` is (or its key, with `anchor: "key"`). When the path goes further
   * than the file does, the deepest part that exists: a missing field points at its map.
   */
  position(path: ContentPath, anchor: Anchor = "value"): Position {
    const { node, key } = this.find(path);
    const target = anchor === "key" && key ? key : isEmptyValue(node) && key ? key : node;
    return target?.range ? this.at(target.range[0]) : START_OF_FILE;
  }

  /** Where `needle` is inside the scalar at `path` (a `{{variable}}` in a long string), else the scalar. */
  positionOfText(path: ContentPath, needle: string): Position {
    const { node } = this.find(path);
    if (!node?.range) return this.position(path);
    const index = this.text.slice(node.range[0], node.range[1]).indexOf(needle);
    return this.at(node.range[0] + Math.max(index, 0));
  }

  private at(offset: number): Position {
    const { line, col } = this.tree().lines.linePos(offset);
    return { line, column: col };
  }

  /** Walks the node tree along `path`, stopping at the deepest node that exists. */
  private find(path: ContentPath): { node: Node | undefined; key: Node | undefined } {
    let node = this.resolve(this.document.contents);
    let key: Node | undefined;
    for (const segment of path) {
      if (isMap(node)) {
        const pair = node.items.find((item) => (isScalar(item.key) ? item.key.value : item.key) === segment);
        if (!pair) return { node, key };
        key = pair.key as Node;
        node = this.resolve(pair.value as Node | null);
      } else if (isSeq(node) && typeof segment === "number" && node.items[segment]) {
        key = undefined;
        node = this.resolve(node.items[segment] as Node);
      } else {
        return { node, key };
      }
    }
    return { node, key };
  }

  private resolve(node: Node | null | undefined): Node | undefined {
    if (!node) return undefined;
    return isAlias(node) ? (node.resolve(this.document) ?? node) : node;
  }
}

// `handsOn:` with nothing after it: the empty value has no place of its own, so point at the key.
const isEmptyValue = (node: Node | undefined) =>
  node === undefined || (isScalar(node) && node.value === null && (!node.range || node.range[0] === node.range[1]));
