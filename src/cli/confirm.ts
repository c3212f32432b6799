import { createInterface } from "node:readline/promises";

/**
 * Asks on the terminal before the first write to a real AWS account, listing what will be
 * created. Without a terminal there is nobody to ask: the answer is no (use --yes in scripts).
 */
export const confirmOnTerminal = async (whatWillBeCreated: string[]): Promise<boolean> => {
  if (!process.stdin.isTTY) {
    process.stderr.write("s3-tutor would create resources in your AWS account, and there is no terminal to ask. Pass --yes to allow it.\n");
    return false;
  }
  process.stdout.write("\nThis will create, in your AWS account:\n");
  for (const item of whatWillBeCreated) process.stdout.write(`  - ${item}\n`);
  process.stdout.write("Everything is tagged and listed for `s3-tutor cleanup`.\n");
  const prompt = createInterface({ input: process.stdin, output: process.stdout });
  try {
    const answer = await prompt.question("Go ahead? [y/N] ");
    return /^y(es)?$/i.test(answer.trim());
  } finally {
    prompt.close();
  }
};
