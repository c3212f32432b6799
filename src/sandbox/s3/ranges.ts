import { ServiceError } from "../errors";

export interface ByteRange {
  start: number;
  /** Inclusive. */
  end: number;
}

/**
 * A single `bytes=` range as S3 reads it: a range it cannot parse, or several ranges, are
 * ignored (the whole object is returned); a range wholly past the end is 416 InvalidRange.
 */
export const readRange = (value: string | undefined, size: number): ByteRange | undefined => {
  if (value === undefined) return undefined;
  const match = /^bytes=(\d*)-(\d*)$/.exec(value.trim());
  if (!match) return undefined;
  const [, first = "", last = ""] = match;
  if (first === "" && last === "") return undefined;
  let start: number;
  let end: number;
  if (first === "") {
    const suffix = Number(last);
    if (suffix === 0) throw invalidRange(value, size);
    start = Math.max(0, size - suffix);
    end = size - 1;
  } else {
    start = Number(first);
    end = last === "" ? size - 1 : Math.min(Number(last), size - 1);
    if (last !== "" && Number(last) < start) return undefined;
  }
  if (start >= size || size === 0) throw invalidRange(value, size);
  return { start, end };
};

const invalidRange = (requested: string, size: number) =>
  new ServiceError("InvalidRange", 416, "The requested range is not satisfiable", {
    RangeRequested: requested,
    ActualObjectSize: size,
  });
