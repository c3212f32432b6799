import type { Lesson } from "../content/schema/lesson";
import { handsOnPlaces, type HandsOnPlace } from "../handson/restore";
import type { TargetName } from "../targets/target";
import { UserError } from "./errors";

/** Usage mistakes (an unknown lesson or step) exit 2, apart from a check that does not pass (1). */
const USAGE = 2;

export const findLesson = (lessons: readonly Lesson[], id: string): Lesson => {
  const lesson = lessons.find((candidate) => candidate.id === id);
  if (lesson) return lesson;
  throw new UserError(`there is no lesson "${id}". Lessons: ${lessons.map((candidate) => candidate.id).join(", ")}.`, USAGE);
};

const listing = (places: readonly HandsOnPlace[]): string =>
  places.map((place) => `  ${place.number}${place.step.id ? ` ${place.step.id}` : ""}  ${place.step.title}`).join("\n");

/** `<step>`: the 1-based number among the lesson's hands-on steps, or the step's `id:`. */
export const findStep = (lesson: Lesson, which: string, target: TargetName): HandsOnPlace => {
  const places = handsOnPlaces(lesson, { name: target });
  const byNumber = /^\d+$/.test(which) ? places.find((place) => place.number === Number(which)) : undefined;
  const found = byNumber ?? places.find((place) => place.step.id === which);
  if (found) return found;
  throw new UserError(`lesson "${lesson.id}" has no hands-on step "${which}". Its hands-on steps (number, id, title):\n${listing(places)}`, USAGE);
};

/** How a step is named on the command line: its id, else its number. */
export const stepArgument = (place: HandsOnPlace): string => place.step.id ?? String(place.number);
