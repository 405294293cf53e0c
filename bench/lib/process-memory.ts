import { readdir, readFile } from 'node:fs/promises';

// Proportional set size (PSS) of a process and all its descendants, in bytes.
// PSS splits shared pages between the processes that share them, so forked
// servers (PostgreSQL's backends share its buffers) are not counted many times.
export async function treePss(rootPids: number[]): Promise<number> {
  const parents = new Map<number, number>();
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => '');
    // The command name may contain spaces and parentheses: fields follow the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (fields[1]) parents.set(Number(entry), Number(fields[1]));
  }
  const members = new Set(rootPids);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, parent] of parents) {
      if (members.has(parent) && !members.has(pid)) {
        members.add(pid);
        grew = true;
      }
    }
  }
  let total = 0;
  for (const pid of members) {
    const rollup = await readFile(`/proc/${pid}/smaps_rollup`, 'utf8').catch(() => '');
    const kb = /^Pss:\s+(\d+) kB/m.exec(rollup)?.[1];
    if (kb) total += Number(kb) * 1024;
  }
  return total;
}
