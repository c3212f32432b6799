/**
 * The app's first chunk (dist/chunks/start.js), which dist/cli.js loads with the code cache on
 * (src/bundle/cli-entry.ts). `s3-tutor` alone (the commonest start) opens the screens without
 * loading the command-line parser.
 */
if (process.argv.length <= 2) await import("./open-app");
else await import("./main");

export {};
