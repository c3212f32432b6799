import { Text } from "ink";
import { useTheme } from "../theme";

/** What a typed answer graded wrong can become: the offer of "I was right", or that it was taken. */
export const MarkRightLines = ({ offered, marked }: { offered: boolean; marked: boolean }) => {
  const theme = useTheme();
  if (marked) return <Text color={theme.warning}>✓ You marked it right: it counts as right, and is flagged for review.</Text>;
  if (offered) return <Text color={theme.muted}>Right in other words? Press i (I was right): it counts as right, flagged for review.</Text>;
  return null;
};

/** Said once the learner marked an answer right. */
export const MARKED_RIGHT_NOTICE = "Counted as right, and flagged for review: check it when it comes up again.";
