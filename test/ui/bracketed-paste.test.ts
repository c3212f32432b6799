import { describe, expect, it } from "vitest";
import { KeySplitter, PASTE_END, PASTE_START } from "../../src/ui/keys/bracketed-paste";

const paste = (text: string) => `${PASTE_START}${text}${PASTE_END}`;

describe("terminal input with bracketed pastes, as keys", () => {
  it("a paste is one key, its line breaks new lines (\\n), not Enter", () => {
    expect(new KeySplitter().keysOf(paste("one\rtwo\r\nthree\n"))).toEqual(["one\ntwo\nthree\n"]);
  });

  it("keys typed before and after a paste stay keys of their own, in order", () => {
    expect(new KeySplitter().keysOf(`a${paste("b c")}\r\u001B[B`)).toEqual(["a", "b c", "\r", "\u001B[B"]);
  });

  it("a paste that comes in several chunks is still one key, once its end has come", () => {
    const splitter = new KeySplitter();
    expect(splitter.keysOf(`x${PASTE_START}first line\r`)).toEqual(["x"]);
    expect(splitter.keysOf("second line\r")).toEqual([]);
    expect(splitter.keysOf(`third${PASTE_END}\r`)).toEqual(["first line\nsecond line\nthird", "\r"]);
  });

  it("an empty paste is no key; input without marks is split as before", () => {
    expect(new KeySplitter().keysOf(`${paste("")}2020\r`)).toEqual(["2", "0", "2", "0", "\r"]);
  });
});
