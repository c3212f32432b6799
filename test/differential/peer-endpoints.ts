/**
 * Where the started peers answer: .ci/run (or a developer, after `npm run peer -- localstack`)
 * exports S3_TUTOR_LOCALSTACK_ENDPOINT and S3_TUTOR_MOTO_ENDPOINT. Without one, its suites are
 * skipped with the reason printed, unless S3_TUTOR_REQUIRE_PEERS=1 (CI), where that is a failure.
 */

export type PeerName = "localstack" | "moto";

export interface PeerEndpoint {
  endpoint: string | undefined;
  /** Why the suites that need it are skipped ("" when it is there). */
  reason: string;
}

const VARIABLES: Record<PeerName, string> = { localstack: "S3_TUTOR_LOCALSTACK_ENDPOINT", moto: "S3_TUTOR_MOTO_ENDPOINT" };

export const peerEndpoint = (peer: PeerName): PeerEndpoint => {
  const endpoint = process.env[VARIABLES[peer]]?.replace(/\/+$/, "");
  if (endpoint) return { endpoint, reason: "" };
  const reason = `no ${peer}: set ${VARIABLES[peer]} to its URL (npm run peers, then npm run peer -- ${peer}; .ci/run does both)`;
  if (process.env.S3_TUTOR_REQUIRE_PEERS === "1") throw new Error(`${reason}. S3_TUTOR_REQUIRE_PEERS=1 says it must be there.`);
  console.warn(`[${peer}] skipped: ${reason}`);
  return { endpoint: undefined, reason };
};
