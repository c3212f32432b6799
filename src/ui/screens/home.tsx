import { Box, Text } from "ink";
import { interviewCardKey } from "../../engine/interview/interview-card";
import { dueToday } from "../../engine/review-due";
import { useServices } from "../app-context";
import { Menu } from "../components/menu";
import { lessonMark, lessonToContinue, savedState } from "../progress-view";
import { wrapLines } from "../text";
import { useTheme } from "../theme";

type Choice = "continue" | "lessons" | "quiz" | "interview" | "stats" | "target" | "help" | "quit";

export interface HomeProps {
  isActive: boolean;
  openHelp: () => void;
  width: number;
  /** Rows the screen may take: the welcome and the tagline go when the menu needs their room. */
  height: number;
}

/** Rows the home screen needs at least: the title, a blank row and the menu (at 60 columns). */
export const HOME_MIN_ROWS = 11;

const TAGLINE = "Amazon S3 for interviews and hands-on work: buckets, regions, names, replication, cost.";
const WELCOME = [
  "Hands-on steps run against an S3 sandbox built into s3-tutor: nothing to install, no account, no network.",
  'To use LocalStack or your own AWS account instead, choose "Target and region" below, or start with --target localstack or --target aws.',
];
const SHORT_WELCOME = 'Welcome! Hands-on steps run in a built-in S3 sandbox; "Target and region" changes that.';

/** Where the app opens: continue, lessons, quiz (with the review cards due today), mock interview, stats, target and region, help, quit. */
export const Home = ({ isActive, openHelp, width, height }: HomeProps) => {
  const { catalog, progress, quizStores, clock, session, go, quit } = useServices();
  const theme = useTheme();
  const data = progress.data;
  const next = lessonToContinue(catalog.lessons, data);
  const done = catalog.lessons.filter((lesson) => lessonMark(lesson, data) === "done").length;
  const questionCount = catalog.questions.size;
  const interviewKeys = new Set(catalog.interviews.flatMap((file) => file.interviews.map((question) => interviewCardKey(question.id))));
  const interviewsDue = dueToday(quizStores.cards.data.cards, clock(), interviewKeys).length;
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
    {
      value: "interview" as const,
      label: "Mock interview",
      note: interviewKeys.size > 0 ? `${interviewKeys.size} questions, with follow-ups${interviewsDue > 0 ? ` · ${interviewsDue} due for review` : ""}` : "no interview questions yet",
    },
    { value: "stats" as const, label: "Quiz stats" },
    { value: "target" as const, label: "Target and region", note: `${target.target} · ${target.region ?? "eu-west-1"}` },
    { value: "help" as const, label: "Help" },
    { value: "quit" as const, label: "Quit" },
  ];

  const choose = (choice: Choice) => {
    if (choice === "continue" && next) go({ screen: "lesson", lessonId: next.id });
    else if (choice === "lessons") go({ screen: "lessons" });
    else if (choice === "quiz") go({ screen: "quizMenu" });
    else if (choice === "interview") go({ screen: "interview" });
    else if (choice === "stats") go({ screen: "stats" });
    else if (choice === "target") go({ screen: "target" });
    else if (choice === "help") openHelp();
    else if (choice === "quit") quit();
  };

  // What fits, in this order: title and menu, the welcome (whole, else one line), the tagline.
  const inner = width - 2;
  const rowsOf = (text: string, columns: number) => wrapLines(text, columns).length;
  const menuRows = items.reduce((rows, item) => rows + rowsOf(`${item.label}${item.note ? `  ${item.note}` : ""}`, inner - 2), 0);
  let room = height - 1 - 1 - menuRows;
  const welcomeRows = 1 + 2 + 1 + WELCOME.reduce((rows, text) => rows + rowsOf(text, inner - 4), 0);
  const welcome = data.welcomed ? "none" : welcomeRows <= room ? "whole" : 1 + rowsOf(SHORT_WELCOME, inner) <= room ? "short" : "none";
  room -= welcome === "whole" ? welcomeRows : welcome === "short" ? 1 + rowsOf(SHORT_WELCOME, inner) : 0;
  const tagline = rowsOf(TAGLINE, inner) <= room;

  return (
    <Box flexDirection="column" paddingX={1}>
      <Text bold color={theme.heading}>
        s3-tutor
      </Text>
      {tagline ? <Text color={theme.muted}>{TAGLINE}</Text> : null}
      {welcome === "whole" ? (
        <Box flexDirection="column" borderStyle="round" borderColor={theme.accent} paddingX={1} marginTop={1} flexShrink={0}>
          <Text bold>Welcome!</Text>
          {WELCOME.map((text) => (
            <Text key={text}>{text}</Text>
          ))}
        </Box>
      ) : welcome === "short" ? (
        <Box marginTop={1}>
          <Text color={theme.accent}>{SHORT_WELCOME}</Text>
        </Box>
      ) : null}
      <Box marginTop={1} flexShrink={0}>
        <Menu items={items} onSelect={choose} isActive={isActive} />
      </Box>
    </Box>
  );
};
