import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
// @ts-expect-error: a plain .mjs module without types
import { dropUnusedRequireBanners, REQUIRE_BANNER } from "../../scripts/require-banner.mjs";

let folder = "";
afterEach(async () => {
  if (folder) await rm(folder, { recursive: true, force: true });
});

describe("the require banner of dist/'s outputs", () => {
  it("is blanked where nothing else says require, kept where something does, and the lines stay where they were", async () => {
    folder = await mkdtemp(join(tmpdir(), "s3-tutor-banner-"));
    const unused = join(folder, "unused.js");
    const used = join(folder, "used.js");
    const map = join(folder, "unused.js.map");
    await writeFile(unused, `#!/usr/bin/env node\n${REQUIRE_BANNER}\nexport const a = 1;\n//# sourceMappingURL=unused.js.map\n`);
    await writeFile(used, `${REQUIRE_BANNER}\nvar r = typeof require < "u" ? require : undefined;\n`);
    await writeFile(map, "{}");
    expect(await dropUnusedRequireBanners([unused, used, map])).toBe(1);
    expect(await readFile(unused, "utf8")).toBe("#!/usr/bin/env node\n\nexport const a = 1;\n//# sourceMappingURL=unused.js.map\n");
    expect(await readFile(used, "utf8")).toBe(`${REQUIRE_BANNER}\nvar r = typeof require < "u" ? require : undefined;\n`);
    expect(await readFile(map, "utf8")).toBe("{}");
  });
});
