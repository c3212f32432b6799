import { validationError } from "./errors";

/**
 * IAM's front end checks every input member against the API model's constraints and reports
 * all violations in one ValidationError:
 * "2 validation errors detected: Value 'a b' at 'roleName' failed to satisfy constraint: ...; Value ...".
 * Fields are named as the model names them, first letter lower-cased ('roleName', 'tags.1.member.key').
 */
export class Constraints {
  private readonly violations: string[] = [];

  /** String length in characters (code points), inclusive bounds. */
  length(field: string, value: string | undefined, min: number, max?: number): this {
    if (value === undefined) return this;
    const length = [...value].length;
    if (length < min) this.fail(field, value, `Member must have length greater than or equal to ${min}`);
    if (max !== undefined && length > max) this.fail(field, value, `Member must have length less than or equal to ${max}`);
    return this;
  }

  /** `shown` is the pattern as IAM prints it in the message; `regex` must match the whole value. */
  pattern(field: string, value: string | undefined, regex: RegExp, shown: string): this {
    if (value !== undefined && !regex.test(value)) {
      this.fail(field, value, `Member must satisfy regular expression pattern: ${shown}`);
    }
    return this;
  }

  range(field: string, value: number | undefined, min: number, max: number): this {
    if (value === undefined) return this;
    if (value < min) this.fail(field, String(value), `Member must have value greater than or equal to ${min}`);
    if (value > max) this.fail(field, String(value), `Member must have value less than or equal to ${max}`);
    return this;
  }

  /** One of an enum's values, listed as IAM lists them in the message. */
  oneOf(field: string, value: string | undefined, allowed: readonly string[]): this {
    if (value !== undefined && !allowed.includes(value)) this.fail(field, value, `Member must satisfy enum value set: [${allowed.join(", ")}]`);
    return this;
  }

  notNull(field: string, value: unknown): this {
    if (value === undefined) this.violations.push(`Value null at '${field}' failed to satisfy constraint: Member must not be null`);
    return this;
  }

  /** Throws the ValidationError when anything failed. */
  check(): void {
    const count = this.violations.length;
    if (count === 0) return;
    throw validationError(
      `${count} validation error${count === 1 ? "" : "s"} detected: ${this.violations.join("; ")}`,
    );
  }

  private fail(field: string, value: string, constraint: string): void {
    this.violations.push(`Value '${value}' at '${field}' failed to satisfy constraint: ${constraint}`);
  }
}

/** The constraints of the IAM API model that role operations share. */
export const NAME_PATTERN = { regex: /^[\w+=,.@-]+$/, shown: "[\\w+=,.@-]+" };
export const PATH_PATTERN = { regex: /^(?:\/|\/[\u0021-\u007F]+\/)$/, shown: "(\\u002F)|(\\u002F[\\u0021-\\u007F]+\\u002F)" };
export const PATH_PREFIX_PATTERN = { regex: /^\/[\u0021-\u007F]*$/, shown: "\\u002F[\\u0021-\\u007F]*" };
export const POLICY_DOCUMENT_PATTERN = {
  regex: /^[\u0009\u000A\u000D\u0020-\u00FF]+$/,
  shown: "[\\u0009\\u000A\\u000D\\u0020-\\u00FF]+",
};
export const DESCRIPTION_PATTERN = {
  regex: /^[\u0009\u000A\u000D\u0020-\u007E\u00A1-\u00FF]*$/,
  shown: "[\\u0009\\u000A\\u000D\\u0020-\\u007E\\u00A1-\\u00FF]*",
};
export const MARKER_PATTERN = { regex: /^[\u0020-\u00FF]+$/, shown: "[\\u0020-\\u00FF]+" };

/**
 * An integer parameter (MaxItems, MaxSessionDuration). A value that is not a whole number
 * cannot be read at all; IAM answers that with a ValidationError naming the value.
 */
export const integerParam = (field: string, raw: string | undefined): number | undefined => {
  if (raw === undefined) return undefined;
  if (!/^-?\d+$/.test(raw.trim())) {
    throw validationError(`1 validation error detected: Value '${raw}' at '${field}' failed to satisfy constraint: Member must be a number`);
  }
  return Number.parseInt(raw, 10);
};
