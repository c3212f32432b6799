import { Box, Text, useApp, useInput } from "ink";
import { useCallback } from "react";
import type { Target } from "../../targets/target";
import { ScrollArea, useScroll } from "../components/scroll-area";
import { WorldPanel } from "../components/world/world-panel";
import { useWorld, type WorldReader } from "../hooks/use-world";
import { useWindowSize } from "../hooks/use-window-size";
import { useTheme } from "../theme";

export interface WorldWatchProps {
  target: Target;
  /** The target's line (name, endpoint, Regions, prefix), above the world. */
  heading: string;
  read?: WorldReader;
}

/** `s3-tutor world --watch`: the world redrawn every second until q or ctrl+c; ↑/↓ scroll a tall one. */
export const WorldWatch = ({ target, heading, read }: WorldWatchProps) => {
  const { exit } = useApp();
  const theme = useTheme();
  const size = useWindowSize();
  const ready = useCallback(() => Promise.resolve(target), [target]);
  const world = useWorld(ready, true, read ? { read } : {});
  // The heading and the keys take a row each; one row is left free, as the app leaves it (a frame
  // as tall as the terminal makes Ink clear the screen on every redraw).
  const scroll = useScroll(Math.max(3, size.rows - 3));
  useInput((input, key) => {
    if (input === "q" || (key.ctrl && input === "c") || key.escape) exit();
    else if (key.downArrow || input === "j") scroll.scrollBy(1);
    else if (key.upArrow || input === "k") scroll.scrollBy(-1);
    else if (key.pageDown) scroll.pageBy(1);
    else if (key.pageUp) scroll.pageBy(-1);
  });
  return (
    <Box flexDirection="column" width={size.columns}>
      <Text color={theme.muted} wrap="truncate-end">
        {heading}
      </Text>
      <ScrollArea {...scroll.area}>
        <WorldPanel {...world} width={size.columns} />
      </ScrollArea>
      <Text color={theme.muted} wrap="truncate-end">
        q quit · ↑/↓ scroll · redrawn every second
      </Text>
    </Box>
  );
};
