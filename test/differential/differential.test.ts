import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { peerEndpoint } from "./peer-endpoints";
import { LOCALSTACK_VERSION } from "./peer-versions";
import { Scratch } from "./scenario-kit";
import { expectedFor } from "./scenario";
import { SCENARIOS } from "./scenarios";
import { localstackSubject, motoSubject, sandboxSubject, type Subject, type SubjectName } from "./subjects";

/**
 * The same scenarios against the sandbox, LocalStack and moto, through the real SDK. Each
 * outcome must be the one docs/targets.md shows for that column: the sandbox as AWS answers,
 * the emulators as they were seen to answer (so an upgrade that changes them is noticed).
 */

const localstack = peerEndpoint("localstack");
const moto = peerEndpoint("moto");

const columns: { name: SubjectName; skipped: string; start: () => Promise<Subject> }[] = [
  { name: "sandbox", skipped: "", start: sandboxSubject },
  { name: "localstack", skipped: localstack.reason, start: async () => localstackSubject(localstack.endpoint ?? "") },
  { name: "moto", skipped: moto.reason, start: async () => motoSubject(moto.endpoint ?? "") },
];

describe.skipIf(!localstack.endpoint)("the LocalStack that answers", () => {
  it(`is ${LOCALSTACK_VERSION}, the version LocalStack's column was observed on`, async () => {
    const health = (await (await fetch(`${localstack.endpoint}/_localstack/health`)).json()) as { version?: string };
    expect(health.version).toBe(LOCALSTACK_VERSION);
  });
});

for (const column of columns) {
  describe.skipIf(column.skipped !== "")(`${column.name}${column.skipped ? ` (skipped: ${column.skipped})` : ""}`, () => {
    let subject: Subject | undefined;
    beforeAll(async () => {
      subject = await column.start();
    });
    afterAll(async () => {
      await subject?.close();
    });

    for (const scenario of SCENARIOS) {
      it(`${scenario.group}: ${scenario.title}`, { timeout: 40_000 }, async () => {
        if (!subject) throw new Error(`${column.name} did not start`);
        const scratch = new Scratch(subject);
        try {
          const outcome = await scenario.run(scratch);
          expect(outcome, `${scenario.id} on ${column.name} (if this is a real change, update its expectation and run npm run targets-doc)`).toBe(
            expectedFor(scenario, column.name),
          );
        } finally {
          await scratch.clear();
        }
      });
    }
  });
}
