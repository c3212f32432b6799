import { beforeCommand, exitOnKnownFailure, openScreens, prepareProcess } from "./run-command";

/**
 * `s3-tutor` with no arguments, as main.ts would run it (the root command, every flag at its
 * default: the app's flags are all optional), without loading commander and every command's
 * definition first. Any argument at all goes through main.ts.
 */
prepareProcess();
try {
  await beforeCommand();
  await openScreens({});
} catch (error) {
  exitOnKnownFailure(error);
}
