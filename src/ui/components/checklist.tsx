import { Box, Text } from "ink";
import { responseDetail } from "../../handson/response-detail";
import type { ActionResult, PhaseResult } from "../../handson/results";
import { useTheme } from "../theme";

const ActionLine = ({ action }: { action: ActionResult }) => {
  const theme = useTheme();
  const title = action.action.label ?? `${action.service}:${action.operation}`;
  if (action.notRun) {
    return <Text color={theme.muted}>· {title} (not run: an earlier action failed)</Text>;
  }
  if (action.notChecked) {
    return (
      <Text color={theme.muted} wrap="wrap">
        – {title}: {action.notChecked}
      </Text>
    );
  }
  const failing = action.items.filter((item) => !item.pass);
  // A question answered right shows the answer, so "do it for me" also teaches what to look for.
  const answered = action.items.filter((item) => item.pass && item.answerTo !== undefined);
  const detail = responseDetail(action);
  return (
    <Box flexDirection="column">
      <Text wrap="wrap">
        <Text bold color={action.pass ? theme.success : theme.failure}>
          {action.pass ? "✓" : "✗"}
        </Text>{" "}
        {title}
      </Text>
      {answered.map((item) => (
        <Text key={item.label} color={theme.muted} wrap="wrap">
          {"    "}
          {item.label}
        </Text>
      ))}
      {failing.map((item) => (
        <Text key={item.label} color={theme.failure} wrap="wrap">
          {"    "}
          {item.reason || item.label}
        </Text>
      ))}
      {detail ? (
        <Text color={theme.muted} wrap="wrap">
          {"    "}
          {detail}
        </Text>
      ) : null}
    </Box>
  );
};

/** Every action of the phases run, ✓ or ✗, with the reason and the telling response details. */
export const Checklist = ({ phases }: { phases: readonly PhaseResult[] }) => (
  <Box flexDirection="column">
    {/* Cleanup gives one phase per step, all named "cleanup": the key needs the phase's place too. */}
    {phases.flatMap((phase, place) => phase.actions.map((action, index) => <ActionLine key={`${place}-${phase.phase}-${index}`} action={action} />))}
  </Box>
);
