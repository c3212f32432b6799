import { describe, expect, it } from "vitest";
import type { CallResponse } from "../../src/handson/dispatch";
import { checkResponse } from "../../src/handson/expect";
import { expectationItems } from "../../src/handson/match";

const reasons = (items: { pass: boolean; reason: string }[]) => items.filter((item) => !item.pass).map((item) => item.reason);
const labels = (items: { label: string }[]) => items.map((item) => item.label);

describe("expect: partial deep match", () => {
  const output = {
    BucketRegion: "eu-west-1",
    ContentLength: 5,
    Owner: { ID: "111122223333" },
    Buckets: [
      { Name: "s3t-logs", BucketRegion: "us-east-1", CreationDate: new Date("2026-01-02T03:04:05.000Z") },
      { Name: "s3t-data", BucketRegion: "eu-west-1", CreationDate: new Date("2026-01-02T03:04:06.000Z") },
    ],
  };

  it("passes when every given field matches, ignoring the rest, one item per leaf", () => {
    const items = expectationItems({ BucketRegion: "eu-west-1", Owner: { ID: "111122223333" } }, output);
    expect(items.every((item) => item.pass)).toBe(true);
    expect(labels(items)).toEqual(["BucketRegion is eu-west-1", "Owner.ID is 111122223333"]);
  });

  it("says what was there instead of what was expected", () => {
    const items = expectationItems({ BucketRegion: "us-east-1", Owner: { ID: "444455556666" } }, output);
    expect(reasons(items)).toEqual(["BucketRegion is eu-west-1, expected us-east-1", "Owner.ID is 111122223333, expected 444455556666"]);
    expect(items[0]).toMatchObject({ expected: "us-east-1", actual: "eu-west-1" });
  });

  it("says when a field is missing", () => {
    expect(reasons(expectationItems({ VersionId: "abc", Grants: { Owner: "x" } }, output))).toEqual([
      "VersionId is missing, expected abc",
      "Grants.Owner is missing, expected x",
    ]);
  });

  it("matches list elements in any order, each element partially", () => {
    const items = expectationItems({ Buckets: [{ Name: "s3t-data", BucketRegion: "eu-west-1" }, { Name: "s3t-logs" }] }, output);
    expect(items.every((item) => item.pass)).toBe(true);
    expect(labels(items)).toEqual(["Buckets has an element matching {Name: s3t-data, BucketRegion: eu-west-1}", "Buckets has an element matching {Name: s3t-logs}"]);
  });

  it("names the element no list entry matches", () => {
    const items = expectationItems({ Buckets: [{ Name: "s3t-data", BucketRegion: "us-east-1" }] }, output);
    expect(reasons(items)).toEqual(["Buckets has no element matching {Name: s3t-data, BucketRegion: us-east-1}; the nearest: Buckets[1].BucketRegion is eu-west-1, expected us-east-1"]);
    expect(reasons(expectationItems({ Buckets: [{ Name: "x" }] }, { Buckets: [] }))).toEqual(["Buckets is empty, expected an element matching {Name: x}"]);
  });

  it("with $only, takes the elements in any order and nothing more, and names what more there is", () => {
    const transitions = { Transitions: [{ Days: 90, StorageClass: "GLACIER" }, { Days: 30, StorageClass: "STANDARD_IA" }] };
    const only = { Transitions: { $only: [{ Days: 30, StorageClass: "STANDARD_IA" }, { Days: 90 }] } };
    const passing = expectationItems(only, transitions);
    expect(passing.every((item) => item.pass)).toBe(true);
    expect(labels(passing)).toEqual(["Transitions has an element matching {Days: 30, StorageClass: STANDARD_IA}", "Transitions has an element matching {Days: 90}", "Transitions holds nothing else"]);

    const third = { Transitions: [...transitions.Transitions, { Days: 180, StorageClass: "DEEP_ARCHIVE" }] };
    expect(reasons(expectationItems(only, third))).toEqual(["Transitions also has {Days: 180, StorageClass: DEEP_ARCHIVE}, which the step does not ask for"]);
    // Two elements that both match the one expected element: one too many, each matching a different one is impossible.
    const twice = { Transitions: [{ Days: 30, StorageClass: "STANDARD_IA" }, { Days: 30, StorageClass: "STANDARD_IA" }] };
    expect(reasons(expectationItems({ Transitions: { $only: [{ Days: 30 }] } }, twice))).toEqual(["Transitions has 2 elements, expected 1, each matching a different one"]);
    expect(reasons(expectationItems(only, { Transitions: [{ Days: 30, StorageClass: "STANDARD_IA" }] }))).toEqual(["Transitions has no element matching {Days: 90}; the nearest: Transitions[0].Days is 30, expected 90"]);
    // Every element matches one expected, and every expected one is there, yet no pairing covers both.
    const crowded = { Tags: [{ Key: "a", Value: "1" }, { Key: "b" }, { Key: "b" }] };
    expect(reasons(expectationItems({ Tags: { $only: [{ Key: "a" }, { Value: "1" }, { Key: "b" }] } }, crowded))).toEqual([
      "Tags has 3 elements, but they cannot each match a different one of the 3 expected",
    ]);
  });

  it("with $only, pairs long lists at once, even when no pairing exists", () => {
    const actual = { Tags: [...Array.from({ length: 21 }, () => ({ Key: "x" })), ...Array.from({ length: 19 }, () => ({ Key: "y" }))] };
    const expected = { Tags: { $only: [...Array.from({ length: 20 }, () => ({ Key: "x" })), ...Array.from({ length: 20 }, () => ({ Key: "y" }))] } };
    expect(reasons(expectationItems(expected, actual))).toEqual(["Tags has 40 elements, but they cannot each match a different one of the 40 expected"]);
    expect(expectationItems(expected, { Tags: [...actual.Tags.slice(1), { Key: "y" }] }).every((item) => item.pass)).toBe(true);
  });

  it("with $only inside a list element, the element matches only when its list holds nothing more", () => {
    const rules = { Rules: [{ ID: "tier-logs", Transitions: [{ Days: 30 }, { Days: 90 }, { Days: 180 }] }] };
    const items = expectationItems({ Rules: [{ ID: "tier-logs", Transitions: { $only: [{ Days: 30 }, { Days: 90 }] } }] }, rules);
    expect(reasons(items)).toEqual([
      "Rules has no element matching {ID: tier-logs, Transitions: {$only: [{Days: 30}, {Days: 90}]}}; the nearest: Rules[0].Transitions also has {Days: 180}, which the step does not ask for",
    ]);
    expect(expectationItems({ Rules: [{ Transitions: { $only: [] } }] }, { Rules: [{ ID: "expire-only" }] }).every((item) => item.pass)).toBe(true);
  });

  it("reads an empty list as none, and null as absent", () => {
    expect(expectationItems({ Contents: [] }, {})[0]).toMatchObject({ label: "Contents is empty", pass: true });
    expect(reasons(expectationItems({ Contents: [] }, { Contents: [{ Key: "a" }] }))).toEqual(["Contents has 1 element: [{Key: a}], expected none"]);
    expect(expectationItems({ LocationConstraint: null }, {})[0]).toMatchObject({ label: "LocationConstraint is absent", pass: true });
    expect(reasons(expectationItems({ LocationConstraint: null }, { LocationConstraint: "eu-west-1" }))).toEqual(["LocationConstraint is eu-west-1, expected it absent"]);
  });

  it("compares numbers and booleans with their text, and dates with ISO strings", () => {
    expect(expectationItems({ ContentLength: "5" }, output)[0]?.pass).toBe(true);
    expect(expectationItems({ IsTruncated: "false" }, { IsTruncated: false })[0]?.pass).toBe(true);
    expect(expectationItems({ Buckets: [{ CreationDate: "2026-01-02T03:04:06.000Z" }] }, output)[0]?.pass).toBe(true);
    expect(expectationItems({ Buckets: [{ CreationDate: "2026-01-02T03:04:06Z" }] }, output)[0]?.pass).toBe(true);
    expect(reasons(expectationItems({ ContentLength: 6 }, output))).toEqual(["ContentLength is 5, expected 6"]);
  });

  it("quotes strings that need it and cuts long values", () => {
    expect(reasons(expectationItems({ Body: "hello world" }, { Body: "bye" }))).toEqual(['Body is bye, expected "hello world"']);
    const long = "x".repeat(300);
    expect(reasons(expectationItems({ Body: "y" }, { Body: long }))[0]).toBe(`Body is ${"x".repeat(119)}…, expected y`);
  });
});

describe("expectError and plain success", () => {
  const failed = (code: string, status: number, message = "msg"): CallResponse => ({ ok: false, status, headers: {}, error: { code, status, message } });
  const succeeded: CallResponse = { ok: true, status: 200, headers: {}, output: { Location: "/b" } };
  const wanted = { call: "s3:CreateBucket", expectError: { code: "BucketAlreadyExists", status: 409 } };

  it("passes when the call fails with the code and status", () => {
    expect(checkResponse(wanted, "CreateBucket", failed("BucketAlreadyExists", 409))).toEqual([
      { label: "fails with BucketAlreadyExists (409)", pass: true, reason: "", expected: { code: "BucketAlreadyExists", status: 409 }, actual: { code: "BucketAlreadyExists", status: 409, message: "msg" } },
    ]);
  });

  it("fails on an unexpected success, another code or another status", () => {
    expect(reasons(checkResponse(wanted, "CreateBucket", succeeded))).toEqual(["succeeded (200), expected it to fail with BucketAlreadyExists (409)"]);
    expect(reasons(checkResponse(wanted, "CreateBucket", failed("BucketAlreadyOwnedByYou", 409, "Your previous request to create the named bucket succeeded and you already own it.")))).toEqual([
      "failed with BucketAlreadyOwnedByYou (409), expected BucketAlreadyExists (409) — Your previous request to create the named bucket succeeded and you already own it.",
    ]);
    expect(reasons(checkResponse(wanted, "CreateBucket", failed("BucketAlreadyExists", 400)))).toEqual(["failed with BucketAlreadyExists (400), expected status 409"]);
  });

  it("takes any status when none is given", () => {
    const items = checkResponse({ call: "s3:HeadBucket", expectError: { code: "NotFound" } }, "HeadBucket", failed("NotFound", 404));
    expect(items).toMatchObject([{ label: "fails with NotFound", pass: true }]);
  });

  it("without expectations, passes on success and fails with the error", () => {
    expect(checkResponse({ call: "s3:CreateBucket" }, "CreateBucket", succeeded)).toEqual([{ label: "CreateBucket succeeds", pass: true, reason: "" }]);
    expect(reasons(checkResponse({ call: "s3:CreateBucket", expect: { Location: "/b" } }, "CreateBucket", failed("AccessDenied", 403, "Access Denied")))).toEqual([
      "failed with AccessDenied (403): Access Denied",
    ]);
  });
});
