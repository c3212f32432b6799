import { Box, Text } from "ink";
import { useState } from "react";
import type { TargetName } from "../../targets/target";
import { useServices } from "../app-context";
import { Menu } from "../components/menu";
import { useTheme } from "../theme";

/** Home regions to choose from; us-east-1 is not one, because its CreateBucket rules differ. */
const REGIONS = ["eu-west-1", "eu-central-1", "us-west-2", "us-east-2", "ap-southeast-2", "ap-northeast-1", "sa-east-1"];

const TARGETS: Array<{ value: TargetName; label: string; note: string }> = [
  { value: "sandbox", label: "Sandbox", note: "built in: nothing to install, no account" },
  { value: "localstack", label: "LocalStack", note: "at --endpoint, default http://localhost:4566" },
  { value: "aws", label: "AWS", note: "your account: credentials, SSO or --profile; costs a little" },
];

/** Where hands-on steps run, and in which home region. */
export const TargetPicker = ({ isActive }: { isActive: boolean }) => {
  const { session, go, notify } = useServices();
  const theme = useTheme();
  const [chosen, setChosen] = useState<TargetName | undefined>();
  const current = session.settings;

  const apply = (region: string) => {
    const target = chosen ?? current.target;
    // --endpoint named where the old target was (LocalStack's URL, a sandbox's); it means nothing to another.
    const { endpoint, ...rest } = current;
    const kept = target === current.target && endpoint !== undefined ? { endpoint } : {};
    void session.switchTo({ ...rest, ...kept, target, region }).then(() => {
      notify(`Hands-on steps now run on ${target} in ${region}.`);
      go({ screen: "home" });
    });
  };

  return (
    <Box flexDirection="column" paddingX={1}>
      <Text bold color={theme.heading}>
        Target and region
      </Text>
      <Text color={theme.muted}>
        Now: {current.target} in {current.region ?? "eu-west-1"}
      </Text>
      <Box marginTop={1} flexDirection="column">
        {chosen === undefined ? (
          <>
            <Text>Where should hands-on steps run?</Text>
            <Menu items={TARGETS} onSelect={setChosen} isActive={isActive} initialIndex={Math.max(0, TARGETS.findIndex((t) => t.value === current.target))} />
          </>
        ) : (
          <>
            <Text>Home region for the lessons (us-east-1 has its own rules, so the lessons visit it on purpose):</Text>
            <Menu
              items={REGIONS.map((region) => ({ value: region, label: region }))}
              onSelect={apply}
              isActive={isActive}
              initialIndex={Math.max(0, REGIONS.indexOf(current.region ?? "eu-west-1"))}
            />
          </>
        )}
      </Box>
      {chosen === "aws" ? (
        <Box marginTop={1}>
          <Text color={theme.warning} wrap="wrap">
            On AWS, everything s3-tutor creates starts with a session prefix, is tagged and listed for s3-tutor cleanup, and you confirm before the first write.
          </Text>
        </Box>
      ) : null}
    </Box>
  );
};
