import type { Instance } from "ink";

/**
 * Waits until the screens exit; a signal from outside (kill, a closing terminal) unmounts them
 * first, so the terminal is left as it was. `cleanUp` runs however it ended.
 */
export const untilExit = async (instance: Instance, cleanUp: () => void): Promise<void> => {
  const stop = () => instance.unmount();
  process.once("SIGTERM", stop);
  process.once("SIGHUP", stop);
  try {
    await instance.waitUntilExit();
  } finally {
    process.off("SIGTERM", stop);
    process.off("SIGHUP", stop);
    cleanUp();
  }
};
