import { render } from "ink";
import type { Target } from "../targets/target";
import { KeyByKeyStdin } from "./keys/key-by-key-stdin";
import { WorldWatch } from "./screens/world-watch";
import { ThemeContext, themeFor } from "./theme";
import { untilExit } from "./until-exit";

/** Runs `s3-tutor world --watch` until the learner quits (q, esc or ctrl+c) or a signal comes. */
export const watchWorld = async (target: Target, heading: string): Promise<void> => {
  const instance = render(
    <ThemeContext.Provider value={themeFor(process.env)}>
      <WorldWatch target={target} heading={heading} />
    </ThemeContext.Provider>,
    { exitOnCtrlC: false, stdin: new KeyByKeyStdin(process.stdin) as unknown as NodeJS.ReadStream },
  );
  await untilExit(instance, () => undefined);
};
