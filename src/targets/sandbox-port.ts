/** The port the learner's sandbox prefers (and `s3-tutor sandbox --data-dir/--ephemeral` listens on by default). */
export const LEARNER_SANDBOX_PORT = 4567;
