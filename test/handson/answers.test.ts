import { describe, expect, it } from "vitest";
import { answerMatches } from "../../src/handson/answers";

// What a learner types for an ask: the real answer, give or take case, quotes, spaces and words around a number.
describe("answerMatches", () => {
  it.each([
    ['"9176E88E2973B7E2E260C438F56B1CD0"', '"9176e88e2973b7e2e260c438f56b1cd0"'],
    ["  InvalidBucketName ", "InvalidBucketName"],
    ["'InvalidBucketName'", "InvalidBucketName"],
    ["301 Moved Permanently", "301"],
    ["HTTP/1.1 301 Moved Permanently", "301"],
    ["10 bytes", "10"],
    ["(404)", "404"],
  ])("accepts %s for %s", (typed, real) => {
    expect(answerMatches(typed, real)).toBe(true);
  });

  it.each([
    ["InvalidBucketNameException", "InvalidBucketName"],
    ["403", "301"],
    ["11", "10"],
    ["3010", "301"],
    // Digits inside another token are not the number asked for: an ARN is not an account id.
    ["arn:aws:iam::111122223333:root", "111122223333"],
    ["10bytes", "10"],
  ])("refuses %s for %s", (typed, real) => {
    expect(answerMatches(typed, real)).toBe(false);
  });
});
