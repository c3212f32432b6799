import { appendFile } from "node:fs/promises";
import { join } from "node:path";
import { CreateBucketCommand, GetObjectCommand, PutObjectCommand, S3ServiceException } from "@aws-sdk/client-s3";
import { describe, expect, it } from "vitest";
import { ROOM_PATHS, type EventAck, type ParticipantView } from "../../src/room/protocol";
import type { RoomSnapshot } from "../../src/room/room-state";
import { at, events, place } from "./helpers/events";
import { call, joinRoom, roomDir, roomIdentities, s3As } from "./helpers/room-api";
import { cleanedAfterEach } from "./helpers/room-process";

const rooms = cleanedAfterEach();

describe("the room after kill -9", () => {
  it("comes back with the same code, tokens, progress and buckets", { timeout: 90_000 }, async () => {
    const dir = await roomDir();
    rooms.dirs.push(dir);
    const first = await rooms.start(dir);
    const ada = (await joinRoom(first.endpoint, first.code, "Ada")).body;
    const adaKeys = roomIdentities(ada);
    const adaS3 = s3As(first.endpoint, adaKeys.default);
    await adaS3.send(new CreateBucketCommand({ Bucket: "ada-kept" }));
    await adaS3.send(new PutObjectCommand({ Bucket: "ada-kept", Key: "note.txt", Body: "still here" }));
    expect((await call<EventAck>(first.endpoint, ROOM_PATHS.events, { token: ada.token, body: { events } })).body).toEqual({ acknowledged: 4 });

    expect((await rooms.kill(first)).signal).toBe("SIGKILL");
    // As if the kill had come in the middle of writing a record.
    await appendFile(join(dir, "room.jsonl"), '{"type":"event","at":"2026-12-04T10:00:01.000Z","partic');

    const second = await rooms.start(dir);
    expect(second.code).toBe(first.code);
    expect(second.instructorToken).toBe(first.instructorToken);
    expect(second.output()).toMatch(/NOTICE The room's log ended in a record cut short/);

    // The participant reconnects with the token they had.
    const me = await call<ParticipantView>(second.endpoint, ROOM_PATHS.me, { token: ada.token });
    expect(me.status).toBe(200);
    expect(me.body.acknowledged).toBe(4);
    const snapshot = (await call<RoomSnapshot>(second.endpoint, ROOM_PATHS.state, { token: second.instructorToken })).body;
    expect(snapshot.participants).toHaveLength(1);
    expect(snapshot.participants[0]).toMatchObject({ name: "Ada", lastSeq: 4, passedSteps: ["bucket-names/create"], checksFailed: 1 });
    // Resending after the restart changes nothing; new events carry on.
    const resent = await call<EventAck>(second.endpoint, ROOM_PATHS.events, {
      token: ada.token,
      body: { events: [...events, { seq: 5, at, kind: "hint", ...place }] },
    });
    expect(resent.body).toEqual({ acknowledged: 5 });

    // The room sandbox kept Ada's bucket, her keys still sign, and the name is still hers.
    const adaAgain = s3As(second.endpoint, adaKeys.default);
    const object = await adaAgain.send(new GetObjectCommand({ Bucket: "ada-kept", Key: "note.txt" }));
    expect(await object.Body?.transformToString()).toBe("still here");
    const bob = roomIdentities((await joinRoom(second.endpoint, second.code, "Bob")).body);
    const taken = await s3As(second.endpoint, bob.default).send(new CreateBucketCommand({ Bucket: "ada-kept" })).catch((error: unknown) => error);
    expect(taken).toBeInstanceOf(S3ServiceException);
    expect((taken as S3ServiceException).name).toBe("BucketAlreadyExists");
  });
});
