import type { TargetOptions } from "./options";
import { otherRegionFor, US_EAST_1 } from "./regions";
import { sandboxTarget } from "./sandbox-target";
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
      // A fresh, empty sandbox every run: a fixed prefix keeps names (and reports) stable.
      const region = options.region ?? "eu-west-1";
      return sandboxTarget({
        region,
        otherRegion: otherRegionFor(region),
        ...(options.prefix !== undefined ? { prefix: validatePrefix(options.prefix) } : {}),
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
