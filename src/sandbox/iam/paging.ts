import type { QueryParams } from "../query/protocol";
import { Constraints, integerParam, MARKER_PATTERN } from "./validate";

/**
 * IAM's Marker/MaxItems paging. The marker is opaque to the caller; here it carries the sort
 * key of the last item returned, so a page after a deletion still starts in the right place.
 */

export interface Paging {
  marker?: string;
  maxItems: number;
}

export interface Page<T> {
  items: T[];
  isTruncated: boolean;
  /** Present only when the list is truncated: what to send as Marker for the next page. */
  marker?: string;
}

export const DEFAULT_MAX_ITEMS = 100;

/** Reads Marker and MaxItems, recording their violations in `constraints` (the caller checks them). */
export const readPaging = (params: QueryParams, constraints: Constraints): Paging => {
  const marker = params.get("Marker");
  const maxItems = integerParam("maxItems", params.get("MaxItems"));
  constraints
    .length("marker", marker, 1, 320)
    .pattern("marker", marker, MARKER_PATTERN.regex, MARKER_PATTERN.shown)
    .range("maxItems", maxItems, 1, 1000);
  return { marker, maxItems: maxItems ?? DEFAULT_MAX_ITEMS };
};

const encodeMarker = (key: string): string => Buffer.from(key, "utf8").toString("base64");
const decodeMarker = (marker: string): string => Buffer.from(marker, "base64").toString("utf8");

/** One page of `items`, which the caller has sorted ascending by `keyOf`. */
export const paginate = <T>(items: readonly T[], keyOf: (item: T) => string, paging: Paging): Page<T> => {
  const after = paging.marker === undefined ? undefined : decodeMarker(paging.marker);
  const remaining = after === undefined ? [...items] : items.filter((item) => keyOf(item) > after);
  const page = remaining.slice(0, paging.maxItems);
  const isTruncated = remaining.length > page.length;
  const last = page[page.length - 1];
  return { items: page, isTruncated, marker: isTruncated && last !== undefined ? encodeMarker(keyOf(last)) : undefined };
};

/** Sorts by the key paginate() compares. */
export const sortedBy = <T>(items: readonly T[], keyOf: (item: T) => string): T[] =>
  [...items].sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : 0));
