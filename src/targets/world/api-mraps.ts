import { describeFault } from "../sdk-faults";
import { DEFAULT_IDENTITY, type Target } from "../target";
import type { WorldMrap } from "./world-snapshot";

/** S3 Control's Multi-Region Access Point requests are served from us-west-2 only. */
const MRAP_CONTROL_REGION = "us-west-2";

interface ListedMrap {
  Name?: string;
  Status?: string;
  Regions?: { Bucket?: string; Region?: string }[];
}

/** The learner's Multi-Region Access Points (S3 Control ListMultiRegionAccessPoints, every page); a failure is a line in `unseen`. */
export const readMraps = async (target: Target, unseen: string[]): Promise<WorldMrap[]> => {
  if (!target.capabilities.has("multiRegionAccessPoints")) {
    unseen.push(`Multi-Region Access Points: not read on the ${target.name} target (s3-tutor does not use them there).`);
    return [];
  }
  try {
    const { ListMultiRegionAccessPointsCommand } = await import("@aws-sdk/client-s3-control");
    const control = await target.client("s3control", DEFAULT_IDENTITY, MRAP_CONTROL_REGION);
    const AccountId = await target.account(DEFAULT_IDENTITY);
    const found: WorldMrap[] = [];
    let token: string | undefined;
    do {
      const page = (await control.send(new ListMultiRegionAccessPointsCommand({ AccountId, ...(token ? { NextToken: token } : {}) }))) as {
        AccessPoints?: ListedMrap[];
        NextToken?: string;
      };
      for (const point of page.AccessPoints ?? []) {
        found.push({
          name: point.Name ?? "?",
          status: point.Status ?? "?",
          regions: (point.Regions ?? []).map((entry) => ({ region: entry.Region ?? "?", bucket: entry.Bucket ?? "?" })),
        });
      }
      token = page.NextToken;
    } while (token);
    return found;
  } catch (error) {
    unseen.push(`Multi-Region Access Points: not read (ListMultiRegionAccessPoints: ${describeFault(error)}).`);
    return [];
  }
};
