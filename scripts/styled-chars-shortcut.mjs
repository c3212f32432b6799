import { exactPatchPlugin, replaceExactly } from "./exact-patch.mjs";

// Ink turns every frame into text cell by cell (@alcalzone/ansi-tokenize's styledCharsToString):
// between two cells it works out the colour codes that lead from one cell's style to the next,
// building three Sets and four arrays for it, even where both cells have the same style, which
// is almost everywhere (80×24 cells, most of them blank). On a start that is ~13 ms of the home
// screen's first frame on Node 20, spent finding that there is nothing to write. This plugin puts
// a shortcut in front: where the two styles are the same codes, there is nothing between them,
// exactly as the long way finds (test/build/styled-chars-shortcut.test.ts compares the two).
// Before that, styledCharsFromTokens gave every character a copy of the codes in force, spreading
// the token into a new object; the cells now share the codes' array (ansi-tokenize makes a new one
// for every change and never changes one, nor does Ink), and the cell is written out field by field.

export const STYLED_CHARS = /[\\/]@alcalzone[\\/]ansi-tokenize[\\/]build[\\/]styledChars\.js$/;

/** styledCharsFromTokens as ansi-tokenize 0.2 ships it; a different one fails the build, for a look at the shortcut. */
export const ORIGINAL_FROM_TOKENS = `export function styledCharsFromTokens(tokens) {
    let codes = [];
    const ret = [];
    for (const token of tokens) {
        if (token.type === "ansi") {
            codes = reduceAnsiCodesIncremental(codes, [token]);
        }
        else if (token.type === "char") {
            ret.push({
                ...token,
                styles: [...codes],
            });
        }
    }
    return ret;
}`;

/** Its tokens are tokenize's: a character is { type, value, fullWidth }, and the codes' arrays are never changed, only replaced. */
const SHORTCUT_FROM_TOKENS = ORIGINAL_FROM_TOKENS.replace(
  `            ret.push({
                ...token,
                styles: [...codes],
            });`,
  `            ret.push({ type: "char", value: token.value, fullWidth: token.fullWidth, styles: codes });`,
);

/** styledCharsToString as ansi-tokenize 0.2 ships it; a different one fails the build, for a look at the shortcut. */
export const ORIGINAL = `export function styledCharsToString(chars) {
    let ret = "";
    for (let i = 0; i < chars.length; i++) {
        const char = chars[i];
        if (i === 0) {
            ret += ansiCodesToString(char.styles);
        }
        else {
            ret += ansiCodesToString(diffAnsiCodes(chars[i - 1].styles, char.styles));
        }
        ret += char.value;
        // reset active styles at the end of the string
        if (i === chars.length - 1) {
            ret += ansiCodesToString(diffAnsiCodes(char.styles, []));
        }
    }
    return ret;
}`;

const SHORTCUT = `/** Whether two cells' styles are the same codes in the same order: nothing leads from one to the other. */
function sameStyles(from, to) {
    if (from === to) return true;
    if (from.length !== to.length) return false;
    for (let k = 0; k < from.length; k++) {
        if (from[k].code !== to[k].code || from[k].endCode !== to[k].endCode) return false;
    }
    return true;
}
export function styledCharsToString(chars) {
    let ret = "";
    for (let i = 0; i < chars.length; i++) {
        const char = chars[i];
        if (i === 0) {
            if (char.styles.length > 0) ret += ansiCodesToString(char.styles);
        }
        else if (!sameStyles(chars[i - 1].styles, char.styles)) {
            ret += ansiCodesToString(diffAnsiCodes(chars[i - 1].styles, char.styles));
        }
        ret += char.value;
        if (i === chars.length - 1 && char.styles.length > 0) {
            ret += ansiCodesToString(diffAnsiCodes(char.styles, []));
        }
    }
    return ret;
}`;

/** ansi-tokenize's styledChars.js with both shortcuts; throws when either function is not the one above. */
export const withShortcut = (source) => {
  const script = "scripts/styled-chars-shortcut.mjs";
  const fromTokens = replaceExactly(source, ORIGINAL_FROM_TOKENS, SHORTCUT_FROM_TOKENS, { what: "@alcalzone/ansi-tokenize's styledCharsFromTokens", script });
  return replaceExactly(fromTokens, ORIGINAL, SHORTCUT, { what: "@alcalzone/ansi-tokenize's styledCharsToString", script });
};

export const styledCharsShortcutPlugin = exactPatchPlugin("styled-chars-shortcut", STYLED_CHARS, withShortcut);
