import { PAGE_LIVE_PATH, PAGE_POST_HEADER, PAGE_STREAM_PATH } from "./page-paths";

/**
 * The projector page's script, served as is (plain browser JavaScript: no bundler, no framework, a
 * few hundred lines at most). Everything the room sends is written with textContent, never as HTML:
 * names and failure reasons are the participants' own text.
 */
export const PAGE_SCRIPT = `"use strict";
(() => {
  const STREAM = ${JSON.stringify(PAGE_STREAM_PATH)};
  const LIVE = ${JSON.stringify(PAGE_LIVE_PATH)};
  const POST_HEADER = ${JSON.stringify(PAGE_POST_HEADER)};
  const CELL = { p: ["p", "✓", "passed"], f: ["f", "✗", "failing"], ".": ["n", "·", "not reached"] };
  const $ = (id) => document.getElementById(id);
  const el = (tag, text, className) => {
    const node = document.createElement(tag);
    if (text !== undefined) node.textContent = text;
    if (className) node.className = className;
    return node;
  };
  const who = (item) => (item.table ? item.name + " (table " + item.table + ")" : item.name);
  const minutes = (value) => Math.floor(value / 60) + ":" + String(value % 60).padStart(2, "0");

  // The heat map is updated in place: only the cells that changed are touched, so an update at
  // 200 participants × 30 steps costs the few cells that moved, not a new table.
  let drawnSteps = "";
  const drawnRows = [];
  const setCell = (cell, state, step) => {
    const [className, symbol, said] = CELL[state] || CELL["."];
    cell.className = className;
    cell.textContent = symbol;
    cell.setAttribute("aria-label", step.title + ": " + said);
  };
  const drawHeat = (view) => {
    const table = $("heatmap");
    const body = table.tBodies[0];
    const stepsKey = JSON.stringify(view.steps.map((step) => step.key));
    if (stepsKey !== drawnSteps) {
      drawnSteps = stepsKey;
      const head = table.tHead.rows[0];
      while (head.cells.length > 1) head.deleteCell(1);
      view.steps.forEach((step, index) => {
        const th = el("th", String(index + 1));
        th.scope = "col";
        th.title = step.block + ": " + step.title;
        th.setAttribute("aria-label", step.title);
        head.appendChild(th);
      });
      drawnRows.length = 0;
      body.replaceChildren();
    }
    const empty = body.querySelector("td.empty");
    if (empty) empty.parentElement.remove();
    view.participants.forEach((participant, index) => {
      let drawn = drawnRows[index];
      if (!drawn) {
        const row = body.insertRow();
        const name = el("th");
        name.scope = "row";
        row.appendChild(name);
        for (let i = 0; i < view.steps.length; i++) row.appendChild(document.createElement("td"));
        drawn = { row, name: "", cells: "" };
        drawnRows.push(drawn);
      }
      const label = who(participant);
      if (drawn.name !== label) drawn.row.cells[0].textContent = drawn.name = label;
      for (let i = 0; i < participant.cells.length; i++) {
        if (drawn.cells[i] !== participant.cells[i]) setCell(drawn.row.cells[i + 1], participant.cells[i], view.steps[i]);
      }
      drawn.cells = participant.cells;
    });
    while (drawnRows.length > view.participants.length) drawnRows.pop().row.remove();
    if (view.participants.length === 0) {
      const row = body.insertRow();
      const cell = el("td", "Nobody has joined yet.", "empty");
      cell.colSpan = view.steps.length + 1;
      row.appendChild(cell);
    }
  };

  const drawList = (id, items, draw, empty) => {
    const list = document.createElement("ol");
    list.id = id;
    list.setAttribute("aria-labelledby", $(id).getAttribute("aria-labelledby"));
    for (const item of items) list.appendChild(draw(item));
    if (items.length === 0) list.appendChild(el("li", empty, "empty"));
    $(id).replaceWith(list);
  };

  const drawWorld = (world) => {
    $("world-section").hidden = !world;
    if (!world) return;
    const columns = document.createElement("div");
    columns.className = "world";
    columns.id = "world";
    for (const region of world.regions) {
      const column = el("section", undefined, "region");
      column.setAttribute("aria-label", "Region " + region);
      column.appendChild(el("h3", region));
      const list = el("ul");
      for (const bucket of world.buckets.filter((candidate) => candidate.region === region)) {
        const item = el("li", (bucket.refused.length ? "⚠ " : "") + bucket.name, bucket.refused.length ? "bucket collision" : "bucket");
        item.appendChild(el("span", "owner: " + bucket.owner + (bucket.versioned ? " · versioned" : ""), "owner"));
        for (const rule of bucket.replication) {
          const status = bucket.status;
          item.appendChild(el("span",
            "→ " + rule.destination + (rule.destinationRegion ? " (" + rule.destinationRegion + ")" : " (no such bucket)") + (rule.enabled ? "" : " disabled") +
            ": ✓ " + status.completed + " copied · … " + status.pending + " pending · ✗ " + status.failed + " failed", "replication"));
        }
        if (bucket.status.replicas > 0) item.appendChild(el("span", "← " + bucket.status.replicas + " replicas", "replication"));
        if (bucket.refused.length) item.appendChild(el("span", "taken by " + bucket.owner + "; refused (BucketAlreadyExists): " + bucket.refused.join(", "), "refused"));
        list.appendChild(item);
      }
      column.appendChild(list);
      columns.appendChild(column);
    }
    if (world.regions.length === 0) columns.appendChild(el("p", "No bucket yet.", "empty"));
    if (world.hidden > 0) columns.appendChild(el("p", world.hidden + " more buckets not shown.", "empty"));
    $("world").replaceWith(columns);
  };

  // The live quiz: while open, the question and how many answered (the view carries no counts
  // then); after the reveal, bars with the count and a ✓ on the correct choice (not colour alone).
  let countdownEnds = 0;
  const tick = () => {
    const left = Math.max(0, Math.ceil((countdownEnds - Date.now()) / 1000));
    $("quiz-countdown").textContent = left > 0 ? left + " s left" : "time is up";
  };
  setInterval(() => { if (countdownEnds) tick(); }, 1000);
  const drawQuiz = (live) => {
    $("quiz-section").hidden = !live;
    if (!live) return;
    const question = live.question;
    const revealed = question.revealed;
    $("quiz-title").textContent = (revealed ? "Answer to question " : "Question ") + question.number + (question.multi ? " (several answers)" : "");
    $("quiz-prompt").textContent = question.prompt;
    $("quiz-answered").textContent = "answered " + (revealed ? revealed.answered : question.answered) + " of " + question.of;
    if (revealed) {
      countdownEnds = 0;
      $("quiz-countdown").textContent = revealed.correctCount + " right";
    } else {
      countdownEnds = Date.now() + question.secondsLeft * 1000;
      tick();
    }
    const most = revealed ? Math.max(1, ...revealed.distribution) : 1;
    drawList("quiz-choices", question.choices.map((text, index) => ({ text, index })), (choice) => {
      const right = revealed && revealed.correct.includes(choice.index);
      const li = el("li", undefined, revealed ? (right ? "choice right" : "choice wrong") : "choice");
      li.appendChild(el("span", String.fromCharCode(65 + choice.index) + ". " + choice.text, "choice-text"));
      if (revealed) {
        const count = revealed.distribution[choice.index] || 0;
        const bar = el("span", undefined, "bar");
        bar.style.width = (100 * count / most) + "%";
        li.appendChild(bar);
        li.appendChild(el("span", (right ? "✓ " : "") + count, "count"));
        li.setAttribute("aria-label", choice.text + ": " + count + (count === 1 ? " answer" : " answers") + (right ? ", correct" : ""));
      }
      return li;
    }, "");
    $("quiz-explain").hidden = !revealed;
    $("quiz-explain").textContent = revealed ? revealed.explain : "";
    $("leaderboard-section").hidden = live.leaderboard.length === 0;
    $("leaderboard-title").textContent = live.final ? "Final leaderboard" : "Leaderboard";
    drawList("leaderboard", live.leaderboard, (row) =>
      el("li", row.name + " — " + row.correct + " right" + (row.correct > 0 ? " in " + row.seconds.toFixed(1) + " s" : "")), "");
  };

  const post = async (action) => {
    const said = $("quiz-said");
    said.textContent = action === "ask" ? "Asking…" : "Revealing…";
    try {
      const response = await fetch(LIVE + "?action=" + action, { method: "POST", headers: { [POST_HEADER]: "1" }, credentials: "same-origin" });
      const body = await response.json().catch(() => ({}));
      said.textContent = response.ok ? "" : (body.error && body.error.message) || "The room said " + response.status + ".";
    } catch {
      said.textContent = "The room cannot be reached.";
    }
  };

  const draw = (view, started) => {
    $("title").textContent = view.workshop;
    $("code").textContent = view.code;
    const clock = view.clock;
    const delta = clock.deltaMinutes === 0 ? "on time" : Math.abs(clock.deltaMinutes) + " min " + (clock.deltaMinutes > 0 ? "ahead" : "behind");
    $("clock").textContent = minutes(clock.elapsedMinutes) + " of " + minutes(clock.totalMinutes) +
      (clock.openBlock ? " · open: " + clock.openBlock : "") + (clock.scheduledBlock ? " · agenda: " + clock.scheduledBlock : "") + " · " + delta;
    drawHeat(view);
    drawList("stuck", view.stuck, (item) => {
      const li = el("li", who(item) + " — " + item.step + ": ");
      li.appendChild(el("span", item.why, "why"));
      return li;
    }, "Nobody is stuck.");
    drawList("failed", view.mostFailed, (item) => {
      const li = el("li", item.step + " — failed by " + item.failedBy);
      for (const reason of item.reasons) li.appendChild(el("span", reason.expectation + ": " + reason.reason + " (" + reason.participants + ")", "reason"));
      return li;
    }, "No check has failed yet.");
    drawWorld(view.world);
    drawQuiz(view.live);
    document.body.dataset.updates = String(Number(document.body.dataset.updates || "0") + 1);
    // The main thread's work for this update, layout included (read now rather than at the next frame):
    // what the browser test holds under 100 ms at 200 participants.
    void document.body.offsetHeight;
    const took = performance.now() - started;
    const data = document.body.dataset;
    data.drawMs = took.toFixed(1);
    // The first draw builds the whole page (a page load); the updates after it are what the room waits on.
    if (data.updates === "1") data.firstDrawMs = data.drawMs;
    else data.maxUpdateMs = Math.max(took, Number(data.maxUpdateMs || "0")).toFixed(1);
  };

  const connect = () => {
    const source = new EventSource(STREAM);
    source.addEventListener("open", () => { $("connection").textContent = "Live"; });
    source.addEventListener("view", (event) => {
      const started = performance.now();
      draw(JSON.parse(event.data), started);
    });
    source.addEventListener("error", () => { $("connection").textContent = "Reconnecting…"; });
  };

  const keys = (event) => {
    const help = $("help");
    if (event.key === "?") {
      help.hidden = !help.hidden;
      (help.hidden ? $("heat") : help).focus();
      event.preventDefault();
      return;
    }
    if (event.key === "Escape" && !help.hidden) {
      help.hidden = true;
      $("heat").focus();
      return;
    }
    if ((event.key === "l" || event.key === "r") && !event.ctrlKey && !event.metaKey && !event.altKey && help.hidden) {
      void post(event.key === "l" ? "ask" : "reveal");
      event.preventDefault();
      return;
    }
    if (event.key === "+" || event.key === "-") {
      const size = parseFloat(getComputedStyle(document.body).fontSize) + (event.key === "+" ? 2 : -2);
      document.body.style.fontSize = Math.min(48, Math.max(12, size)) + "px";
      return;
    }
    const heat = $("heat");
    const step = 48;
    const moves = {
      ArrowDown: [0, step], ArrowUp: [0, -step], ArrowRight: [step, 0], ArrowLeft: [-step, 0],
      PageDown: [0, heat.clientHeight], PageUp: [0, -heat.clientHeight], Home: [-heat.scrollWidth, -heat.scrollHeight],
    };
    const move = moves[event.key];
    if (move && document.activeElement !== heat) {
      heat.scrollBy(move[0], move[1]);
      event.preventDefault();
    }
  };

  document.addEventListener("DOMContentLoaded", () => {
    document.addEventListener("keydown", keys);
    $("heat").focus();
    connect();
  });
})();
`;
