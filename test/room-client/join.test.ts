import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdtemp, readdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { joinRoom } from "../../src/room-client/join-room";
import { openRoomSession } from "../../src/room-client/open-session";
import { RoomJoinError } from "../../src/room-client/room-errors";
import { TinyRoom } from "./tiny-room";

const failure = async (promise: Promise<unknown>): Promise<RoomJoinError> => {
  try {
    await promise;
  } catch (error) {
    if (error instanceof RoomJoinError) return error;
    throw error;
  }
  throw new Error("expected the join to fail");
};

describe("joining a room", () => {
  let room: TinyRoom;
  beforeEach(async () => {
    room = new TinyRoom();
    await room.start();
  });
  afterEach(() => room.stop());

  const details = { code: "K7QF", name: "Ada", version: "1.0.0" };

  it("joins, and says the workshop and target the room sent", async () => {
    const { hello, response } = await joinRoom(room.address, { ...details, table: "3" });
    expect(hello.workshop.title).toBe("A tiny workshop");
    expect(response.participantId).toBe("p1");
    expect(room.joins).toEqual([{ protocol: 1, version: "1.0.0", code: "K7QF", name: "Ada", table: "3" }]);
  });

  it("says how to fix an address where nothing answers", async () => {
    await room.stop();
    const error = await failure(joinRoom(room.address, details));
    expect(error.message).toBe(`Could not reach the room at ${room.address} (ECONNREFUSED).`);
    expect(error.fix).toContain("the address the instructor printed");
    expect(error.fix).toContain("same Wi-Fi");
  });

  it("says when what answers is not a room", async () => {
    const other: Server = createServer((_request, response) => {
      response.writeHead(200, { "content-type": "application/json" });
      response.end(JSON.stringify({ service: "s3-tutor-sandbox", pid: 1 }));
    });
    await new Promise<void>((resolve) => other.listen(0, "127.0.0.1", resolve));
    const address = `127.0.0.1:${(other.address() as AddressInfo).port}`;
    try {
      const error = await failure(joinRoom(address, details));
      expect(error.message).toBe(`Something answered at ${address}, but it is not an s3-tutor room (it says it is "s3-tutor-sandbox").`);
    } finally {
      other.close();
    }
  });

  it.each([
    ["WrongCode", 'did not accept the code "K7QF"', "join code the instructor shows"],
    ["RoomFull", "is full", "make room"],
    ["RateLimited", "asked to slow down", "Wait a few seconds"],
  ] as const)("says what a %s refusal means", async (code, said, fix) => {
    room.refuseJoin = code;
    const error = await failure(joinRoom(room.address, details));
    expect(error.message).toContain(said);
    expect(error.fix).toContain(fix);
  });

  it("names both versions and the command to join with the room's", async () => {
    room.hello = { ...room.hello, protocol: 2, version: "2.3.0" };
    const error = await failure(joinRoom(room.address, details));
    expect(error.message).toBe("This room runs s3-tutor 2.3.0 (room protocol 2); you have s3-tutor 1.0.0 (protocol 1).");
    expect(error.fix).toBe(`Join with the room's version: npx s3-tutor@2.3.0 join ${room.address} --code K7QF`);
    expect(room.joins).toEqual([]);
  });

  it("says the same when the room refuses the join for the version", async () => {
    room.refuseJoin = "VersionMismatch";
    const error = await failure(joinRoom(room.address, details));
    expect(error.fix).toBe(`Join with the room's version: npx s3-tutor@9.9.9 join ${room.address} --code K7QF`);
  });
});

describe("the saved session", () => {
  let room: TinyRoom;
  let root: string;
  beforeEach(async () => {
    room = new TinyRoom();
    await room.start();
    root = await mkdtemp(join(tmpdir(), "rooms-"));
  });
  afterEach(() => room.stop());

  it("rejoins as the same participant, even with the room away, and joins afresh under another name", async () => {
    const first = await openRoomSession(room.address, { code: "K7QF", name: "Ada", version: "1.0.0" }, root);
    expect(first.rejoined).toBe(false);
    await room.stop();
    const again = await openRoomSession(room.address, { code: "K7QF", version: "1.0.0" }, root);
    expect(again.rejoined).toBe(true);
    expect(again.session.participantId).toBe(first.session.participantId);
    expect(again.session.token).toBe(first.session.token);

    await room.start();
    const renamed = await openRoomSession(room.address, { code: "K7QF", name: "Grace", version: "1.0.0" }, root);
    expect(renamed.rejoined).toBe(false);
    expect(renamed.session.name).toBe("Grace");
    expect(room.joins.map((request) => request.name)).toEqual(["Ada", "Grace"]);
    expect(await readdir(renamed.files.folder)).toContain("before-p1");
  });

  it("joins afresh, under the same name, when the room at the address no longer knows the token", async () => {
    const first = await openRoomSession(room.address, { code: "K7QF", name: "Ada", table: "3", version: "1.0.0" }, root);
    room.forgetEveryone();
    const again = await openRoomSession(room.address, { code: "K7QF", version: "1.0.0" }, root);
    expect(again.rejoined).toBe(false);
    expect(again.session.token).not.toBe(first.session.token);
    expect(room.joins.map((request) => [request.name, request.table])).toEqual([
      ["Ada", "3"],
      ["Ada", "3"],
    ]);
  });
});
