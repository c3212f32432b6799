import { useStdout } from "ink";
import { useEffect, useState } from "react";

export interface WindowSize {
  columns: number;
  rows: number;
}

/** The terminal's size, updated when the window is resized, so layouts reflow. */
export const useWindowSize = (): WindowSize => {
  const { stdout } = useStdout();
  const read = (): WindowSize => ({ columns: stdout.columns || 80, rows: stdout.rows || 24 });
  const [size, setSize] = useState(read);
  useEffect(() => {
    const onResize = () => setSize(read());
    stdout.on("resize", onResize);
    return () => {
      stdout.off("resize", onResize);
    };
  }, [stdout]);
  return size;
};
