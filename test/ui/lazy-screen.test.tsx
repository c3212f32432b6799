import { Text } from "ink";
import { render } from "ink-testing-library";
import { describe, expect, it } from "vitest";
import { lazyScreen } from "../../src/ui/lazy-screen";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A screen's code that arrives when the test says. */
const deferredScreen = () => {
  let loads = 0;
  let deliver: () => void = () => undefined;
  const Greeting = ({ name }: { name: string }) => <Text>hello {name}</Text>;
  const load = () => {
    loads++;
    return new Promise<typeof Greeting>((resolve) => (deliver = () => resolve(Greeting)));
  };
  return { load, deliver: () => deliver(), loads: () => loads };
};

describe("a screen loaded on first use", () => {
  it("shows its loading line until its code is there, then itself with its props; the code loads once", async () => {
    const code = deferredScreen();
    const Screen = lazyScreen(code.load, "Opening…");
    const shown = render(<Screen name="Ada" />);
    expect(shown.lastFrame()).toBe("Opening…");
    code.deliver();
    await sleep(20);
    expect(shown.lastFrame()).toBe("hello Ada");
    shown.rerender(<Screen name="Grace" />);
    expect(shown.lastFrame()).toBe("hello Grace");
    render(<Screen name="again" />);
    expect(code.loads()).toBe(1);
  });

  it("once preloaded, is there in its first frame", async () => {
    const code = deferredScreen();
    const Screen = lazyScreen(code.load, "Opening…");
    const ready = Screen.preload();
    code.deliver();
    await ready;
    expect(render(<Screen name="Ada" />).lastFrame()).toBe("hello Ada");
    expect(code.loads()).toBe(1);
  });
});
