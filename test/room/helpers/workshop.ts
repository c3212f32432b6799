import type { RoomWorkshop } from "../../../src/room/room-workshop";
import type { ReportWorkshop } from "../../../src/room/report/report-types";

/** A small workshop for room tests: two blocks and an exam, on the room's sandbox. */
export const testWorkshop = (overrides: Partial<RoomWorkshop> = {}): RoomWorkshop => ({
  id: "names-and-regions",
  title: "Names and Regions",
  target: "room",
  region: "us-east-1",
  otherRegion: "eu-west-1",
  blocks: [
    { id: "namespace", minutes: 20 },
    { id: "replication", minutes: 30 },
    { id: "exam", minutes: 15, exam: true },
  ],
  definition: { id: "names-and-regions", title: "Names and Regions", blocks: ["namespace", "replication", "exam"] },
  ...overrides,
});

/** The test workshop's blocks and hands-on steps, as the projector page's heat map takes them (`startRoom({ pageWorkshop })`). */
export const testPageWorkshop = (): ReportWorkshop => ({
  id: "names-and-regions",
  title: "Names and Regions",
  blocks: [
    { id: "namespace", title: "One namespace", kind: "lesson", steps: ["bucket-names/create", "bucket-names/collide"] },
    { id: "exam", title: "Exam", kind: "exam" },
  ],
});
