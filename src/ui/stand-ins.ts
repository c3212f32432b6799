import { placeholdersIn, renderString, type Variables } from "../handson/template";

/**
 * What a `{{name}}` reads as before the target has given its values (it is starting, or it
 * cannot be reached): words in angle brackets, or the region the learner chose. The goal must
 * never show raw braces.
 */
const STAND_INS: Record<string, string> = {
  prefix: "<your prefix>",
  account: "<your account id>",
  otherAccount: "<the other account id>",
  otherRegion: "<another region>",
};

/** `text` with every placeholder filled: the target's values where known, stand-ins for the rest. */
export const fillForShow = (text: string, variables: Variables | undefined, region: string): string => {
  const known: Variables = { ...STAND_INS, region, ...(variables ?? {}) };
  for (const name of placeholdersIn(text)) if (known[name] === undefined) known[name] = `<${name}>`;
  return String(renderString(text, known, "the text shown"));
};
