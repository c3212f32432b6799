import type { CheckTally } from "../../../room/room-state";
import { plural } from "./room-format";
import type { Row } from "./segments";

/** At most this many reasons under each check, when the room has the rows for them. */
const MOST_REASONS_PER_CHECK = 2;

/**
 * The room's most-failed checks in at most `room` rows: a heading, then each check (its title,
 * how many participants fail it) with its commonest reasons under it, as many as fit.
 */
export const mostFailedRows = (tallies: readonly CheckTally[], room: number): Row[] => {
  if (room <= 0) return [];
  const rows: Row[] = [[{ text: "Most-failed checks", tone: "heading", bold: true }]];
  if (tallies.length === 0) {
    rows.push([{ text: "  No failed checks yet.", tone: "muted" }]);
    return rows.slice(0, room);
  }
  // A small panel shows one reason under each check rather than two under the first alone.
  const perCheck = room >= 1 + tallies.length * (1 + MOST_REASONS_PER_CHECK) ? MOST_REASONS_PER_CHECK : 1;
  for (const tally of tallies) {
    if (rows.length >= room) break;
    rows.push([
      { text: "✗ ", tone: "failure", bold: true },
      { text: tally.title, bold: true },
      { text: ` · ${plural(tally.failedBy.length, "participant")} failing · ${plural(tally.failures, "failure")} · ${tally.passedBy.length} passed`, tone: "muted" },
    ]);
    for (const reason of tally.reasons.slice(0, perCheck)) {
      if (rows.length >= room) break;
      rows.push([
        { text: `    ${String(reason.participants.length).padStart(3)} hit: `, tone: "warning" },
        { text: reason.reason },
        { text: ` (${reason.expectation})`, tone: "muted" },
      ]);
    }
  }
  return rows;
};
