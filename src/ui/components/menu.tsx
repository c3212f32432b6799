import { Box, Text, type DOMElement } from "ink";
import { useRef } from "react";
import SelectInput from "ink-select-input";
import { layoutLines } from "../text-layout";
import { useKeepInView } from "./scroll-area";
import { useTheme } from "../theme";

export interface MenuItem<T extends string> {
  label: string;
  value: T;
  /** A muted note after the label ("8 min", "3 due"). */
  note?: string;
}

export interface MenuProps<T extends string> {
  items: MenuItem<T>[];
  onSelect: (value: T) => void;
  onHighlight?: (value: T) => void;
  isActive: boolean;
  initialIndex?: number;
  limit?: number;
  /** Columns the menu has, when known: a long label then wraps exactly within it, under its own text. */
  width?: number;
}

/** A vertical menu: ↑/↓ or j/k to move, enter to choose (ink-select-input underneath). */
const POINTER_COLUMNS = 2;

export const Menu = <T extends string>({ items, onSelect, onHighlight, isActive, initialIndex, limit, width }: MenuProps<T>) => {
  const theme = useTheme();
  // Wrapped here, by words: Ink's own wrap starts a wrapped line with the space it broke at.
  const labelWidth = width !== undefined ? Math.max(10, width - POINTER_COLUMNS) : undefined;
  return (
    <SelectInput
      items={items.map((item) => ({ key: item.value, label: item.label, value: item.value }))}
      isFocused={isActive}
      {...(initialIndex !== undefined ? { initialIndex } : {})}
      {...(limit !== undefined ? { limit } : {})}
      onSelect={(item) => onSelect(item.value as T)}
      {...(onHighlight ? { onHighlight: (item: { value: string }) => onHighlight(item.value as T) } : {})}
      // The pointer keeps its two columns however long the label (else "❯Eleven…"), and a
      // label that wraps goes on under its own first word, not under the pointer.
      indicatorComponent={({ isSelected }: { isSelected?: boolean }) => (
        <Box width={POINTER_COLUMNS} flexShrink={0}>
          <Text color={theme.accent}>{isSelected ? "❯" : " "}</Text>
        </Box>
      )}
      itemComponent={({ isSelected = false, label }: { isSelected?: boolean; label: string }) => (
        <MenuLabel label={label} note={items.find((item) => item.label === label)?.note} isSelected={isSelected} width={labelWidth} />
      )}
    />
  );
};

/** One label: wrapped under itself, and kept in view while the cursor is on it. */
const MenuLabel = ({ label, note, isSelected, width }: { label: string; note: string | undefined; isSelected: boolean; width: number | undefined }) => {
  const theme = useTheme();
  const row = useRef<DOMElement>(null);
  useKeepInView(row, isSelected);
  return (
    // Shrinking to fit is not enough: Yoga leaves a bold label at its full width.
    <Box ref={row} {...(width !== undefined ? { width, flexShrink: 0 } : { flexShrink: 1 })}>
      <Text bold={isSelected} color={isSelected ? theme.accent : undefined} wrap="wrap">
        {width !== undefined ? layoutLines(label, width).join("\n") : label}
        {note ? <Text color={theme.muted}>{`  ${note}`}</Text> : null}
      </Text>
    </Box>
  );
};
