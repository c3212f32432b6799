import type { AgendaClock } from "../../../room/room-state";
import type { Segment } from "./segments";

/** A duration as the console shows it: m:ss, or h:mm:ss past the hour. */
export const durationText = (ms: number): string => {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const secs = String(seconds % 60).padStart(2, "0");
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, "0")}:${secs}` : `${minutes}:${secs}`;
};

/** "3 min behind", "2 min ahead" or "on time": under a minute either way counts as on time. */
export const deltaText = (deltaMinutes: number): Segment => {
  const minutes = Math.round(Math.abs(deltaMinutes));
  if (minutes < 1) return { text: "✓ on time", tone: "success" };
  return deltaMinutes < 0 ? { text: `⚠ ${minutes} min behind`, tone: "warning", bold: true } : { text: `» ${minutes} min ahead`, tone: "accent" };
};

const titleOf = (titles: ReadonlyMap<string, string>, block: string | undefined): string => (block ? (titles.get(block) ?? block) : "–");

/** The agenda clock: time since the start, the block open against the block scheduled, ahead or behind. */
export const agendaSegments = (clock: AgendaClock, titles: ReadonlyMap<string, string>): Segment[] => {
  const open = titleOf(titles, clock.openBlock);
  const scheduled = titleOf(titles, clock.scheduledBlock);
  return [
    { text: `⏱ ${durationText(clock.elapsedMinutes * 60_000)}`, bold: true },
    { text: " · open: ", tone: "muted" },
    { text: open, tone: "accent" },
    ...(clock.scheduledBlock !== clock.openBlock ? [{ text: " · agenda says: ", tone: "muted" as const }, { text: scheduled }] : []),
    { text: " · ", tone: "muted" },
    deltaText(clock.deltaMinutes),
  ];
};

export const plural = (count: number, noun: string): string => `${count} ${noun}${count === 1 ? "" : "s"}`;
