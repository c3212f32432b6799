import type { Target } from "../../src/targets/target";

/** A target for code views: fixed names and endpoint, and no calls. */
export const stubTarget = (overrides: Partial<Target> = {}): Target => ({
  name: "sandbox",
  capabilities: new Set(["secondAccount", "replication", "regionRedirect"]),
  region: "eu-west-1",
  otherRegion: "us-west-2",
  prefix: "s3t",
  endpoint: "http://127.0.0.1:4567",
  identities: ["default", "other"],
  preflight: async () => undefined,
  account: async (identity) => (identity === "other" ? "444455556666" : "111122223333"),
  client: async () => {
    throw new Error("the stub target makes no calls");
  },
  cliEnvironment: (identity) => ({ AWS_ACCESS_KEY_ID: identity === "other" ? "444455556666" : "111122223333", AWS_SECRET_ACCESS_KEY: "test" }),
  beforeCall: async () => undefined,
  afterCall: async () => undefined,
  close: async () => undefined,
  ...overrides,
});
