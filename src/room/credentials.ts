import { randomInt } from "node:crypto";
import type { AccessKey, CredentialLookup } from "../sandbox/index";
import type { ParticipantTarget, RoomCredentials } from "./protocol";
import { randomChars } from "./tokens";

/**
 * The room sandbox's access keys. Unlike the learner's sandbox, where any 12-digit key id is that
 * account, the room knows only the keys it issued: nobody can sign as another participant's account,
 * so AWS's rules between accounts hold between people.
 */
export class RoomKeys {
  private readonly keys = new Map<string, AccessKey>();
  private readonly accounts = new Set<string>();

  /** What the sandbox asks for every signed request. */
  readonly lookup: CredentialLookup = (accessKeyId) => this.keys.get(accessKeyId);

  /** Takes a participant's keys (when they join, and again from the log when the room restarts). */
  add(target: ParticipantTarget): void {
    if (target.kind !== "room") return;
    for (const identity of [target.identities.default, target.identities.other]) {
      this.keys.set(identity.accessKeyId, { account: identity.account, secretAccessKey: identity.secretAccessKey });
      this.accounts.add(identity.account);
    }
  }

  /** A new account and its key, neither used by anyone in the room yet. */
  issue(): RoomCredentials {
    let account: string;
    do account = newAccountId();
    while (this.accounts.has(account));
    let accessKeyId: string;
    do accessKeyId = `AKIA${randomChars(KEY_ID_ALPHABET, 16)}`;
    while (this.keys.has(accessKeyId));
    const issued = { account, accessKeyId, secretAccessKey: randomChars(SECRET_ALPHABET, 40) };
    // Reserved at once, so two joins in flight never get the same account.
    this.accounts.add(account);
    return issued;
  }
}

/** AWS's access key ids are upper-case letters and the digits 2–7. */
const KEY_ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
const SECRET_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/** Twelve digits, never starting with 0 (so never the sandbox's default 000000000000). */
const newAccountId = (): string => `${randomInt(1, 10)}${String(randomInt(0, 100_000_000_000)).padStart(11, "0")}`;

const PREFIX_SUFFIX_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
const SLUG_MAX = 20;

/**
 * A participant's bucket prefix: their name made safe for bucket names (lower-case letters, digits
 * and hyphens, starting with a letter or digit), then four random characters so two Alexes differ.
 */
export const prefixFor = (name: string): string => {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .slice(0, SLUG_MAX)
    .replace(/^-+|-+$/g, "");
  return `${slug || "p"}-${randomChars(PREFIX_SUFFIX_ALPHABET, 4)}`;
};
