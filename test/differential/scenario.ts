import type { Capability } from "../../src/content/schema/lesson";
import type { Scratch } from "./scenario-kit";

/** A column of docs/targets.md: real AWS (as s3-facts.md tells it), then what runs here. */
export type Column = "aws" | "sandbox" | "localstack" | "moto";

export interface Scenario {
  id: string;
  /** The table's section, e.g. "Bucket names". */
  group: string;
  /** What is tried, as a row of the table. */
  title: string;
  /** This row is what a target's capability promises (src/content/schema/lesson.ts). */
  capability?: Capability;
  /** Does it through the real SDK and tells the outcome in a few words ("409 BucketAlreadyExists"). */
  run(scratch: Scratch): Promise<string>;
  /**
   * The outcome each column shows. `aws` is what AWS answers (reference/s3-facts.md); the sandbox
   * must answer the same unless `sandbox` says otherwise; LocalStack and moto as observed, so an
   * upgrade that changes them fails the suite and the table is updated on purpose.
   */
  expected: { aws: string; sandbox?: string; localstack: string; moto: string };
  /** Footnotes for the table: why a column answers as it does. */
  notes?: Partial<Record<Column, string>>;
}

export const expectedFor = (scenario: Scenario, column: Column): string =>
  column === "sandbox" ? (scenario.expected.sandbox ?? scenario.expected.aws) : scenario.expected[column];

/** The home region of every scenario and a second one, as the lessons use them. */
export const HOME = "eu-west-1";
export const ELSEWHERE = "us-west-2";
