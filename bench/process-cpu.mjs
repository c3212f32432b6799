// CPU time of a server process and its children, found by the loopback port it listens on (Linux:
// /proc). A figure a busy machine disturbs less than throughput: it counts work, not waiting.
import { readdirSync, readFileSync, readlinkSync } from "node:fs";

const TICKS_PER_SECOND = 100;

/** The pid listening on `port`, or undefined (not Linux, or not found). */
export const listenerPid = (port) => {
  const inodes = new Set();
  for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    let text;
    try {
      text = readFileSync(table, "utf8");
    } catch {
      continue;
    }
    for (const line of text.trim().split("\n").slice(1)) {
      const fields = line.trim().split(/\s+/);
      // local address "0100007F:1F90", state 0A = LISTEN, inode in the tenth column.
      if (fields[3] === "0A" && Number.parseInt(fields[1].split(":")[1], 16) === port) inodes.add(fields[9]);
    }
  }
  if (inodes.size === 0) return undefined;
  for (const pid of pids()) {
    let fds;
    try {
      fds = readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      try {
        const inode = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`))?.[1];
        if (inode && inodes.has(inode)) return pid;
      } catch {
        // gone meanwhile
      }
    }
  }
  return undefined;
};

const pids = () => readdirSync("/proc").filter((name) => /^\d+$/.test(name)).map(Number);

/** The fields of /proc/<pid>/stat after "pid (comm) ": the state first, then the ppid. */
const statFields = (pid) => {
  const text = readFileSync(`/proc/${pid}/stat`, "utf8");
  return text.slice(text.lastIndexOf(")") + 2).split(" ");
};

/** [ppid, user + system seconds] of a live process. */
const stat = (pid) => {
  try {
    const fields = statFields(pid);
    return [Number(fields[1]), (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND];
  } catch {
    return undefined;
  }
};

/** CPU seconds of this process's children it has waited for, and of theirs (cutime + cstime). */
export const waitedChildrenCpuSeconds = () => {
  const fields = statFields("self");
  return (Number(fields[13]) + Number(fields[14])) / TICKS_PER_SECOND;
};

/** CPU seconds used so far by `pid` and every live descendant of it. */
export const treeCpuSeconds = (pid) => {
  const children = new Map();
  const seconds = new Map();
  for (const each of pids()) {
    const found = stat(each);
    if (!found) continue;
    seconds.set(each, found[1]);
    children.set(found[0], [...(children.get(found[0]) ?? []), each]);
  }
  let total = 0;
  const queue = [pid];
  while (queue.length > 0) {
    const next = queue.pop();
    total += seconds.get(next) ?? 0;
    queue.push(...(children.get(next) ?? []));
  }
  return total;
};
