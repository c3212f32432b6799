import { DEFAULT_IDENTITY, OTHER_IDENTITY, type Target } from "../targets/target";
import type { Variables } from "./template";

/**
 * The variables every lesson may use: prefix, region, otherRegion, account, and otherAccount
 * where the target has a second account. Values saved with `save:` are added to the same map.
 */
export const targetVariables = async (target: Target): Promise<Variables> => {
  const variables: Variables = {
    prefix: target.prefix,
    region: target.region,
    otherRegion: target.otherRegion,
    account: await target.account(DEFAULT_IDENTITY),
  };
  if (target.identities.includes(OTHER_IDENTITY)) variables.otherAccount = await target.account(OTHER_IDENTITY);
  return variables;
};
