import { Box, Text, measureElement, type DOMElement } from "ink";
import { useCallback, useEffect, useRef, useState, type ReactNode } from "react";
import { useTheme } from "../theme";

/** Scrolling state for a ScrollArea: where it is, and how far it can go. */
export const useScroll = (viewHeight: number) => {
  const [offset, setOffset] = useState(0);
  const [contentHeight, setContentHeight] = useState(0);
  const limit = Math.max(0, contentHeight - viewHeight);
  // A key handler bound before the content was measured still scrolls as far as the content goes.
  const limitNow = useRef(limit);
  limitNow.current = limit;
  const scrollBy = useCallback((rows: number) => setOffset((current) => Math.min(Math.max(0, current + rows), limitNow.current)), []);
  return {
    offset: Math.min(offset, limit),
    scrollBy,
    pageBy: (pages: number) => scrollBy(pages * Math.max(1, viewHeight - 2)),
    toTop: () => setOffset(0),
    /** Whether there is more below or above to scroll to. */
    scrollable: limit > 0,
    onMeasure: setContentHeight,
  };
};

export interface ScrollAreaProps {
  height: number;
  offset: number;
  onMeasure: (contentHeight: number) => void;
  children: ReactNode;
}

/**
 * A view of fixed height onto content that may be taller: at 80×24 a long read step or
 * checklist scrolls (↑/↓, PgUp/PgDn) instead of pushing the status bar off the screen.
 */
export const ScrollArea = ({ height, offset, onMeasure, children }: ScrollAreaProps) => {
  const theme = useTheme();
  const content = useRef<DOMElement>(null);
  const [contentHeight, setContentHeight] = useState(0);
  useEffect(() => {
    if (!content.current) return;
    const measured = measureElement(content.current).height;
    if (measured !== contentHeight) {
      setContentHeight(measured);
      onMeasure(measured);
    }
  });
  const overflowing = contentHeight > height;
  const viewHeight = overflowing ? Math.max(1, height - 1) : height;
  const top = Math.min(Math.max(0, offset), Math.max(0, contentHeight - viewHeight));
  const below = contentHeight - top - viewHeight;
  return (
    <Box flexDirection="column" height={height}>
      <Box height={viewHeight} overflowY="hidden" flexDirection="column">
        <Box ref={content} marginTop={-top} flexDirection="column" flexShrink={0}>
          {children}
        </Box>
      </Box>
      {overflowing ? (
        <Text color={theme.muted} wrap="truncate-end">
          {below > 0 ? `── ${below} more lines below: ↓/j or PgDn ──` : "── end: ↑/k or PgUp to go back ──"}
        </Text>
      ) : null}
    </Box>
  );
};
