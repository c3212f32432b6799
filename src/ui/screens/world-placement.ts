/**
 * Where the lesson player puts the world panel: beside the step when the window is wide enough
 * for both (the step keeps a readable column). In a narrower one (80×24) there is no room for
 * both side by side: a step that opens it (`show: world`) gets it below its goal, so the goal is
 * read first; `w` shows it in the step's place.
 */

export const WORLD_BESIDE_MIN_COLUMNS = 110;
/** Two Regions side by side at 22 columns each, with the gap. */
const WORLD_MIN_COLUMNS = 47;

/** Who opened the panel: the learner (w) or the step (`show: world`). */
export type WorldOpened = "no" | "byKey" | "byStep";

export interface WorldPlacement {
  kind: "hidden" | "beside" | "below" | "inPlace";
  /** The columns the step's area has, margins included (its text is laid out within readableWidth of them less 2). */
  stepColumns: number;
  /** Beside: the panel's columns. Below or in place it takes the step's text width. */
  worldColumns: number;
}

export const worldPlacement = (width: number, opened: WorldOpened): WorldPlacement => {
  if (opened === "no") return { kind: "hidden", stepColumns: width - 2, worldColumns: 0 };
  if (width < WORLD_BESIDE_MIN_COLUMNS) return { kind: opened === "byStep" ? "below" : "inPlace", stepColumns: width - 2, worldColumns: 0 };
  const worldColumns = Math.max(WORLD_MIN_COLUMNS, Math.floor((width - 2) * 0.45));
  return { kind: "beside", stepColumns: width - 2 - worldColumns - 1, worldColumns };
};
