import { Text } from "ink";
import { createElement, useEffect, useState, type ComponentType, type ReactElement } from "react";

/**
 * A screen whose code loads when it is first shown, or earlier when preloaded, and not with the
 * app: the home screen's first frame waits only for its own code. Once loaded it renders at once
 * (React's lazy() would still show its fallback for a render), so a screen preloaded after the
 * first frame opens as if it had been there all along.
 */
export interface LazyScreen<P> {
  (props: P): ReactElement;
  /** Loads the screen's code now; resolves when it is ready. */
  preload: () => Promise<void>;
}

export const lazyScreen = <P extends object>(load: () => Promise<ComponentType<P>>, loadingText = ""): LazyScreen<P> => {
  let loaded: ComponentType<P> | undefined;
  let loading: Promise<ComponentType<P>> | undefined;
  const start = (): Promise<ComponentType<P>> =>
    (loading ??= load().then((component) => {
      loaded = component;
      return component;
    }));

  const Screen = (props: P): ReactElement => {
    const [component, setComponent] = useState<ComponentType<P> | undefined>(() => loaded);
    const [failure, setFailure] = useState<unknown>();
    useEffect(() => {
      if (component) return;
      let current = true;
      start().then(
        (ready) => current && setComponent(() => ready),
        (error: unknown) => current && setFailure(() => error),
      );
      return () => {
        current = false;
      };
    }, [component]);
    // Code that cannot load is a broken install: fail as a static import would have.
    if (failure !== undefined) throw failure;
    const Ready = component ?? loaded;
    return Ready ? createElement(Ready, props) : <Text dimColor>{loadingText}</Text>;
  };
  return Object.assign(Screen, { preload: () => start().then(() => undefined) });
};
