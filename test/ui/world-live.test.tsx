import { Text } from "ink";
import { render } from "ink-testing-library";
import { afterEach, describe, expect, it } from "vitest";
import type { Target } from "../../src/targets/target";
import type { WorldSnapshot } from "../../src/targets/world/world-snapshot";
import type { ActionResult, PhaseResult } from "../../src/handson/results";
import { takenNamesIn } from "../../src/ui/hooks/taken-names";
import { useWorld, type WorldReader } from "../../src/ui/hooks/use-world";
import { scriptedWorld } from "./world-fixture";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until `check` holds (a loaded machine is slow), failing after `timeoutMs`. */
const until = async (check: () => boolean, what: string, timeoutMs = 3_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`never: ${what}`);
    await sleep(5);
  }
};
const fakeTarget = {} as Target;
const ready = () => Promise.resolve(fakeTarget);

/** A reader that counts its reads, how many run at once, and takes `ms` each. */
const slowReader = (ms: number, worlds: WorldSnapshot[]) => {
  const seen = { reads: 0, running: 0, mostAtOnce: 0 };
  const read: WorldReader = async () => {
    seen.reads++;
    seen.running++;
    seen.mostAtOnce = Math.max(seen.mostAtOnce, seen.running);
    await sleep(ms);
    seen.running--;
    return worlds[Math.min(seen.reads - 1, worlds.length - 1)] as WorldSnapshot;
  };
  return { read, seen };
};

const Probe = ({ active, read, everyMs, takenNames }: { active: boolean; read: WorldReader; everyMs: number; takenNames?: string[] }) => {
  const world = useWorld(ready, active, { read, everyMs, ...(takenNames ? { takenNames } : {}) });
  return <Text>{world.error ? `error: ${world.error}` : world.snapshot ? `read at ${world.snapshot.at}` : "nothing yet"}</Text>;
};

const mounted: { unmount: () => void }[] = [];
afterEach(() => {
  for (const instance of mounted.splice(0)) instance.unmount();
});

describe("useWorld", () => {
  it("reads at once and again each period, one read at a time, while shown; none once hidden or unmounted", async () => {
    const { read, seen } = slowReader(10, [scriptedWorld("pending"), scriptedWorld("completed")]);
    const instance = render(<Probe active read={read} everyMs={40} />);
    mounted.push(instance);
    await until(() => instance.lastFrame() === "read at 2026-12-05T03:10:00.000Z", "the first read shown");
    await until(() => instance.lastFrame() === "read at 2026-12-05T03:10:01.000Z", "the second read shown");
    instance.rerender(<Probe active={false} read={read} everyMs={40} />);
    await until(() => seen.running === 0, "the read under way done");
    const whenHidden = seen.reads;
    await sleep(150);
    expect(seen.reads).toBe(whenHidden);
    instance.rerender(<Probe active read={read} everyMs={40} />);
    await until(() => seen.reads > whenHidden, "a read once shown again");
    instance.unmount();
    await until(() => seen.running === 0, "the read under way done");
    const whenGone = seen.reads;
    await sleep(150);
    expect(seen.reads).toBe(whenGone);
    expect(seen.mostAtOnce).toBe(1);
  });

  it("a read slower than the period delays the next instead of overlapping it", async () => {
    const { read, seen } = slowReader(120, [scriptedWorld("pending")]);
    const started = Date.now();
    const instance = render(<Probe active read={read} everyMs={20} />);
    mounted.push(instance);
    await until(() => seen.reads >= 3, "three reads made");
    const elapsed = Date.now() - started;
    expect(seen.mostAtOnce).toBe(1);
    // Each read takes at least 120 ms and the next waits for it: one read per 120 ms at most, however
    // slow the machine, never one per 20 ms as a timer that does not wait would start them.
    expect(seen.reads).toBeLessThanOrEqual(Math.floor(elapsed / 120) + 1);
  });

  it("a failed read is said, and the next read is still made", async () => {
    let calls = 0;
    const read: WorldReader = async () => {
      calls++;
      if (calls === 1) throw new Error("ListBuckets: AccessDenied");
      return scriptedWorld("completed");
    };
    const instance = render(<Probe active read={read} everyMs={30} />);
    mounted.push(instance);
    await until(() => instance.lastFrame() === "error: ListBuckets: AccessDenied", "the failure said");
    await until(() => instance.lastFrame() === "read at 2026-12-05T03:10:01.000Z", "the next read shown");
  });
});

const createBucket = (bucket: string, identity: string, code?: string): ActionResult => ({
  action: { call: "s3:CreateBucket", input: { Bucket: bucket } },
  service: "s3",
  operation: "CreateBucket",
  identity,
  region: "eu-west-1",
  headers: {},
  ...(code ? { error: { code, message: code, status: 409 } } : {}),
  items: [],
  pass: true,
  attempts: 1,
  durationMs: 1,
});

describe("taken names", () => {
  it("are the names the learner asked for that answered BucketAlreadyExists, not another identity's nor their own", () => {
    const results: PhaseResult[] = [
      {
        phase: "solve",
        pass: true,
        actions: [
          createBucket("commoncrawl", "default", "BucketAlreadyExists"),
          createBucket("s3t-k3j9-claim", "other", "BucketAlreadyExists"),
          createBucket("s3t-k3j9-mine", "default", "BucketAlreadyOwnedByYou"),
          createBucket("s3t-k3j9-new", "default"),
        ],
      },
    ];
    expect(takenNamesIn(results)).toEqual(["commoncrawl"]);
  });

  it("reach the reader, and a new one reads again at once", async () => {
    const asked: (readonly string[] | undefined)[] = [];
    const read: WorldReader = async (_target, options) => {
      asked.push(options.takenNames);
      return scriptedWorld("pending");
    };
    const instance = render(<Probe active read={read} everyMs={10_000} />);
    mounted.push(instance);
    await until(() => asked.length === 1, "the first read");
    instance.rerender(<Probe active read={read} everyMs={10_000} takenNames={["commoncrawl"]} />);
    await until(() => asked.length === 2, "a read at once with the name");
    expect(asked).toEqual([undefined, ["commoncrawl"]]);
  });
});
