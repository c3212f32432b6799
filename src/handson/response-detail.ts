import type { ActionResult } from "./results";

/** What the response said that matters: the status, the error code, the telling headers (not the ETag). */
export const responseDetail = (action: ActionResult): string => {
  const parts: string[] = [];
  if (action.status !== undefined) parts.push(String(action.status));
  if (action.error) parts.push(action.error.code);
  for (const [name, value] of Object.entries(action.headers)) {
    if (name === "etag") continue;
    parts.push(`${name}: ${value}`);
  }
  return parts.join(" · ");
};
