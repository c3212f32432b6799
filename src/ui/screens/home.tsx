import { Box, Text } from "ink";
import { dueToday } from "../../engine/review-due";
import { useServices } from "../app-context";
import { Menu } from "../components/menu";
import { lessonMark, lessonToContinue, savedState } from "../progress-view";
import { useTheme } from "../theme";

type Choice = "continue" | "lessons" | "quiz" | "stats" | "target" | "help" | "quit";

export interface HomeProps {
  isActive: boolean;
  openHelp: () => void;
}

/** Where the app opens: continue, lessons, quiz (with the review cards due today), stats, target and region, help, quit. */
export const Home = ({ isActive, openHelp }: HomeProps) => {
  const { catalog, progress, quizStores, clock, session, go, quit } = useServices();
  const theme = useTheme();
  const data = progress.data;
  const next = lessonToContinue(catalog.lessons, data);
  const done = catalog.lessons.filter((lesson) => lessonMark(lesson, data) === "done").length;
  const questionCount = catalog.questions.size;
  const due = dueToday(quizStores.cards.data.cards, clock(), new Set(catalog.questions.keys())).length;
  const nextState = next ? savedState(next, data) : undefined;
  const target = session.settings;

  const items = [
    ...(next
      ? [
          {
            value: "continue" as const,
            label: `${nextState ? "Continue" : "Start"}: ${next.title}`,
            note: nextState ? `step ${nextState.index + 1} of ${next.steps.length}` : `${next.minutes} min`,
          },
        ]
      : []),
    { value: "lessons" as const, label: "Lessons", note: `${done} of ${catalog.lessons.length} done` },
    { value: "quiz" as const, label: "Practice quiz, exam and review", note: `${questionCount} questions · ${due} due for review today` },
    { value: "stats" as const, label: "Quiz stats" },
    { value: "target" as const, label: "Target and region", note: `${target.target} · ${target.region ?? "eu-west-1"}` },
    { value: "help" as const, label: "Help" },
    { value: "quit" as const, label: "Quit" },
  ];

  const choose = (choice: Choice) => {
    if (choice === "continue" && next) go({ screen: "lesson", lessonId: next.id });
    else if (choice === "lessons") go({ screen: "lessons" });
    else if (choice === "quiz") go({ screen: "quizMenu" });
    else if (choice === "stats") go({ screen: "stats" });
    else if (choice === "target") go({ screen: "target" });
    else if (choice === "help") openHelp();
    else if (choice === "quit") quit();
  };

  return (
    <Box flexDirection="column" paddingX={1}>
      <Text bold color={theme.heading}>
        s3-tutor
      </Text>
      <Text color={theme.muted}>Amazon S3 for interviews and hands-on work: buckets, regions, names, replication, cost.</Text>
      {!data.welcomed ? (
        <Box flexDirection="column" borderStyle="round" borderColor={theme.accent} paddingX={1} marginTop={1}>
          <Text bold>Welcome!</Text>
          <Text>
            Hands-on steps run against an S3 sandbox built into s3-tutor: nothing to install, no account, no network.
          </Text>
          <Text>
            To use LocalStack or your own AWS account instead, choose "Target and region" below, or start with
            --target localstack or --target aws.
          </Text>
        </Box>
      ) : null}
      <Box marginTop={1}>
        <Menu items={items} onSelect={choose} isActive={isActive} />
      </Box>
    </Box>
  );
};
