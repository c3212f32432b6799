// Writes schema/*.schema.json from the zod schemas (npm run schemas). A test fails when they are stale.
import { mkdir, writeFile } from "node:fs/promises";
import { renderJsonSchemas } from "../src/content/json-schemas";

const folder = new URL("../schema/", import.meta.url);
await mkdir(folder, { recursive: true });
for (const [name, text] of Object.entries(renderJsonSchemas())) {
  await writeFile(new URL(name, folder), text);
  console.log(`wrote schema/${name}`);
}
