/**
 * A room in a process of its own, for the kill -9 test: node --import tsx test/room/helpers/start-room.ts <dir>
 * Prints one line "ROOM {endpoint, code, instructorToken}" once it serves, and "NOTICE <text>" for its notices.
 * S3_TUTOR_ROOM_TEST_LIMITS (JSON, part of RoomLimits) changes its limits.
 */
import type { RoomLimits } from "../../../src/room/rate-limit";
import { startRoom } from "../../../src/room/room";
import { testWorkshop } from "./workshop";

const dir = process.argv[2];
if (!dir) throw new Error("usage: start-room.ts <room dir>");
const room = await startRoom({
  workshop: testWorkshop(),
  dataDir: dir,
  port: 0,
  limits: JSON.parse(process.env.S3_TUTOR_ROOM_TEST_LIMITS ?? "{}") as Partial<RoomLimits>,
  onNotice: (text) => process.stdout.write(`NOTICE ${text}\n`),
});
process.stdout.write(`ROOM ${JSON.stringify({ endpoint: room.endpoint, code: room.code, instructorToken: room.instructorToken })}\n`);
process.on("SIGTERM", () => void room.close().then(() => process.exit(0)));
