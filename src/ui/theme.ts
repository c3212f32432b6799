import { createContext, useContext } from "react";
import { hyperlinksSupported } from "./text-layout";

/**
 * Colours by meaning, never by hue at the call site. With NO_COLOR set every colour is
 * dropped; bold and the ✓/✗ marks still carry the meaning.
 */
export interface Theme {
  accent?: string;
  heading?: string;
  muted?: string;
  success?: string;
  failure?: string;
  warning?: string;
  key?: string;
  link?: string;
  code?: string;
  colour: boolean;
  /** Links as OSC 8 hyperlinks: where the terminal is known to show them (hyperlinksSupported). */
  hyperlinks?: boolean;
}

export const COLOUR_THEME: Theme = {
  accent: "cyan",
  heading: "cyanBright",
  muted: "gray",
  success: "green",
  failure: "red",
  warning: "yellow",
  key: "magenta",
  link: "blue",
  code: "yellow",
  colour: true,
};

export const NO_COLOUR_THEME: Theme = { colour: false };

/** https://no-color.org: any non-empty NO_COLOR turns colour off (and hyperlinks with it). */
export const themeFor = (env: NodeJS.ProcessEnv, isTTY = Boolean(process.stdout.isTTY)): Theme => {
  if (env.NO_COLOR) return NO_COLOUR_THEME;
  return hyperlinksSupported(env, isTTY) ? { ...COLOUR_THEME, hyperlinks: true } : COLOUR_THEME;
};

export const ThemeContext = createContext<Theme>(COLOUR_THEME);
export const useTheme = (): Theme => useContext(ThemeContext);
