import { createContext, useContext } from "react";

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

/** https://no-color.org: any non-empty NO_COLOR turns colour off. */
export const themeFor = (env: NodeJS.ProcessEnv): Theme => (env.NO_COLOR ? NO_COLOUR_THEME : COLOUR_THEME);

export const ThemeContext = createContext<Theme>(COLOUR_THEME);
export const useTheme = (): Theme => useContext(ThemeContext);
