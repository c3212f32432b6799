import type { RoomWorkshop } from "../../../src/room/room-workshop";

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
