import { describe, expect, it } from "vitest";
import { statementSpans } from "../../src/sandbox/iam/statement-positions";

// Where the simulator says each statement is, counted as AWS counts (lines and columns from 1).
describe("statement positions", () => {
  it("match AWS's answer for AdministratorAccess: 3:17 to 8:6", () => {
    const administratorAccess = [
      "{",
      '  "Version": "2012-10-17",',
      '  "Statement": [',
      "    {",
      '      "Effect": "Allow",',
      '      "Action": "*",',
      '      "Resource": "*"',
      "    }",
      "  ]",
      "}",
    ].join("\n");
    expect(statementSpans(administratorAccess)).toEqual([{ start: { line: 3, column: 17 }, end: { line: 8, column: 6 } }]);
  });

  it("match AWS's column 38 for the first statement of a one-line policy, and follow on for the next", () => {
    const first = '{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}';
    const second = '{"Effect":"Deny","Action":"s3:*","Resource":"arn:aws:s3:::x/*"}';
    const text = `{"Version":"2012-10-17","Statement":[${first},${second}]}`;
    const firstEnd = 38 + first.length;
    expect(statementSpans(text)).toEqual([
      { start: { line: 1, column: 38 }, end: { line: 1, column: firstEnd } },
      { start: { line: 1, column: firstEnd }, end: { line: 1, column: firstEnd + 1 + second.length } },
    ]);
  });

  it("skip strings that hold brackets, braces and escaped quotes, and count \\r\\n as one line break", () => {
    const text = '{\r\n"Id": "a]}{\\"[",\r\n"Statement": {"Sid": "x}", "Effect": "Allow", "Action": "*", "Resource": "*"}\r\n}';
    expect(statementSpans(text)).toEqual([{ start: { line: 3, column: 13 }, end: { line: 3, column: 78 } }]);
  });

  it("take the last Statement when the key is repeated, as JSON.parse does", () => {
    const text = '{"Statement":[{"Effect":"Deny","Action":"*","Resource":"*"}],"Statement":[ {"Effect":"Allow","Action":"*","Resource":"*"}]}';
    const start = text.lastIndexOf("[") + 1;
    expect(statementSpans(text)).toEqual([{ start: { line: 1, column: start + 1 }, end: { line: 1, column: text.length - 1 } }]);
  });
});
