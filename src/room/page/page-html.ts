import { PAGE_SCRIPT_PATH } from "./page-paths";

/**
 * The projector page: one HTML document, its CSS inline (allowed by a per-response nonce), its
 * script served by the room at PAGE_SCRIPT_PATH, so the Content-Security-Policy allows nothing
 * inline that the room did not write and nothing from anywhere but the room. Large type, high
 * contrast, and every state said with a symbol as well as a colour (Okabe–Ito blue and orange).
 */

export const pageCsp = (nonce: string): string =>
  [
    "default-src 'self'",
    `style-src 'nonce-${nonce}'`,
    "script-src 'self'",
    "connect-src 'self'",
    "img-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join("; ");

const STYLE = `
:root { color-scheme: dark; }
* { box-sizing: border-box; }
body { margin: 0; background: #000; color: #fff; font: 24px/1.35 system-ui, sans-serif; }
header { display: flex; flex-wrap: wrap; gap: 0 2em; align-items: baseline; padding: 0.4em 0.8em; border-bottom: 3px solid #fff; }
h1 { font-size: 1.5em; margin: 0; }
h2 { font-size: 1.15em; margin: 0.6em 0 0.3em; }
main { display: grid; grid-template-columns: minmax(0, 3fr) minmax(16em, 2fr); gap: 0 1.2em; padding: 0 0.8em; }
#clock { font-size: 1.3em; font-variant-numeric: tabular-nums; }
#connection { color: #ffd479; }
.heat { overflow: auto; max-height: 75vh; border: 2px solid #777; }
.heat:focus { outline: 4px solid #ffd479; outline-offset: 2px; }
table { border-collapse: collapse; }
th, td { padding: 0.1em 0.35em; text-align: center; }
th[scope=row] { text-align: left; white-space: nowrap; position: sticky; left: 0; background: #000; }
thead th { position: sticky; top: 0; background: #000; font-size: 0.75em; }
td.p { background: #56b4e9; color: #000; }
td.f { background: #e69f00; color: #000; font-weight: bold; }
td.n { background: #1a1a1a; color: #bbb; }
.legend span { margin-right: 1.2em; padding: 0 0.3em; }
ol, ul { margin: 0; padding-left: 1.3em; }
li { margin-bottom: 0.35em; }
.why { color: #ffd479; }
.reason { display: block; font-size: 0.85em; color: #ddd; }
#help { position: fixed; inset: 10% 20%; background: #111; border: 3px solid #fff; padding: 1em; }
kbd { border: 1px solid #fff; padding: 0 0.3em; border-radius: 4px; }
.empty { color: #ccc; list-style: none; }
#world-section { padding: 0 0.8em 1em; }
.world { display: flex; gap: 1em; overflow-x: auto; }
.region { flex: 1 0 14em; border: 2px solid #777; padding: 0.2em 0.5em; }
.region h3 { margin: 0.2em 0; font-size: 1em; }
.region ul { list-style: none; padding: 0; }
.bucket { border-left: 6px solid #56b4e9; padding-left: 0.4em; }
.bucket.collision { border-left: 6px dashed #e69f00; }
.owner, .replication, .refused { display: block; font-size: 0.85em; }
.refused { color: #ffd479; }
#quiz-section { padding: 0.2em 0.8em 0.6em; border-bottom: 3px solid #fff; }
#quiz-prompt { font-size: 1.4em; margin: 0.2em 0; }
#quiz-status { font-size: 1.2em; font-variant-numeric: tabular-nums; }
#quiz-status span { margin-right: 1.5em; }
#quiz-said { color: #ffd479; }
#quiz-choices { list-style: none; padding: 0; }
.choice { display: grid; grid-template-columns: minmax(10em, 2fr) 3fr 4em; gap: 0.6em; align-items: center; font-size: 1.2em; }
.choice .bar { height: 1em; background: #888; min-width: 2px; }
.choice.right .bar { background: #56b4e9; }
.choice.right .count { font-weight: bold; }
.count { text-align: right; font-variant-numeric: tabular-nums; }
#quiz-explain { color: #ddd; }
#leaderboard { font-size: 1.2em; }
`;

export const pageHtml = (nonce: string): string => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>s3-tutor room</title>
<style nonce="${nonce}">${STYLE}</style>
<script src="${PAGE_SCRIPT_PATH}" defer></script>
</head>
<body>
<header>
  <h1 id="title">s3-tutor room</h1>
  <span>Join code <strong id="code">…</strong></span>
  <span id="clock" aria-live="off">…</span>
  <span id="connection" role="status">Connecting…</span>
</header>
<section id="quiz-section" aria-labelledby="quiz-title" hidden>
  <h2 id="quiz-title">Question</h2>
  <p id="quiz-prompt"></p>
  <p id="quiz-status"><span id="quiz-answered"></span><span id="quiz-countdown"></span><span id="quiz-said" role="status"></span></p>
  <ol id="quiz-choices" aria-labelledby="quiz-prompt"></ol>
  <p id="quiz-explain" hidden></p>
  <div id="leaderboard-section" hidden>
    <h2 id="leaderboard-title">Leaderboard</h2>
    <ol id="leaderboard" aria-labelledby="leaderboard-title"></ol>
  </div>
</section>
<main>
  <section aria-labelledby="progress-title">
    <h2 id="progress-title">Progress</h2>
    <p class="legend"><span class="p-legend">✓ passed</span><span>✗ failing</span><span>· not reached</span> — press <kbd>?</kbd> for keys</p>
    <div class="heat" id="heat" tabindex="0" role="region" aria-label="Heat map: participants by steps (arrow keys scroll)">
      <table id="heatmap"><thead><tr><th scope="col">Participant</th></tr></thead><tbody></tbody></table>
    </div>
  </section>
  <section>
    <h2 id="stuck-title">Stuck</h2>
    <ol id="stuck" aria-labelledby="stuck-title"></ol>
    <h2 id="failed-title">Most-failed checks</h2>
    <ol id="failed" aria-labelledby="failed-title"></ol>
  </section>
</main>
<section id="world-section" aria-labelledby="world-title" hidden>
  <h2 id="world-title">The room's S3 world</h2>
  <div class="world" id="world"></div>
</section>
<div id="help" role="dialog" aria-modal="true" aria-labelledby="help-title" hidden tabindex="-1">
  <h2 id="help-title">Keys</h2>
  <ul>
    <li><kbd>←</kbd> <kbd>→</kbd> <kbd>↑</kbd> <kbd>↓</kbd> scroll the heat map (<kbd>PgUp</kbd> <kbd>PgDn</kbd> a page, <kbd>Home</kbd> the top)</li>
    <li><kbd>l</kbd> ask the room the next live quiz question (the console's list, 30 s)</li>
    <li><kbd>r</kbd> reveal the live question's answer, how the room answered, and the leaderboard</li>
    <li><kbd>+</kbd> <kbd>-</kbd> larger or smaller type</li>
    <li><kbd>?</kbd> this list; <kbd>Esc</kbd> closes it</li>
  </ul>
</div>
</body>
</html>
`;

/** What a browser without the instructor token sees: how to open the page, not the room. */
export const refusedPageHtml = (nonce: string, wrongToken: boolean): string => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>s3-tutor room: instructor token needed</title>
<style nonce="${nonce}">body { background: #000; color: #fff; font: 24px/1.4 system-ui, sans-serif; margin: 2em; } code { color: #ffd479; }</style>
</head>
<body>
<main>
<h1>This page is the instructor's</h1>
<p>${wrongToken ? "That token is not this room's instructor token." : "Open it with the instructor token:"}
the room prints the page's address when it starts (<code>/?token=…</code>), and the token is in the file
<code>instructor-token</code> in the room's folder.</p>
</main>
</body>
</html>
`;
