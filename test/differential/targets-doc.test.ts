import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { CAPABILITIES } from "../../src/content/schema/lesson";
import { createTarget } from "../../src/targets/create-target";
import type { TargetName } from "../../src/targets/target";
import { useStateDir } from "../targets/helpers/aws-on-sandbox";
import { LOCALSTACK_VERSION, MOTO_VERSION } from "./peer-versions";
import { SCENARIOS } from "./scenarios";
import { hasCapability, renderTargetsDoc } from "./targets-doc";

const root = new URL("../../", import.meta.url);

describe("docs/targets.md", () => {
  it('is what the scenarios say (run "npm run targets-doc" after changing test/differential/scenarios/)', async () => {
    const committed = await readFile(new URL("docs/targets.md", root), "utf8").catch(() => "(missing)");
    expect(committed, 'docs/targets.md is stale: run "npm run targets-doc"').toBe(renderTargetsDoc());
  });

  it("has rows for every capability a lesson can need", () => {
    for (const capability of CAPABILITIES) {
      expect(SCENARIOS.filter((scenario) => scenario.capability === capability).length, `no scenario shows ${capability}`).toBeGreaterThan(0);
    }
  });

  it("names the versions scripts/lib/peers.mjs installs", async () => {
    const script = await readFile(new URL("scripts/lib/peers.mjs", root), "utf8");
    expect(script).toContain(`LOCALSTACK_VERSION = "${LOCALSTACK_VERSION}"`);
    expect(script).toContain(`MOTO_VERSION = "${MOTO_VERSION}"`);
  });

  it("gives every scenario a unique id", () => {
    expect(new Set(SCENARIOS.map((scenario) => scenario.id)).size).toBe(SCENARIOS.length);
  });
});

describe("the targets' capabilities agree with what the differential suite observes", () => {
  useStateDir();
  const declared = async (name: TargetName) => {
    const target = await createTarget({ target: name, region: "eu-west-1" });
    await target.close();
    return [...target.capabilities].sort();
  };

  it("the sandbox and LocalStack have exactly the capabilities whose rows they answer as AWS does", async () => {
    for (const name of ["sandbox", "localstack"] as const) {
      const observed = CAPABILITIES.filter((capability) => hasCapability(name, capability)).sort();
      expect(await declared(name), `${name} target`).toEqual(observed);
    }
  });

  it("the aws target has every capability AWS shows but a second account (it acts only as you) and MRAPs (its guard knows no S3 Control resources)", async () => {
    const onAws = CAPABILITIES.filter((capability) => hasCapability("aws", capability));
    expect(onAws).toEqual([...CAPABILITIES]);
    const withheld = new Set(["secondAccount", "multiRegionAccessPoints"]);
    expect(await declared("aws")).toEqual(onAws.filter((capability) => !withheld.has(capability)).sort());
  });
});
