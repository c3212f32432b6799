import { describe, expect, it } from "vitest";
import { placeholdersIn, renderAction, renderString, renderValue, TemplateError } from "../../src/handson/template";

const variables = { prefix: "s3t", region: "eu-west-1", otherRegion: "us-west-2", account: "111122223333", count: 3, flag: true };

describe("templating", () => {
  it("interpolates variables inside longer strings", () => {
    expect(renderString("{{prefix}}-data-{{ region }}", variables)).toBe("s3t-data-eu-west-1");
    expect(renderString("arn:aws:iam::{{account}}:role/{{prefix}}-replication", variables)).toBe("arn:aws:iam::111122223333:role/s3t-replication");
  });

  it("keeps the variable's type when the string is exactly one placeholder", () => {
    expect(renderString("{{count}}", variables)).toBe(3);
    expect(renderString("{{ flag }}", variables)).toBe(true);
    expect(renderString("{{count}} objects", variables)).toBe("3 objects");
  });

  it("renders nested inputs, lists included, and leaves keys and other values alone", () => {
    const input = { Bucket: "{{prefix}}-data", Configuration: { Rules: [{ ID: "{{prefix}}-rule", Priority: 1 }] }, Enabled: false };
    expect(renderValue(input, variables)).toEqual({ Bucket: "s3t-data", Configuration: { Rules: [{ ID: "s3t-rule", Priority: 1 }] }, Enabled: false });
  });

  it("renders input, expect, region, label and expectError.code of an action", () => {
    const action = renderAction(
      {
        call: "s3:CreateBucket",
        input: { Bucket: "{{prefix}}-data", CreateBucketConfiguration: { LocationConstraint: "{{otherRegion}}" } },
        region: "{{otherRegion}}",
        label: "Create {{prefix}}-data in {{otherRegion}}",
        expect: { Location: "/{{prefix}}-data" },
        expectError: { code: "{{code}}", status: 409 },
        save: { where: "Location" },
      },
      { ...variables, code: "BucketAlreadyExists" },
    );
    expect(action).toEqual({
      call: "s3:CreateBucket",
      input: { Bucket: "s3t-data", CreateBucketConfiguration: { LocationConstraint: "us-west-2" } },
      region: "us-west-2",
      label: "Create s3t-data in us-west-2",
      expect: { Location: "/s3t-data" },
      expectError: { code: "BucketAlreadyExists", status: 409 },
      save: { where: "Location" },
    });
  });

  it("uses values saved by earlier calls, with their type", () => {
    const action = renderAction(
      { call: "s3:GetObject", input: { Bucket: "{{prefix}}-data", Key: "a.txt", VersionId: "{{firstVersion}}" }, expect: { ContentLength: "{{size}}" } },
      { ...variables, firstVersion: "3HL4kqtJlcpXroDTDmJ.rmSpXd3dIbrHY", size: 5 },
    );
    expect(action.input).toEqual({ Bucket: "s3t-data", Key: "a.txt", VersionId: "3HL4kqtJlcpXroDTDmJ.rmSpXd3dIbrHY" });
    expect(action.expect).toEqual({ ContentLength: 5 });
  });

  it("throws a clear error naming an undefined variable and where it is", () => {
    const render = () => renderAction({ call: "s3:HeadBucket", input: { Bucket: "{{bucketName}}" } }, { prefix: "s3t" });
    expect(render).toThrow(TemplateError);
    expect(render).toThrow("{{bucketName}} in input.Bucket is not defined (defined: prefix)");
  });

  it("lists the placeholders a string uses", () => {
    expect(placeholdersIn("{{prefix}}-{{ region }}-x")).toEqual(["prefix", "region"]);
  });
});
