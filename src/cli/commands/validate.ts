/** `s3-tutor validate [paths]`: filled in by the content work. */
export const runValidateCommand = async (_paths: string[]): Promise<number> => {
  throw new Error("validate is not written yet");
};
