import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Outbox } from "../../src/room-client/outbox";
import { Sender } from "../../src/room-client/sender";
import { TinyRoom, until } from "./tiny-room";

const hint = (step: string) => ({ kind: "hint" as const, block: "b1", lesson: "l1", step, title: `Step ${step}` });

describe("the outbox", () => {
  let room: TinyRoom;
  let files: { events: string; acked: string };
  const senders: Sender[] = [];
  const sender = (outbox: Outbox) => {
    const made = new Sender(outbox, { baseUrl: `http://${room.address}`, token: "token-1", minDelayMs: 20, maxDelayMs: 200 });
    senders.push(made);
    made.start();
    return made;
  };

  beforeEach(async () => {
    const folder = await mkdtemp(join(tmpdir(), "outbox-"));
    files = { events: join(folder, "events.jsonl"), acked: join(folder, "acked.json") };
    room = new TinyRoom();
    await room.start();
    // A participant the room knows (token-1).
    await fetch(`http://${room.address}/_room/v1/join`, { method: "POST", body: JSON.stringify({ protocol: 1, version: "1", code: "K7QF", name: "Ada" }) });
  });
  afterEach(async () => {
    await Promise.all(senders.splice(0).map((made) => made.stop()));
    await room.stop();
  });

  it("keeps events recorded while the room is away across a restart of the client, and sends them once it is back", async () => {
    await room.stop();
    const first = await Outbox.open(files);
    const offline = sender(first);
    for (const step of ["1", "2", "3"]) first.record(hint(step));
    await until(() => offline.status.state === "waiting", "the sender to give up for now");
    expect(offline.status.message).toBe("room unreachable — your progress is kept and will be sent");
    await offline.stop();

    // A new run of the app: the events are on disk, none acknowledged.
    const second = await Outbox.open(files);
    expect(second.events.map((event) => event.seq)).toEqual([1, 2, 3]);
    expect(second.pending).toBe(3);
    await room.start();
    sender(second);
    await until(() => second.acknowledged === 3, "the room to acknowledge 3");
    expect([...room.kept.keys()]).toEqual([1, 2, 3]);
    expect(JSON.parse(await readFile(files.acked, "utf8"))).toEqual({ acknowledged: 3 });

    // The file is the participant's record: nothing is trimmed, and a third run has nothing to send.
    const third = await Outbox.open(files);
    expect(third.events).toHaveLength(3);
    expect(third.pending).toBe(0);
  });

  it("sends a batch again when its acknowledgement is lost, and after that only what is new", async () => {
    room.loseAcks = 1;
    const outbox = await Outbox.open(files);
    outbox.record(hint("1"));
    outbox.record(hint("2"));
    sender(outbox);
    await until(() => outbox.acknowledged === 2, "the room to acknowledge 2");
    expect(room.batches.map((batch) => batch.map((event) => event.seq))).toEqual([[1, 2], [1, 2]]);
    expect(room.kept.size).toBe(2);

    outbox.record(hint("3"));
    await until(() => outbox.acknowledged === 3, "the room to acknowledge 3");
    expect(room.batches.map((batch) => batch.map((event) => event.seq))).toEqual([[1, 2], [1, 2], [3]]);
  });

  it("sends at most 200 events in a batch, oldest first", async () => {
    const outbox = await Outbox.open(files);
    for (let index = 1; index <= 450; index++) outbox.record(hint(String(index)));
    await outbox.flush();
    sender(outbox);
    await until(() => outbox.acknowledged === 450, "the room to acknowledge 450");
    expect(room.batches.map((batch) => [batch[0]?.seq, batch.length])).toEqual([
      [1, 200],
      [201, 200],
      [401, 50],
    ]);
  });

  it("sends again from where the room is when it acknowledges less than it had", async () => {
    const outbox = await Outbox.open(files);
    for (const step of ["1", "2", "3"]) outbox.record(hint(step));
    const running = sender(outbox);
    await until(() => outbox.acknowledged === 3, "the room to acknowledge 3");
    // The room lost its tail (it should not, but the client does not rely on it).
    room.kept.delete(2);
    room.kept.delete(3);
    await outbox.acknowledge(1);
    running.kick(true);
    await until(() => room.acknowledged === 3 && outbox.acknowledged === 3, "the lost events to be sent again");
    expect(room.batches.at(-1)?.map((event) => event.seq)).toEqual([2, 3]);
  });

  it("numbers after the room's highest seq when this laptop lost its files", async () => {
    const outbox = await Outbox.open(files);
    await outbox.acknowledge(7);
    expect(outbox.record(hint("x")).event.seq).toBe(8);
  });

  it("drops a last line a crash cut short, and the next event starts on a line of its own", async () => {
    const first = { ...hint("1"), seq: 1, at: "2026-12-04T10:00:00.000Z" };
    await writeFile(files.events, `${JSON.stringify(first)}\n{"kind":"hint","seq":2,"at`, "utf8");
    const outbox = await Outbox.open(files);
    expect(outbox.events.map((event) => event.seq)).toEqual([1]);
    await outbox.record(hint("2")).saved;
    const lines = (await readFile(files.events, "utf8")).trim().split("\n").map((line) => JSON.parse(line) as { seq: number });
    expect(lines.map((line) => line.seq)).toEqual([1, 2]);
  });
});
