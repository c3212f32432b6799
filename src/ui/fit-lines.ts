/** At most `room` rows; when some are left out, the last row shown ends with "…" to say so. */
export const fitLines = (lines: readonly string[], room: number): string[] => {
  if (lines.length <= room) return [...lines];
  const kept = lines.slice(0, Math.max(1, room));
  const last = kept.length - 1;
  kept[last] = `${(kept[last] ?? "").replace(/.$/u, "")}…`;
  return kept;
};
