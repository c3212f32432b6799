// Writes src/handson/sdk-operations.ts from the installed AWS SDK clients (after an SDK upgrade:
// node --import tsx scripts/gen-sdk-operations.ts). A test fails when it is stale.
import { writeFile } from "node:fs/promises";
import { operationsInSdk, renderSdkOperations } from "./sdk-operations-source";

await writeFile(new URL("../src/handson/sdk-operations.ts", import.meta.url), renderSdkOperations(await operationsInSdk()));
console.log("wrote src/handson/sdk-operations.ts");
