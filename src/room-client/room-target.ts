import type { ParticipantTarget } from "../room/protocol";
import { createTarget } from "../targets/create-target";
import type { TargetOptions } from "../targets/options";
import { sandboxTarget } from "../targets/sandbox-target";
import type { Target } from "../targets/target";
import { DEFAULT_IDENTITY, OTHER_IDENTITY } from "../targets/target";

/** How the app's target session is made for a participant: the options it shows, and how it creates the target. */
export interface ParticipantTargetChoice {
  options: TargetOptions;
  create: (options: TargetOptions) => Promise<Target>;
}

/**
 * Where a participant's hands-on steps run, as the room said: the room's sandbox at the joined
 * address as their own two accounts, or their own sandbox, LocalStack or AWS with the room's
 * prefix and region.
 */
export const participantTarget = (target: ParticipantTarget, roomBaseUrl: string): ParticipantTargetChoice => {
  const shared = { region: target.region, prefix: target.prefix };
  switch (target.kind) {
    case "room":
      return {
        options: { target: "sandbox", label: "room sandbox", endpoint: roomBaseUrl, ...shared },
        create: async () =>
          sandboxTarget({
            ...shared,
            otherRegion: target.otherRegion,
            source: { kind: "external", endpoint: roomBaseUrl },
            identities: { [DEFAULT_IDENTITY]: target.identities.default, [OTHER_IDENTITY]: target.identities.other },
          }),
      };
    case "own":
      return { options: { target: "sandbox", sandbox: "learner", ...shared }, create: createTarget };
    case "localstack":
      return { options: { target: "localstack", ...shared }, create: createTarget };
    case "aws":
      return { options: { target: "aws", ...shared }, create: createTarget };
  }
};
