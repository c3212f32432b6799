import type { QueryService } from "../query/protocol";
import { roleActions } from "./roles";
import { simulationActions } from "./simulate-policy";

/**
 * IAM (2010-05-08): roles and their inline policies, per account, and the policy simulator.
 * IAM is global: any region works.
 */
export const iamService: QueryService = {
  name: "iam",
  version: "2010-05-08",
  xmlns: "https://iam.amazonaws.com/doc/2010-05-08/",
  actions: { ...roleActions, ...simulationActions },
};
