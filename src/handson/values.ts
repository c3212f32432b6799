/** Small helpers for the plain data that flows through actions: SDK outputs, inputs, expectations. */

/** A JSON-like object (not an array, Date or byte array). */
export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Date) && !ArrayBuffer.isView(value);

/** Strings that read well without quotes in a checklist: names, regions, ARNs, codes. */
const BARE_STRING = /^[A-Za-z0-9_.\-/@+=:*]+$/;

const formatScalar = (value: unknown): string => {
  if (typeof value === "string") return BARE_STRING.test(value) ? value : JSON.stringify(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "an invalid date" : value.toISOString();
  if (ArrayBuffer.isView(value)) return `<${value.byteLength} bytes>`;
  if (value === undefined) return "nothing";
  return String(value);
};

const formatAny = (value: unknown): string => {
  if (Array.isArray(value)) return `[${value.map(formatAny).join(", ")}]`;
  if (isRecord(value)) {
    return `{${Object.entries(value)
      .filter(([, item]) => item !== undefined)
      .map(([key, item]) => `${key}: ${formatAny(item)}`)
      .join(", ")}}`;
  }
  return formatScalar(value);
};

/** A value in words for labels and reasons: `{Name: s3t-data}`, `[a, b]`, `"two words"`; long ones are cut. */
export const formatValue = (value: unknown, maxLength = 120): string => {
  const text = formatAny(value);
  return text.length > maxLength ? `${text.slice(0, maxLength - 1)}…` : text;
};

/** Splits "Buckets.0.Name" or "Buckets[0].Name" into ["Buckets", "0", "Name"]. */
export const pathSegments = (path: string): string[] =>
  path
    .replace(/\[(\d+)\]/g, ".$1")
    .split(".")
    .filter((segment) => segment !== "");

/** The value at a dotted/indexed path, or undefined when any step is missing. */
export const valueAtPath = (value: unknown, path: string): unknown => {
  let current = value;
  for (const segment of pathSegments(path)) {
    if (Array.isArray(current) && /^\d+$/.test(segment)) current = current[Number(segment)];
    else if (isRecord(current)) current = Object.hasOwn(current, segment) ? current[segment] : undefined;
    else return undefined;
  }
  return current;
};
