import type { ParticipantEvent } from "../../../src/room/protocol";

export const at = "2026-12-04T10:00:00.000Z";
export const place = { block: "namespace", lesson: "bucket-names", step: "create", title: "Create your bucket" };

/** A participant's first four events: into the block and the step, a failed check, then a passed one. */
export const events: ParticipantEvent[] = [
  { seq: 1, at, kind: "blockEntered", block: "namespace" },
  { seq: 2, at, kind: "stepEntered", ...place },
  { seq: 3, at, kind: "checkFailed", ...place, failed: [{ expectation: "bucket acme-data exists", reason: "BucketAlreadyExists" }] },
  { seq: 4, at, kind: "checkPassed", ...place },
];
