// Writes docs/targets.md from the differential suite's scenarios (npm run targets-doc). A test fails when it is stale.
import { mkdir, writeFile } from "node:fs/promises";
import { renderTargetsDoc } from "../test/differential/targets-doc";

await mkdir(new URL("../docs/", import.meta.url), { recursive: true });
await writeFile(new URL("../docs/targets.md", import.meta.url), renderTargetsDoc());
console.log("wrote docs/targets.md");
