import { readFile, rm, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOM_PATHS, type RoomLogRecord } from "../../src/room/protocol";
import { readRoomLog, RoomLogCorruptError, RoomLogWriter } from "../../src/room/room-log";
import { RoomInUseError, RoomListenError, RoomWorkshopMismatchError, startRoom } from "../../src/room/room";
import { call, roomDir, startTestRoom } from "./helpers/room-api";
import { testWorkshop } from "./helpers/workshop";

const pacing = (text: string): RoomLogRecord => ({ type: "pacing", at: "2026-12-04T10:00:00.000Z", command: { kind: "broadcast", text } });

describe("the room's log", () => {
  it("groups appends that arrive together into whole lines, in order, each seen once written", async () => {
    const dir = await roomDir();
    const file = join(dir, "room.jsonl");
    const seen: string[] = [];
    const writer = await RoomLogWriter.open(file, (records) => seen.push(...records.map((record) => (record.type === "pacing" && record.command.kind === "broadcast" ? record.command.text : "?"))));
    await Promise.all(Array.from({ length: 50 }, (_, index) => writer.append([pacing(`m${index}`), pacing(`n${index}`)])));
    await writer.close();
    const expected = Array.from({ length: 50 }, (_, index) => [`m${index}`, `n${index}`]).flat();
    expect(seen).toEqual(expected);
    const read = await readRoomLog(file);
    expect(read.records).toHaveLength(100);
    expect(read.wholeBytes).toBe(read.fileBytes);
    await rm(dir, { recursive: true, force: true });
  });

  it("leaves out a torn last line, and refuses a damaged line in the middle naming it", async () => {
    const dir = await roomDir();
    const file = join(dir, "room.jsonl");
    const whole = `${JSON.stringify(pacing("a"))}\n${JSON.stringify(pacing("b"))}\n`;
    await writeFile(file, `${whole}{"type":"pac`);
    const torn = await readRoomLog(file);
    expect(torn.records).toHaveLength(2);
    expect(torn.wholeBytes).toBe(Buffer.byteLength(whole));
    await writeFile(file, `${JSON.stringify(pacing("a"))}\nnot json\n${JSON.stringify(pacing("b"))}\n`);
    await expect(readRoomLog(file)).rejects.toThrow(RoomLogCorruptError);
    await expect(readRoomLog(file)).rejects.toThrow(/room\.jsonl:2: this line is not a room record/);
    await rm(dir, { recursive: true, force: true });
  });
});

describe("the room's folder", () => {
  it("serves one room at a time", async () => {
    const room = await startTestRoom();
    await expect(startRoom({ workshop: testWorkshop(), dataDir: room.dataDir, port: 0 })).rejects.toThrow(RoomInUseError);
    // The room that holds it is untouched.
    expect((await call(room.endpoint, ROOM_PATHS.hello)).status).toBe(200);
  });

  it("says so plainly when its port is taken", async () => {
    const room = await startTestRoom();
    const dir = await roomDir();
    await expect(startRoom({ workshop: testWorkshop(), dataDir: dir, port: room.sandbox.port })).rejects.toThrow(
      new RoomListenError("127.0.0.1", room.sandbox.port, "EADDRINUSE"),
    );
    // The folder is free again for a room on another port.
    const other = await startTestRoom({ dataDir: dir });
    expect((await call(other.endpoint, ROOM_PATHS.hello)).status).toBe(200);
  });

  it("belongs to one workshop", async () => {
    const first = await startRoom({ workshop: testWorkshop(), dataDir: await roomDir(), port: 0 });
    await first.close();
    await expect(startRoom({ workshop: testWorkshop({ id: "other-workshop" }), dataDir: first.dataDir, port: 0 })).rejects.toThrow(RoomWorkshopMismatchError);
    await rm(first.dataDir, { recursive: true, force: true });
  });

  it("keeps the instructor token readable by its owner only, and replaces a lost one", async () => {
    const notices: string[] = [];
    const first = await startRoom({ workshop: testWorkshop(), dataDir: await roomDir(), port: 0 });
    const tokenFile = join(first.dataDir, "instructor-token");
    expect((await readFile(tokenFile, "utf8")).trim()).toBe(first.instructorToken);
    if (process.platform !== "win32") {
      expect((await stat(tokenFile)).mode & 0o777).toBe(0o600);
      expect((await stat(join(first.dataDir, "room.jsonl"))).mode & 0o777).toBe(0o600);
    }
    await first.close();
    await rm(tokenFile);
    const second = await startTestRoom({ dataDir: first.dataDir, onNotice: (text) => notices.push(text) });
    expect(second.code).toBe(first.code);
    expect(second.instructorToken).not.toBe(first.instructorToken);
    expect(notices).toEqual([expect.stringContaining("a new one was made there")]);
    expect((await call(second.endpoint, ROOM_PATHS.state, { token: first.instructorToken })).status).toBe(401);
    expect((await call(second.endpoint, ROOM_PATHS.state, { token: second.instructorToken })).status).toBe(200);
  });
});
