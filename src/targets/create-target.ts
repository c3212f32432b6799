import type { TargetOptions } from "./options";
import { EMULATOR_REGION, otherRegionFor, US_EAST_1 } from "./regions";
import { learnerSandboxEndpoint } from "./learner-sandbox";
import { sandboxTarget, type SandboxSource } from "./sandbox-target";
import { validatePrefix } from "./session-prefix";
import { TargetError, type Target } from "./target";

/**
 * The target the options name. LocalStack and AWS load their code (and the SDK) only when
 * chosen; nothing connects until the first client or pre-flight.
 */
export const createTarget = async (options: TargetOptions): Promise<Target> => {
  if (options.region === US_EAST_1) {
    throw new TargetError(
      "Lessons need a home region other than us-east-1, whose CreateBucket rules differ.",
      "Pass another --region, e.g. --region eu-west-1. The steps about us-east-1 name it themselves.",
    );
  }
  switch (options.target) {
    case "sandbox": {
      // Sandboxes hold nobody else's resources: a fixed prefix keeps names (and reports) stable.
      const region = options.region ?? EMULATOR_REGION;
      return sandboxTarget({
        region,
        otherRegion: otherRegionFor(region),
        ...(options.prefix !== undefined ? { prefix: validatePrefix(options.prefix) } : {}),
        ...(options.replicationDelay !== undefined ? { replicationDelay: options.replicationDelay } : {}),
        source: await sandboxSource(options),
      });
    }
    case "localstack": {
      const { localstackTarget } = await import("./localstack-target");
      return localstackTarget(options);
    }
    case "aws": {
      const { awsTarget } = await import("./aws-target");
      return awsTarget(options);
    }
  }
};

/** --endpoint names a sandbox running elsewhere; else the learner's own, or a fresh one (the default). */
const sandboxSource = async (options: TargetOptions): Promise<SandboxSource> => {
  if (options.endpoint) return { kind: "external", endpoint: options.endpoint };
  if (options.sandbox !== "learner") return { kind: "ephemeral" };
  const { endpoint } = await learnerSandboxEndpoint(options.onNotice);
  return { kind: "learner", endpoint, ...(options.onNotice ? { onNotice: options.onNotice } : {}) };
};
