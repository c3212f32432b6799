import { Box, Text } from "ink";
import SelectInput from "ink-select-input";
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
}

/** A vertical menu: ↑/↓ or j/k to move, enter to choose (ink-select-input underneath). */
export const Menu = <T extends string>({ items, onSelect, onHighlight, isActive, initialIndex, limit }: MenuProps<T>) => {
  const theme = useTheme();
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
        <Box width={2} flexShrink={0}>
          <Text color={theme.accent}>{isSelected ? "❯" : " "}</Text>
        </Box>
      )}
      itemComponent={({ isSelected, label }: { isSelected?: boolean; label: string }) => {
        const note = items.find((item) => item.label === label)?.note;
        return (
          <Box flexShrink={1}>
            <Text bold={isSelected} color={isSelected ? theme.accent : undefined} wrap="wrap">
              {label}
              {note ? <Text color={theme.muted}>{`  ${note}`}</Text> : null}
            </Text>
          </Box>
        );
      }}
    />
  );
};
