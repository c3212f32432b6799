/**
 * IAM wildcards: `*` is any run of characters (none included), `?` exactly one; everything else
 * stands for itself. Matched by walking pattern and value together and, on a mismatch, letting
 * the last `*` swallow one more character: at most pattern × value steps. The regex this replaces
 * backtracked exponentially: a 160-byte policy with "s3:****************Z" pinned the CPU.
 */
export const wildcardMatch = (pattern: string, value: string, ignoreCase = false): boolean => {
  // By code point, so `?` is one character even outside the Basic Multilingual Plane.
  const wanted = Array.from(ignoreCase ? pattern.toLowerCase() : pattern);
  const given = Array.from(ignoreCase ? value.toLowerCase() : value);
  let p = 0;
  let v = 0;
  let star = -1; // where the last `*` seen is in the pattern
  let swallowedUpTo = 0; // how far into the value that `*` reaches so far
  while (v < given.length) {
    const char = wanted[p];
    if (char === "*") {
      star = p++;
      swallowedUpTo = v;
    } else if (char !== undefined && (char === "?" || char === given[v])) {
      p++;
      v++;
    } else if (star >= 0) {
      p = star + 1;
      v = ++swallowedUpTo;
    } else {
      return false;
    }
  }
  while (wanted[p] === "*") p++;
  return p === wanted.length;
};
