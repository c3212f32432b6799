import { rootArn } from "../auth/identity";
import type { QueryService } from "../query/protocol";

/** STS (2011-06-15): who am I. The sandbox's callers are always an account's root user. */
export const stsService: QueryService = {
  name: "sts",
  version: "2011-06-15",
  xmlns: "https://sts.amazonaws.com/doc/2011-06-15/",
  actions: {
    GetCallerIdentity: ({ caller }) => ({
      Arn: rootArn(caller.account),
      UserId: caller.account,
      Account: caller.account,
    }),
  },
};
