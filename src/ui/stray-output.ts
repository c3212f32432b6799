/**
 * While the screens are up, anything written to stderr behind Ink's back (a library's warning,
 * the SDK's notices) would tear the frame. This routes it to the notice line instead and keeps
 * the full text to print once the app has closed. console.* is Ink's to patch already.
 */
export const guardStrayOutput = (notify: (message: string) => void): (() => string[]) => {
  const kept: string[] = [];
  const originalWrite = process.stderr.write.bind(process.stderr);
  const originalEmitWarning = process.emitWarning.bind(process);

  const capture = (text: string) => {
    const trimmed = text.trim();
    if (!trimmed) return;
    kept.push(trimmed);
    notify(trimmed.split("\n")[0] ?? trimmed);
  };

  process.stderr.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    capture(typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8"));
    const callback = rest.find((argument): argument is () => void => typeof argument === "function");
    callback?.();
    return true;
  }) as typeof process.stderr.write;
  process.emitWarning = ((warning: string | Error) => {
    capture(typeof warning === "string" ? warning : `${warning.name}: ${warning.message}`);
  }) as typeof process.emitWarning;

  return () => {
    process.stderr.write = originalWrite;
    process.emitWarning = originalEmitWarning;
    return kept;
  };
};
