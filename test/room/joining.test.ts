import { describe, expect, it } from "vitest";
import { ROOM_PATHS, type HelloResponse, type RoomErrorBody } from "../../src/room/protocol";
import { call, joinRoom, roomIdentities, startTestRoom } from "./helpers/room-api";
import { testWorkshop } from "./helpers/workshop";

describe("joining the room", () => {
  it("says who it is to anyone, for the pre-flight", async () => {
    const room = await startTestRoom();
    const hello = await call<HelloResponse>(room.endpoint, ROOM_PATHS.hello);
    expect(hello.status).toBe(200);
    expect(hello.body).toMatchObject({ service: "s3-tutor-room", protocol: 1, workshop: { id: "names-and-regions" } });
    expect(Math.abs(Date.parse(hello.body.serverTime) - Date.now())).toBeLessThan(60_000);
  });

  it("lets in whoever has the code, typed in any case and with spaces", async () => {
    const room = await startTestRoom();
    const typed = ` ${room.code.slice(0, 2).toLowerCase()} ${room.code.slice(2)} `;
    const joined = await joinRoom(room.endpoint, typed, "Ada Lovelace", { table: "3" });
    expect(joined.status).toBe(200);
    expect(joined.body).toMatchObject({ name: "Ada Lovelace", table: "3", workshop: testWorkshop().definition });
    expect(joined.body.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const identities = roomIdentities(joined.body);
    expect(identities.default.account).toMatch(/^\d{12}$/);
    expect(identities.other.account).toMatch(/^\d{12}$/);
    expect(identities.other.account).not.toBe(identities.default.account);
    expect(identities.default.accessKeyId).toMatch(/^AKIA[A-Z2-7]{16}$/);
    expect(identities.default.secretAccessKey).toHaveLength(40);
    expect(joined.body.target.prefix).toMatch(/^ada-lovelace-[a-z0-9]{4}$/);
    expect(joined.body.pacing.openBlocks).toEqual(["namespace"]);
    expect(room.state.participants.get(joined.body.participantId)?.name).toBe("Ada Lovelace");
  });

  it("refuses a wrong code with WrongCode", async () => {
    const room = await startTestRoom();
    const wrong = room.code === "AAAA" ? "BBBB" : "AAAA";
    const refused = await joinRoom(room.endpoint, wrong, "Mallory");
    expect(refused.status).toBe(403);
    expect((refused.body as unknown as RoomErrorBody).error.code).toBe("WrongCode");
    expect(room.state.participants.size).toBe(0);
  });

  it("refuses a join past the workshop's seats with RoomFull", async () => {
    const room = await startTestRoom({ workshop: testWorkshop({ maxParticipants: 2 }) });
    const answers = await Promise.all(["A", "B", "C", "D"].map((name) => joinRoom(room.endpoint, room.code, name)));
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 200, 409, 409]);
    const full = answers.find((answer) => answer.status === 409)?.body as unknown as RoomErrorBody;
    expect(full.error).toEqual({ code: "RoomFull", message: "The room is full (2 participants). Ask the instructor." });
    expect(room.state.participants.size).toBe(2);
  });

  it("tells an older s3-tutor to update, naming both versions", async () => {
    const room = await startTestRoom({ version: "0.4.0" });
    const refused = await joinRoom(room.endpoint, room.code, "Old Laptop", { protocol: 0, version: "0.2.1" });
    expect(refused.status).toBe(426);
    const error = (refused.body as unknown as RoomErrorBody).error;
    expect(error.code).toBe("VersionMismatch");
    expect(error.message).toContain("s3-tutor 0.4.0");
    expect(error.message).toContain("s3-tutor 0.2.1");
    expect(error.message).toContain("npm install -g s3-tutor@0.4.0");
  });

  it("refuses names that are empty, too long or not printable, saying which field", async () => {
    const room = await startTestRoom();
    for (const name of ["", "   ", "x".repeat(41), "bell\u0007", "two\nlines"]) {
      const refused = await joinRoom(room.endpoint, room.code, name);
      expect(refused.status).toBe(400);
      expect((refused.body as unknown as RoomErrorBody).error.message).toMatch(/^Bad join request: name: /);
    }
    expect((await joinRoom(room.endpoint, room.code, "Zoë 🙂 de la Cruz")).status).toBe(200);
  });

  it("refuses a join body over 16 KiB with TooLarge", async () => {
    const room = await startTestRoom();
    const refused = await joinRoom(room.endpoint, room.code, "Big", { table: "t".repeat(17 * 1024) });
    expect(refused.status).toBe(413);
    expect((refused.body as unknown as RoomErrorBody).error).toEqual({ code: "TooLarge", message: "The request body is larger than the room accepts (16 KiB)." });
  });

  it("makes the same name joining twice a second participant, with its own accounts", async () => {
    const room = await startTestRoom();
    const first = await joinRoom(room.endpoint, room.code, "Alex");
    const second = await joinRoom(room.endpoint, room.code, "Alex");
    expect(second.body.participantId).not.toBe(first.body.participantId);
    expect(roomIdentities(second.body).default.account).not.toBe(roomIdentities(first.body).default.account);
    expect(second.body.target.prefix).not.toBe(first.body.target.prefix);
  });

  it("gives participants the workshop's own target when it is not the room's sandbox", async () => {
    const room = await startTestRoom({ workshop: testWorkshop({ target: "aws", region: "eu-central-1" }) });
    const joined = await joinRoom(room.endpoint, room.code, "Grace");
    expect(joined.body.target).toEqual({ kind: "aws", region: "eu-central-1", otherRegion: "eu-west-1", prefix: expect.stringMatching(/^grace-[a-z0-9]{4}$/) });
  });
});
