import { ServiceError } from "../errors";

export interface RequestTarget {
  rawPath: string;
  /** The path decoded; a path that does not decode is InvalidURI before anything else. */
  path: string;
  query: Array<[string, string]>;
}

const invalidUri = () => new ServiceError("InvalidURI", 400, "Couldn't parse the specified URI.");

export const decodeComponent = (text: string): string => {
  try {
    return decodeURIComponent(text);
  } catch {
    throw invalidUri();
  }
};

/** Splits the request line's target into the raw path and the decoded query parameters. */
export const parseTarget = (url: string | undefined): RequestTarget => {
  if (!url || !url.startsWith("/")) throw invalidUri();
  const mark = url.indexOf("?");
  const rawPath = mark === -1 ? url : url.slice(0, mark);
  const search = mark === -1 ? "" : url.slice(mark + 1);
  const query: Array<[string, string]> = [];
  for (const part of search.split("&")) {
    if (part === "") continue;
    const eq = part.indexOf("=");
    const name = decodeComponent(eq === -1 ? part : part.slice(0, eq));
    const value = eq === -1 ? "" : decodeComponent(part.slice(eq + 1));
    query.push([name, value]);
  }
  return { rawPath, path: decodeComponent(rawPath), query };
};
