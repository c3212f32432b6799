/**
 * `s3-tutor interview --plain | head`: once the reader has gone, writing fails with EPIPE, and an
 * unhandled stream error would end the run with a stack trace. Nobody is left to read anything,
 * so the run ends quietly instead.
 */
export const exitQuietlyOnEpipe = (...streams: NodeJS.WritableStream[]): void => {
  for (const stream of streams) {
    stream.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "EPIPE") process.exit(0);
      throw error;
    });
  }
};
