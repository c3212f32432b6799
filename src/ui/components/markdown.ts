import { useEffect, useState } from "react";
import { hyperlink, layoutLines, UNWRAPPED, KEEP_SPACE } from "../text-layout";
import { plain } from "../text";

/**
 * Markdown for the terminal, by marked and marked-terminal. They (and the syntax highlighter
 * behind them) load on first use, so the home screen does not wait for them; until then the
 * source text shows as it is.
 *
 * marked-terminal's own reflow splits long words (a URL becomes `#Con` / `sistencyModel`) and
 * leaves tight list items unwrapped and their **bold** raw; so it only renders, and
 * `layoutLines` wraps: by words, with a hanging indent under a bullet, code and tables never.
 */

export interface MarkdownStyle {
  colour: boolean;
  /** Links as OSC 8 hyperlinks (see `hyperlinksSupported`). */
  hyperlinks?: boolean;
}

type Renderer = (markdown: string, width: number, style: MarkdownStyle) => string;
let loading: Promise<Renderer> | undefined;

interface InlineToken {
  type: string;
  text?: string;
  href?: string;
  tokens?: InlineToken[];
}
interface ParserThis {
  parser: { parseInline: (tokens: InlineToken[]) => string };
}
type RenderFunction = (this: ParserThis, token: InlineToken) => string | false;

/** Blue and underlined, like marked-terminal's links (dropped with the other colours under NO_COLOR). */
const LINK_STYLE_ON = "\u001B[34m\u001B[4m";
const LINK_STYLE_OFF = "\u001B[24m\u001B[39m";

/** Every line of a block that must not be wrapped (code, a table) carries the UNWRAPPED mark. */
const unwrapped = (rendered: string): string =>
  rendered
    .split("\n")
    .map((line) => (line.trim() ? `${UNWRAPPED}${line}` : line))
    .join("\n");

const loadRenderer = (): Promise<Renderer> =>
  (loading ??= Promise.all([import("marked"), import("marked-terminal")]).then(([{ Marked }, { markedTerminal }]) => {
    const byStyle = new Map<string, InstanceType<typeof Marked>>();
    return (markdown: string, width: number, style: MarkdownStyle) => {
      const key = `${width}:${style.hyperlinks === true}`;
      let marked = byStyle.get(key);
      if (!marked) {
        // The options are marked-terminal's; its typings lag its API, hence the casts.
        const base = markedTerminal({ width, reflowText: false, showSectionPrefix: false, tab: 2, emoji: false }) as unknown as {
          renderer: Record<string, RenderFunction>;
        };
        const { code, table } = base.renderer as Record<"code" | "table", RenderFunction>;
        const renderer: Record<string, RenderFunction> = {
          // A tight list item's text keeps its inline tokens: render them (marked-terminal prints them raw).
          text(token) {
            return token.tokens ? this.parser.parseInline(token.tokens) : false;
          },
          code(token) {
            return unwrapped(String(code.call(this, token)));
          },
          table(token) {
            return unwrapped(String(table.call(this, token)));
          },
          // The URL is always shown whole (marked-terminal would hide it behind its text where it
          // guesses the terminal takes hyperlinks), and is a hyperlink where the terminal shows them.
          link(token) {
            const href = token.href ?? "";
            const text = this.parser.parseInline(token.tokens ?? []);
            const url = `${LINK_STYLE_ON}${style.hyperlinks ? hyperlink(href, href) : href}${LINK_STYLE_OFF}`;
            return plain(text) === href || !text ? url : `${text} (${url})`;
          },
        };
        marked = new Marked(base as never, {
          renderer: renderer as never,
          walkTokens(token) {
            const inline = token as InlineToken;
            // Soft line breaks in the source are spaces: layoutLines wraps paragraphs to the width.
            if (inline.type === "text" && !inline.tokens && inline.text) inline.text = inline.text.replace(/\n/g, " ");
            // A command in backticks is one word: never split between lines.
            if (inline.type === "codespan" && inline.text) inline.text = inline.text.replace(/ /g, KEEP_SPACE);
          },
        });
        byStyle.set(key, marked);
      }
      return String(marked.parse(markdown)).replace(/\n+$/, "");
    };
  }));

/** Loads the renderer in the background (after the first frame), so a lesson does not wait for it. */
export const preloadMarkdown = (): void => {
  void loadRenderer();
};

export const renderMarkdown = async (markdown: string, width: number, style: MarkdownStyle): Promise<string[]> => {
  const render = await loadRenderer();
  const text = render(markdown, width, style);
  return layoutLines(style.colour ? text : plain(text), width);
};

/**
 * The markdown as terminal rows for this width: plain source text only until the renderer is
 * first ready; after a resize, the previous rendering until the new one is ready.
 */
export const useMarkdownLines = (markdown: string, width: number, style: MarkdownStyle): string[] => {
  const [rendered, setRendered] = useState<{ key: string; markdown: string; lines: string[] } | undefined>();
  const key = `${width}:${style.colour}:${style.hyperlinks === true}:${markdown}`;
  useEffect(() => {
    let current = true;
    void renderMarkdown(markdown, width, style).then((lines) => {
      if (current) setRendered({ key, markdown, lines });
    });
    return () => {
      current = false;
    };
  }, [key]);
  if (rendered?.key === key || rendered?.markdown === markdown) return rendered.lines;
  return layoutLines(markdown.trim(), width);
};
