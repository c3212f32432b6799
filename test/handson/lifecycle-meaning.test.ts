import { describe, expect, it } from "vitest";
import type { Action } from "../../src/content/schema/lesson";
import { lifecycleItems } from "../../src/handson/lifecycle-meaning";

/** GetBucketLifecycleConfiguration's output as the SDK gives it. */
const config = (...rules: Record<string, unknown>[]) => ({ Rules: rules });
const abort7: Action = {
  call: "s3:GetBucketLifecycleConfiguration",
  expectLifecycle: { action: "AbortIncompleteMultipartUpload", days: 7, appliesTo: ["videos/raw.mp4", "report.pdf"] },
};
const noncurrent30: Action = {
  call: "s3:GetBucketLifecycleConfiguration",
  expectLifecycle: { action: "NoncurrentVersionExpiration", days: 30, appliesTo: ["docs/a.md"], notTo: ["legal/b.pdf"] },
};
const abort = (days: number, extra: Record<string, unknown> = {}) => ({ ID: "mpu", Status: "Enabled", Filter: {}, AbortIncompleteMultipartUpload: { DaysAfterInitiation: days }, ...extra });
const passes = (action: Action, output: Record<string, unknown>) => lifecycleItems(action, output).every((item) => item.pass);
const reasons = (action: Action, output: Record<string, unknown>) => lifecycleItems(action, output).filter((item) => !item.pass).map((item) => item.reason);

describe("lifecycle rules judged by what they do", () => {
  it("pass for every way of writing a whole-bucket rule, alone or beside other rules and actions", () => {
    expect(passes(abort7, config(abort(7)))).toBe(true);
    expect(passes(abort7, config(abort(7, { Filter: { Prefix: "" } })))).toBe(true);
    expect(passes(abort7, config({ Prefix: "", Status: "Enabled", AbortIncompleteMultipartUpload: { DaysAfterInitiation: 7 } }))).toBe(true);
    expect(passes(abort7, config({ ID: "tmp", Status: "Enabled", Filter: { Prefix: "tmp/" }, Expiration: { Days: 1 } }, abort(7, { Expiration: { ExpiredObjectDeleteMarker: true } })))).toBe(true);
    // Two prefix rules that together cover both keys mean the same.
    expect(passes(abort7, config(abort(7, { ID: "v", Filter: { Prefix: "videos/" } }), abort(7, { ID: "r", Filter: { Prefix: "rep" } })))).toBe(true);
  });

  it("give one item per key, naming the key and the rule that falls short", () => {
    expect(lifecycleItems(abort7, config(abort(7))).map((item) => item.label)).toEqual([
      "AbortIncompleteMultipartUpload after 7 days applies to videos/raw.mp4",
      "AbortIncompleteMultipartUpload after 7 days applies to report.pdf",
    ]);
    expect(reasons(abort7, config(abort(7, { Status: "Disabled" })))[0]).toBe("for videos/raw.mp4, rule mpu is Disabled; only Enabled rules act");
    expect(reasons(abort7, config(abort(7, { Filter: { Prefix: "videos/" } })))).toEqual(["for report.pdf, rule mpu applies to the prefix videos/, which does not cover it"]);
    expect(reasons(abort7, config(abort(3)))[0]).toBe("for videos/raw.mp4, rule mpu takes effect with DaysAfterInitiation 3, expected DaysAfterInitiation 7");
    expect(reasons(abort7, config())[0]).toBe("for videos/raw.mp4, no rule has AbortIncompleteMultipartUpload");
  });

  it("compare the soonest Enabled rule, since that is the one that acts", () => {
    expect(reasons(abort7, config(abort(7), abort(2, { ID: "fast" })))[0]).toBe("for videos/raw.mp4, rule fast takes effect with DaysAfterInitiation 2, expected DaysAfterInitiation 7");
    expect(passes(abort7, config(abort(7), abort(2, { ID: "off", Status: "Disabled" })))).toBe(true);
  });

  it("do not count a rule narrowed by tags or sizes as applying to a key", () => {
    const tagged = { ID: "d", Status: "Enabled", Filter: { And: { Prefix: "docs/", Tags: [{ Key: "draft", Value: "true" }] } }, NoncurrentVersionExpiration: { NoncurrentDays: 30 } };
    expect(reasons(noncurrent30, config(tagged))[0]).toBe("for docs/a.md, rule d applies to the prefix docs/, only objects tagged draft=true, not to every object there");
    const sized = { ...tagged, Filter: { ObjectSizeGreaterThan: 1024 } };
    expect(reasons(noncurrent30, config(sized))[0]).toContain("only objects larger than 1024 bytes");
  });

  it("name the look-alike actions people use instead", () => {
    const expiration = { ID: "e", Status: "Enabled", Filter: { Prefix: "docs/" }, Expiration: { Days: 30 } };
    expect(reasons(noncurrent30, config(expiration))[0]).toMatch(/^for docs\/a\.md, no rule has NoncurrentVersionExpiration; rule e has Expiration, which acts on current versions/);
    const transition = { ID: "t", Status: "Enabled", Filter: { Prefix: "docs/" }, NoncurrentVersionTransitions: [{ NoncurrentDays: 30, StorageClass: "GLACIER" }] };
    expect(reasons(noncurrent30, config(transition))[0]).toContain("rule t moves noncurrent versions to another class");
    const markers = { ID: "m", Status: "Enabled", Filter: {}, Expiration: { ExpiredObjectDeleteMarker: true } };
    expect(reasons(noncurrent30, config(markers))[0]).toContain("rule m has only Expiration { ExpiredObjectDeleteMarker }, which removes delete markers");
  });

  it("hold NewerNoncurrentVersions to what the goal says, and keys that must be left alone", () => {
    const rule = (extra: Record<string, unknown>) => ({ ID: "d", Status: "Enabled", Filter: { Prefix: "docs/" }, NoncurrentVersionExpiration: { NoncurrentDays: 30, ...extra } });
    expect(passes(noncurrent30, config(rule({})))).toBe(true);
    expect(reasons(noncurrent30, config(rule({ NewerNoncurrentVersions: 2 })))[0]).toBe(
      "for docs/a.md, rule d takes effect with NoncurrentDays 30, keeping the 2 newest noncurrent versions, expected NoncurrentDays 30",
    );
    const keepTwo: Action = { ...noncurrent30, expectLifecycle: { ...noncurrent30.expectLifecycle!, newerNoncurrentVersions: 2 } };
    expect(passes(keepTwo, config(rule({ NewerNoncurrentVersions: 2 })))).toBe(true);
    expect(reasons(noncurrent30, config({ ...rule({}), Filter: {} }))).toEqual(["legal/b.pdf is not left alone: rule d applies to the whole bucket, which covers it"]);
    // A Disabled rule over legal/ touches nothing.
    expect(passes(noncurrent30, config(rule({}), { ...rule({}), ID: "off", Status: "Disabled", Filter: {} }))).toBe(true);
  });

  it("judge nothing on an action without expectLifecycle", () => {
    expect(lifecycleItems({ call: "s3:GetBucketLifecycleConfiguration" }, config(abort(7)))).toEqual([]);
  });
});
