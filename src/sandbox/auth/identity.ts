/**
 * The sandbox's credential convention, shared with LocalStack so one set of settings works
 * for both: a 12-digit access key id is that account, `test` is account 000000000000, and
 * every secret access key is `test`.
 */
export const SANDBOX_SECRET_ACCESS_KEY = "test";
export const DEFAULT_ACCOUNT_ID = "000000000000";
export const DEFAULT_ACCESS_KEY_ID = "test";

export const accountForAccessKey = (accessKeyId: string): string | undefined => {
  if (/^\d{12}$/.test(accessKeyId)) return accessKeyId;
  if (accessKeyId === DEFAULT_ACCESS_KEY_ID) return DEFAULT_ACCOUNT_ID;
  return undefined;
};

/** An access key the sandbox accepts: the account it acts as, and the secret its signatures are made with. */
export interface AccessKey {
  account: string;
  secretAccessKey: string;
}

/**
 * Which access keys exist: undefined for an unknown key id (InvalidAccessKeyId). An embedder that
 * issues its own keys (the workshop room) passes one, so nobody can sign as another account.
 */
export type CredentialLookup = (accessKeyId: string) => AccessKey | undefined;

/** The convention above, shared with LocalStack: the default when the embedder passes no lookup. */
export const conventionalCredentials: CredentialLookup = (accessKeyId) => {
  const account = accountForAccessKey(accessKeyId);
  return account === undefined ? undefined : { account, secretAccessKey: SANDBOX_SECRET_ACCESS_KEY };
};

/** The access key a request names, looked up as the sandbox was told to. */
export const accessKeyFor = (request: { readonly credentials?: CredentialLookup | undefined }, accessKeyId: string): AccessKey | undefined =>
  (request.credentials ?? conventionalCredentials)(accessKeyId);

/** The identity that made a request: the account's root user. */
export interface Caller {
  accessKeyId: string;
  account: string;
  /** The region of the SigV4 credential scope: where the request was "sent". */
  region: string;
  /** The service of the credential scope: s3, iam or sts. */
  service: string;
  /**
   * Signed with S3's legacy Signature Version 2, which names no region: the request counts as
   * sent to the bucket's own region, if that region still accepts SigV2.
   */
  legacySignature?: boolean;
}

export const rootArn = (account: string): string => `arn:aws:iam::${account}:root`;
