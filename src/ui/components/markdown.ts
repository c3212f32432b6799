import { useEffect, useState } from "react";
import { plain, wrapLines } from "../text";

/**
 * Markdown for the terminal, by marked and marked-terminal. They (and the syntax highlighter
 * behind them) load on first use, so the home screen does not wait for them; until then the
 * source text shows as it is.
 */

type Renderer = (markdown: string, width: number) => string;
let loading: Promise<Renderer> | undefined;

const loadRenderer = (): Promise<Renderer> =>
  (loading ??= Promise.all([import("marked"), import("marked-terminal")]).then(([{ Marked }, { markedTerminal }]) => {
    const byWidth = new Map<number, InstanceType<typeof Marked>>();
    return (markdown: string, width: number) => {
      let marked = byWidth.get(width);
      if (!marked) {
        // The options are marked-terminal's; its typings lag its API, hence the cast.
        marked = new Marked(markedTerminal({ width, reflowText: true, showSectionPrefix: false, tab: 2, emoji: false }) as never);
        byWidth.set(width, marked);
      }
      return String(marked.parse(markdown)).replace(/\n+$/, "");
    };
  }));

/** Loads the renderer in the background (after the first frame), so a lesson does not wait for it. */
export const preloadMarkdown = (): void => {
  void loadRenderer();
};

export const renderMarkdown = async (markdown: string, width: number, colour: boolean): Promise<string[]> => {
  const render = await loadRenderer();
  const text = render(markdown, width);
  return wrapLines(colour ? text : plain(text), width);
};

/**
 * The markdown as terminal rows for this width: plain source text only until the renderer is
 * first ready; after a resize, the previous rendering until the new one is ready.
 */
export const useMarkdownLines = (markdown: string, width: number, colour: boolean): string[] => {
  const [rendered, setRendered] = useState<{ key: string; markdown: string; lines: string[] } | undefined>();
  const key = `${width}:${colour}:${markdown}`;
  useEffect(() => {
    let current = true;
    void renderMarkdown(markdown, width, colour).then((lines) => {
      if (current) setRendered({ key, markdown, lines });
    });
    return () => {
      current = false;
    };
  }, [key, markdown, width, colour]);
  if (rendered?.key === key || rendered?.markdown === markdown) return rendered.lines;
  return wrapLines(markdown.trim(), width);
};
