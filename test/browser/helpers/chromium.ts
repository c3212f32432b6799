import { existsSync } from "node:fs";

/**
 * The Chromium the browser tests drive (Debian's `chromium` package; $S3_TUTOR_CHROMIUM to point
 * elsewhere). Without one the tests are skipped with the reason, unless S3_TUTOR_REQUIRE_BROWSER=1
 * (.ci/run sets it, after installing the package): then its absence fails them.
 */
export const chromium = (() => {
  const path = process.env.S3_TUTOR_CHROMIUM || "/usr/bin/chromium";
  if (existsSync(path)) return { available: true as const, path, reason: "" };
  const reason = `skipped: no Chromium at ${path}; install it (\`apt-get install chromium\`, as .ci/run does) or set S3_TUTOR_CHROMIUM`;
  if (process.env.S3_TUTOR_REQUIRE_BROWSER === "1") throw new Error(reason.replace("skipped: ", ""));
  console.warn(`[browser] ${reason}`);
  return { available: false as const, path, reason };
})();
