/**
 * The CPU time and peak memory (VmHWM) of every process one engine command starts, by role, from /proc
 * (Linux only; elsewhere empty). The last sample is at most one interval before a process exits: CPU spent
 * after it is missed (tens of ms); VmHWM is a high-water mark, so little is missed.
 */
import * as fs from "node:fs";

export type ProcessRole = "engine" | "language host" | "program" | "provider host" | "other";
/** Per role: processes seen, user + system CPU summed, the largest VmHWM of one process (KiB). */
type RoleUsage = { processes: number; cpuMs: number; peakRssKiB: number };
export type ProcessUsage = Partial<Record<ProcessRole, RoleUsage>>;
type Seen = { role: ProcessRole; cpuMs: number; peakRssKiB: number };

/** The role of a process from its command line (NUL-separated arguments joined by spaces). */
export function roleOf(cmdline: string): ProcessRole {
  if (/@pulumi\/pulumi\/cmd\/dynamic-provider|pulumi-resource-pulumi-nodejs/.test(cmdline))
    return "provider host";
  if (/@pulumi\/pulumi\/cmd\/run(\b|\/)/.test(cmdline)) return "program";
  if (/pulumi-language-nodejs/.test(cmdline)) return "language host";
  return /(^|\/)pulumi$/.test(cmdline.split(" ")[0] ?? "") ? "engine" : "other";
}

/** ppid and utime + stime (clock ticks) from /proc/<pid>/stat; the command name may hold spaces. */
export function parseStat(stat: string) {
  // After the name: state(0) ppid(1) ... utime(11) stime(12).
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return { ppid: Number(fields[1]), cpuTicks: Number(fields[11]) + Number(fields[12]) };
}

/** VmHWM in KiB from /proc/<pid>/status (0 when absent, as for a zombie). */
export const parseVmHwm = (status: string) => Number(/^VmHWM:\s+(\d+)\s+kB/m.exec(status)?.[1] ?? 0);

/** USER_HZ: 100 on every Linux the bench runs on (getconf CLK_TCK). */
const TICK_MS = 10;

function readProc(pid: number | string, file: string): string | undefined {
  try {
    return fs.readFileSync(`/proc/${pid}/${file}`, "utf8");
  } catch {
    return undefined;
  }
}

export function usageByRole(processes: readonly Seen[]): ProcessUsage {
  const usage: ProcessUsage = {};
  for (const p of processes) {
    const u = (usage[p.role] ??= { processes: 0, cpuMs: 0, peakRssKiB: 0 });
    u.processes++;
    u.cpuMs += p.cpuMs;
    u.peakRssKiB = Math.max(u.peakRssKiB, p.peakRssKiB);
  }
  return usage;
}

/** Samples this process's descendants until stopped; also the CPU time the sampling itself took. */
export function sampleDescendants(intervalMs: number) {
  const seen = new Map<number, Seen>();
  let samplerCpuUs = 0;
  function scan(): void {
    const started = process.cpuUsage();
    const stats = new Map<number, ReturnType<typeof parseStat>>();
    for (const pid of fs.readdirSync("/proc").filter((e) => /^\d+$/.test(e))) {
      const stat = readProc(pid, "stat");
      if (stat !== undefined) stats.set(Number(pid), parseStat(stat));
    }
    const descends = (pid: number) => {
      for (let p = stats.get(pid)?.ppid, hops = 0; p !== undefined && p > 1 && hops < 32; hops++) {
        if (p === process.pid) return true;
        p = stats.get(p)?.ppid;
      }
      return false;
    };
    for (const [pid, stat] of [...stats].filter(([pid]) => descends(pid))) {
      const cmdline = () => (readProc(pid, "cmdline") ?? "").split("\0").join(" ").trim();
      const entry = seen.get(pid) ?? { role: roleOf(cmdline()), cpuMs: 0, peakRssKiB: 0 };
      seen.set(pid, entry);
      entry.cpuMs = stat.cpuTicks * TICK_MS;
      entry.peakRssKiB = Math.max(entry.peakRssKiB, parseVmHwm(readProc(pid, "status") ?? ""));
    }
    const used = process.cpuUsage(started);
    samplerCpuUs += used.user + used.system;
  }
  const timer = fs.existsSync("/proc/self/stat") ? setInterval(scan, intervalMs) : undefined;
  return {
    stop: () => {
      clearInterval(timer);
      return { usage: usageByRole([...seen.values()]), samplerMs: samplerCpuUs / 1000 };
    },
  };
}
