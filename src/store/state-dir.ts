import envPaths from "env-paths";

/** Tests (and anyone who wants their state elsewhere) point this at another folder. */
export const STATE_DIR_VARIABLE = "S3_TUTOR_STATE_DIR";

/**
 * Where s3-tutor keeps what must survive a run (session prefixes, cleanup journals, progress):
 * the platform's data folder, e.g. ~/.local/share/s3-tutor or %LOCALAPPDATA%\s3-tutor\Data.
 */
export const stateDir = (): string => process.env[STATE_DIR_VARIABLE] || envPaths("s3-tutor", { suffix: "" }).data;
