import { describe, expect, it } from "vitest";
import { shippedCatalog } from "../helpers/shipped-content";
import { WorkshopSchema } from "../../src/content/schema/workshop";
import { agendaBlockAt, blockHandsOnSteps, loadWorkshop, workshopAgenda, type Workshop } from "../../src/content/workshops";

// The agenda clock's arithmetic and the steps a block has participants do: pure, from the workshop alone.

const workshop: Workshop = WorkshopSchema.parse({
  id: "agenda",
  title: "Agenda",
  summary: "Blocks back to back.",
  minutes: 40,
  target: "own",
  blocks: [
    { id: "welcome", title: "Welcome", minutes: 5, break: true },
    { id: "names", lesson: "global-namespace", steps: ["freed-name", 1], minutes: 15 },
    { id: "warm-up", quiz: { topics: ["naming", "regions"], count: 5 }, minutes: 5 },
    { id: "exam", exam: { topics: ["naming"], count: 10, seed: 42, passMark: 70 }, minutes: 15 },
  ],
});

describe("a workshop's agenda", () => {
  it("gives each block its start and end minute from the workshop's start, one after the other", () => {
    const agenda = workshopAgenda(workshop);
    expect(agenda.map(({ block, index, kind, start, end }) => [block.id, index, kind, start, end])).toEqual([
      ["welcome", 0, "break", 0, 5],
      ["names", 1, "lesson", 5, 20],
      ["warm-up", 2, "quiz", 20, 25],
      ["exam", 3, "exam", 25, 40],
    ]);
  });

  it("titles a block by its own title, else its lesson's title (its id without the lessons), its quiz or exam topics", async () => {
    expect(workshopAgenda(workshop).map((entry) => entry.title)).toEqual(["Welcome", "global-namespace", "Quiz: naming, regions", "Exam: naming"]);
    const { lessons } = await shippedCatalog();
    const titles = workshopAgenda(workshop, lessons.map((loaded) => loaded.lesson)).map((entry) => entry.title);
    expect(titles[1]).toBe("One name, one owner");
  });

  it("says which block should be running at a minute: the one whose end is still ahead, the last once over", () => {
    const agenda = workshopAgenda(workshop);
    expect([0, 4.9, 5, 19, 20, 39, 40, 300].map((minute) => agendaBlockAt(agenda, minute)?.block.id)).toEqual([
      "welcome",
      "welcome",
      "names",
      "names",
      "warm-up",
      "exam",
      "exam",
      "exam",
    ]);
    expect(agendaBlockAt([], 3)).toBeUndefined();
  });

  it("of the shipped CRR workshop runs 90 minutes, ending with the exam", async () => {
    const { workshop: crr } = await loadWorkshop("global-regional-crr");
    const agenda = workshopAgenda(crr as Workshop);
    expect(agenda.at(-1)).toMatchObject({ kind: "exam", end: 90 });
  });
});

describe("the hands-on steps of a lesson block", () => {
  it("are the chosen ones in the order listed, by id or by number, or every hands-on step of the lesson", async () => {
    const { lessons } = await shippedCatalog();
    const namespace = lessons.find((loaded) => loaded.lesson.id === "global-namespace")?.lesson;
    if (!namespace) throw new Error("the global-namespace lesson ships");
    const chosen = blockHandsOnSteps(workshop.blocks[1]!, namespace);
    expect(chosen.map((step) => [step.number, step.id])).toEqual([
      [5, "freed-name"],
      [1, "claim-a-name"],
    ]);
    const whole = blockHandsOnSteps({ id: "all", lesson: "global-namespace", minutes: 12 }, namespace);
    expect(whole.map((step) => step.number)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(blockHandsOnSteps(workshop.blocks[0]!, namespace)).toEqual([]);
  });
});
