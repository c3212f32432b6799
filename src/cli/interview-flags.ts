import { InvalidArgumentError } from "commander";

/** The interview command's flag parsers. */

export const parseMinutes = (value: string): number => {
  const minutes = Number(value);
  if (!Number.isFinite(minutes) || minutes < 1 || minutes > 180) throw new InvalidArgumentError("give the minutes as a number from 1 to 180.");
  return minutes;
};

/** --topics regions,security: the topics, spaces and empty entries dropped. */
export const parseTopicList = (value: string): string[] => {
  const topics = value.split(",").map((topic) => topic.trim()).filter((topic) => topic.length > 0);
  if (topics.length === 0) throw new InvalidArgumentError("name one or more topics, apart by commas.");
  return topics;
};
