import { render } from "ink";
import { UiBridge } from "./bridge";
import { KeyByKeyStdin } from "./keys/key-by-key-stdin";
import { RoomConsole, type RoomConsoleSource } from "./screens/room-console";
import { guardStrayOutput } from "./stray-output";
import { themeFor } from "./theme";
import { untilExit } from "./until-exit";

/**
 * Runs the instructor's console until they quit (q or ctrl+c, confirmed), a signal, or the
 * terminal closing; the caller closes the room afterwards. Give `bridge.notify` to the room as its
 * `onNotice` before starting it: notices from its start wait for the console and show in its notice
 * line, as do stray warnings written to stderr (printed again once the console has closed).
 */
export const runRoomConsole = async (
  source: RoomConsoleSource,
  bridge: UiBridge = new UiBridge(),
  options: { onRedraw?: () => void } = {},
): Promise<void> => {
  const restoreStderr = guardStrayOutput(bridge.notify);
  const instance = render(<RoomConsole source={source} theme={themeFor(process.env)} bridge={bridge} {...options} />, {
    exitOnCtrlC: false,
    stdin: new KeyByKeyStdin(process.stdin) as unknown as NodeJS.ReadStream,
  });
  await untilExit(instance, () => {
    for (const line of restoreStderr()) process.stderr.write(`${line}\n`);
  });
};
