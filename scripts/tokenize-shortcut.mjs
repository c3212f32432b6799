import { exactPatchPlugin, replaceExactly } from "./exact-patch.mjs";

// Ink splits every line of a frame into characters with @alcalzone/ansi-tokenize's tokenize,
// which walks the line through Intl.Segmenter's grapheme clusters: a segment object for each
// character. On the home screen's first frame that is most of ansi-tokenize's ~10 ms. Most lines
// are ASCII, box drawing and a few symbols, characters that are a grapheme on their own whatever
// stands beside them, so this plugin puts a shortcut in front: a line made only of those
// characters and escape codes is split code unit by code unit, the escape codes exactly as the
// long way parses them; any other character sends the whole line the long way.
// test/build/tokenize-shortcut.test.ts checks the ranges against Intl.Segmenter and compares
// the two ways on seeded lines.

export const TOKENIZE = /[\\/]@alcalzone[\\/]ansi-tokenize[\\/]build[\\/]tokenize\.js$/;

/** The head of tokenize as ansi-tokenize 0.2 ships it; a different one fails the build, for a look at the shortcut. */
export const ORIGINAL_HEAD = `export function tokenize(str, endChar = Number.POSITIVE_INFINITY) {
    const ret = [];
    let visible = 0;
    let codeEndIndex = 0;
    for (const { segment, index } of segmenter.segment(str)) {`;

/**
 * The code units the shortcut takes, as [first, last] ranges: printable ASCII, Latin-1 and Latin Extended
 * letters and signs (the combining marks start at U+0300), general punctuation (dashes, quotes, bullet,
 * ellipsis, without the zero-width and direction marks), arrows, technical and box-drawing signs, block
 * elements, geometric shapes, symbols and dingbats (✓ ✗ ❯). Each is a grapheme cluster of its own beside
 * any other of them.
 */
export const STANDALONE_RANGES = [
  [0x20, 0x7e],
  [0xa0, 0x2ff],
  [0x2010, 0x2027],
  [0x2030, 0x205e],
  [0x2190, 0x23ff],
  [0x2500, 0x27bf],
];

const SHORTCUT = `/** Whether the code unit is a grapheme of its own beside any other such unit (STANDALONE_RANGES in scripts/tokenize-shortcut.mjs). */
function standsAlone(unit) {
    return ${STANDALONE_RANGES.map(([first, last]) => `(unit >= ${first} && unit <= ${last})`).join(" || ")};
}
/** tokenize for a line of standalone characters and escape codes; undefined when another character needs the segmenter. */
function tokenizeStandalone(str, endChar) {
    const ret = [];
    let visible = 0;
    for (let index = 0; index < str.length;) {
        const unit = str.charCodeAt(index);
        if (unit === 27) {
            let code;
            const nextCodePoint = str.codePointAt(index + 1);
            if (nextCodePoint === OSC) {
                code = parseLinkCode(str, index);
                if (code) ret.push({ type: "ansi", code: code, endCode: getEndCode(code) });
            }
            else if (nextCodePoint === CSI) {
                code = parseSGRSequence(str, index);
                if (code) {
                    for (const individualCode of splitCompoundSGRSequences(code)) {
                        ret.push({ type: "ansi", code: individualCode, endCode: getEndCode(individualCode) });
                    }
                }
            }
            if (code) {
                index += code.length;
                continue;
            }
        }
        else if (!standsAlone(unit)) {
            return undefined;
        }
        const fullWidth = isFullwidthCodePoint(unit);
        ret.push({ type: "char", value: str[index], fullWidth });
        visible += fullWidth ? 2 : 1;
        index++;
        if (visible >= endChar) {
            // The character cut at may join the one after it (é as e and U+0301): that is the segmenter's to say.
            if (index < str.length && str.charCodeAt(index) !== 27 && !standsAlone(str.charCodeAt(index))) return undefined;
            break;
        }
    }
    return ret;
}
export function tokenize(str, endChar = Number.POSITIVE_INFINITY) {
    return tokenizeStandalone(str, endChar) ?? tokenizeBySegments(str, endChar);
}
function tokenizeBySegments(str, endChar = Number.POSITIVE_INFINITY) {
    const ret = [];
    let visible = 0;
    let codeEndIndex = 0;
    for (const { segment, index } of segmenter.segment(str)) {`;

/** ansi-tokenize's tokenize.js with the shortcut; throws when tokenize does not begin as the one above. */
export const withTokenizeShortcut = (source) =>
  replaceExactly(source, ORIGINAL_HEAD, SHORTCUT, { what: "@alcalzone/ansi-tokenize's tokenize", script: "scripts/tokenize-shortcut.mjs" });

export const tokenizeShortcutPlugin = exactPatchPlugin("tokenize-shortcut", TOKENIZE, withTokenizeShortcut);
