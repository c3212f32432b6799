import { Box, Text, measureElement, type DOMElement } from "ink";
import { createContext, useCallback, useContext, useEffect, useLayoutEffect, useRef, useState, type ReactNode, type RefObject } from "react";
import { useTheme } from "../theme";

/**
 * Where a view `height` rows high onto `contentHeight` rows stands when scrolled `offset` rows.
 * While the content overflows, the last row says what is below, and once scrolled the first row
 * says what is above: so each step down shows one more row, the marker covering the row it hides.
 */
export const scrollWindow = (contentHeight: number, height: number, offset: number) => {
  if (contentHeight <= height) return { first: 0, rows: contentHeight, above: 0, below: 0, limit: 0, overflowing: false };
  const limit = contentHeight - (height - 1);
  const at = Math.min(Math.max(0, offset), limit);
  const first = at === 0 ? 0 : at + 1;
  const rows = at === 0 ? height - 1 : height - 2;
  return { first, rows, above: first, below: Math.max(0, contentHeight - first - rows), limit, overflowing: true };
};

/** Scrolling state for a ScrollArea of `height` rows: where it is, and how far it can go. */
export const useScroll = (height: number) => {
  const [offset, setOffset] = useState(0);
  const [contentHeight, setContentHeight] = useState(0);
  const { limit } = scrollWindow(contentHeight, height, offset);
  // A key handler bound before the content was last measured still scrolls as far as it goes.
  const limitNow = useRef(limit);
  limitNow.current = limit;
  const contentNow = useRef(contentHeight);
  contentNow.current = contentHeight;
  const scrollBy = useCallback((rows: number) => setOffset((current) => Math.min(Math.max(0, Math.min(current, limitNow.current) + rows), limitNow.current)), []);
  /** Scrolls as little as it takes to bring content rows top…bottom (exclusive) into view. */
  const reveal = useCallback(
    (top: number, bottom: number) =>
      setOffset((current) => {
        const at = Math.min(current, limitNow.current);
        const view = scrollWindow(contentNow.current, height, at);
        if (!view.overflowing) return at;
        if (top < view.first) return top <= 1 ? 0 : Math.min(top - 1, limitNow.current);
        if (bottom > view.first + view.rows) return Math.min(Math.max(0, bottom - (height - 1)), limitNow.current);
        return at;
      }),
    [height],
  );
  return {
    offset: Math.min(offset, limit),
    scrollBy,
    /** A page is the view less two rows, so the rows at the edge stay in sight. */
    pageBy: (pages: number) => scrollBy(pages * Math.max(1, height - 3)),
    toTop: () => setOffset(0),
    /** Scrolls as little as it takes to bring content rows top…bottom (exclusive) into view. */
    reveal,
    toBottom: () => setOffset(Number.MAX_SAFE_INTEGER),
    /** Whether there is more below or above to scroll to. */
    scrollable: limit > 0,
    /** The ScrollArea's own props: the same height as the limit above was worked out for. */
    area: { height, offset: Math.min(offset, limit), onMeasure: setContentHeight, onReveal: reveal },
  };
};

type Reveal = (element: DOMElement) => void;
const RevealContext = createContext<Reveal>(() => undefined);

/**
 * Keeps `element` in view while `shown` (a menu's cursor row): the ScrollArea around it scrolls
 * as little as it takes when the cursor moves past the edge. Outside a ScrollArea, nothing.
 */
export const useKeepInView = (element: RefObject<DOMElement | null>, shown: boolean): void => {
  const reveal = useContext(RevealContext);
  useLayoutEffect(() => {
    if (shown && element.current) reveal(element.current);
  }, [shown, reveal, element]);
};

export interface ScrollAreaProps {
  height: number;
  offset: number;
  onMeasure: (contentHeight: number) => void;
  /** Whether ↑/↓ and j/k scroll here (not while they move a menu's cursor): the markers name the keys that do. */
  arrows?: boolean;
  /** Asked to bring content rows top…bottom into view (useScroll's reveal). */
  onReveal?: (top: number, bottom: number) => void;
  children: ReactNode;
}

/**
 * A view of fixed height onto content that may be taller: a long step, code view, checklist or
 * cleanup scrolls instead of pushing the status bar off the screen, and "↑ 3 more" / "↓ 12 more"
 * say there is more. The content is measured again whenever anything in it changes (a child's own
 * state, markdown rendered late, a resize), not only when this component renders.
 */
export const ScrollArea = ({ height, offset, onMeasure, onReveal, arrows = true, children }: ScrollAreaProps) => {
  const theme = useTheme();
  const content = useRef<DOMElement>(null);
  const [contentHeight, setContentHeight] = useState(0);
  const reported = useRef(-1);
  const measure = useCallback(() => {
    if (!content.current?.yogaNode) return;
    const measured = measureElement(content.current).height;
    setContentHeight(measured);
    if (measured !== reported.current) {
      reported.current = measured;
      onMeasure(measured);
    }
  }, [onMeasure]);
  // After this component renders: in a layout effect, which runs once Ink has laid the tree out
  // and re-renders before any key is read, so a key pressed at once scrolls as far as it should...
  useLayoutEffect(measure);
  // ...and after any change below it: Yoga marks the content's node dirty when a descendant's text,
  // children or style change (a child re-rendering alone does not render this component). Ink lays
  // the tree out in the same commit, so the height is current a moment later.
  useEffect(() => {
    const node = content.current?.yogaNode;
    if (!node) return;
    let timer: NodeJS.Timeout | undefined;
    let active = true;
    node.setDirtiedFunc(() => {
      if (!active) return;
      timer ??= setTimeout(() => {
        timer = undefined;
        if (active) measure();
      }, 0);
    });
    // Not unset here: on unmount Ink has freed the Yoga node already, and touching it then
    // crashes; the callback just stops acting (a later run of this effect replaces it).
    return () => {
      active = false;
      clearTimeout(timer);
    };
  }, [measure]);

  // Where an element sits in the content: its top, added up through its boxes to the content's.
  const reveal = useCallback(
    (element: DOMElement) => {
      if (!onReveal || !content.current?.yogaNode) return;
      let top = 0;
      let node: DOMElement | undefined = element;
      while (node && node !== content.current) {
        top += node.yogaNode?.getComputedTop() ?? 0;
        node = node.parentNode;
      }
      if (node !== content.current) return;
      measure();
      onReveal(top, top + measureElement(element).height);
    },
    [onReveal, measure],
  );

  const view = scrollWindow(contentHeight, height, offset);
  const down = arrows ? "j/PgDn" : "PgDn";
  const up = arrows ? "k/PgUp" : "PgUp";
  return (
    <Box flexDirection="column" height={height} flexShrink={0}>
      {view.above > 0 ? (
        <Text color={theme.muted} wrap="truncate-end">
          {`↑ ${view.above} more — ${up}`}
        </Text>
      ) : null}
      <Box height={view.overflowing ? view.rows : height} overflowY="hidden" flexDirection="column" flexShrink={0}>
        <Box ref={content} marginTop={-view.first} flexDirection="column" flexShrink={0}>
          <RevealContext.Provider value={reveal}>{children}</RevealContext.Provider>
        </Box>
      </Box>
      {view.overflowing ? (
        <Text color={theme.muted} wrap="truncate-end">
          {view.below > 0 ? `↓ ${view.below} more — ${down}` : `── end ── ${up} or home to go back`}
        </Text>
      ) : null}
    </Box>
  );
};
