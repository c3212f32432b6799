import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openRoomSession } from "../../src/room-client/open-session";
import { RoomConnection } from "../../src/room-client/room-connection";
import { TinyRoom, until } from "./tiny-room";

describe("the link to the room", () => {
  let room: TinyRoom;
  let connection: RoomConnection | undefined;
  beforeEach(async () => {
    room = new TinyRoom();
    await room.start();
  });
  afterEach(async () => {
    await connection?.close();
    await room.stop();
  });

  const connect = async (idleMs?: number) => {
    const root = await mkdtemp(join(tmpdir(), "rooms-"));
    const opened = await openRoomSession(room.address, { code: "K7QF", name: "Ada", version: "1.0.0" }, root);
    connection = await RoomConnection.open(opened.session, opened.files, opened.pacing, { minDelayMs: 20, maxDelayMs: 200, ...(idleMs ? { idleMs } : {}) });
    return connection;
  };

  it("opens a stream that went silent again, without telling the participant the room is gone", async () => {
    const link = await connect(150);
    await until(() => link.link.connected, "the stream to connect");
    const seen: boolean[] = [];
    link.subscribe(() => seen.push(link.link.connected));
    // The tiny room says nothing after its first comment: the client takes the stream as dead.
    await until(() => room.streamsOpened >= 3, "the stream to be opened again");
    expect(seen).not.toContain(false);
    room.setPacing({ ...room.pacing, openBlocks: ["intro", "later"] });
    await until(() => link.link.pacing.openBlocks.includes("later"), "the pacing on the new stream");
  });

  it("hears the instructor open a block and start the exam, and reports activities", async () => {
    const link = await connect();
    await until(() => link.link.connected, "the stream to connect");
    room.setPacing({ ...room.pacing, openBlocks: ["intro", "names"], messages: [{ id: 1, at: "2026-12-04T09:10:00.000Z", text: "Ten minutes left" }] });
    await until(() => link.link.pacing.openBlocks.length === 2, "the new pacing");
    expect(link.link.pacing.messages.map((message) => message.text)).toEqual(["Ten minutes left"]);
    link.report({ kind: "blockEntered", block: "names" });
    await until(() => room.kept.size === 1, "the event to arrive");
    expect(room.kept.get(1)).toMatchObject({ kind: "blockEntered", block: "names", seq: 1 });
    // Once the answer is back, nothing is left to send.
    await until(() => link.link.send.pending === 0, "the acknowledgement");
    expect(link.link.message).toBe("connected");
  });

  it("says the room is away while it is, keeps working, and catches up when it is back", async () => {
    const link = await connect();
    await until(() => link.link.connected, "the stream to connect");
    await room.stop();
    await until(() => !link.link.connected, "the link to notice");
    link.report({ kind: "blockEntered", block: "intro" });
    link.report({ kind: "hint", block: "intro", lesson: "l", step: "1", title: "One" });
    await until(() => link.link.message.endsWith("your progress is kept and will be sent"), "the status to say so");
    expect(link.link.message).toMatch(/^room unreachable/);

    room.pacing = { ...room.pacing, exam: { block: "exam", startedAt: "2026-12-04T10:00:00.000Z" } };
    await room.start();
    await until(() => room.acknowledged === 2 && link.link.connected, "the link to catch up");
    // The exam started while the room was away from this laptop: GET me on reconnect brings it.
    expect(link.link.pacing.exam?.block).toBe("exam");
    expect(room.batches.flat().filter((event) => event.seq === 1).length).toBeGreaterThanOrEqual(1);
    expect([...room.kept.keys()]).toEqual([1, 2]);
  });
});
