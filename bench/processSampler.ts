/**
 * What the processes of one engine command cost: every descendant of this process (the `pulumi`
 * CLI and what it starts: the language host, the program, the dynamic provider host) is sampled
 * from /proc while the command runs, and its CPU time and peak resident memory (VmHWM) are kept
 * from its last sample. Processes are grouped by role, so the provider host's memory and CPU can be
 * set beside the no-op's. Linux only; elsewhere the sample is empty.
 *
 * A process's last sample is at most one interval before it exits: CPU spent after it is missed
 * (a few tens of ms per process); VmHWM is a high-water mark, so only a peak reached in that last
 * interval would be missed.
 */
import * as fs from "node:fs";

export type ProcessRole = "engine" | "language host" | "program" | "provider host" | "other";

export interface RoleUsage {
  /** Processes of this role seen. */
  processes: number;
  /** user + system CPU time, summed over the processes. */
  cpuMs: number;
  /** The largest VmHWM of one process of the role (KiB). */
  peakRssKiB: number;
}

export type ProcessUsage = Partial<Record<ProcessRole, RoleUsage>>;

/** The role of a process from its command line (NUL-separated arguments joined by spaces). */
export function roleOf(cmdline: string): ProcessRole {
  if (/@pulumi\/pulumi\/cmd\/dynamic-provider|pulumi-resource-pulumi-nodejs/.test(cmdline))
    return "provider host";
  if (/@pulumi\/pulumi\/cmd\/run(\b|\/)/.test(cmdline)) return "program";
  if (/pulumi-language-nodejs/.test(cmdline)) return "language host";
  const argv0 = cmdline.split(" ")[0] ?? "";
  if (/(^|\/)pulumi$/.test(argv0)) return "engine";
  return "other";
}

interface StatFields {
  ppid: number;
  cpuTicks: number;
}

/** ppid and utime + stime (clock ticks) from /proc/<pid>/stat; the command name may hold spaces. */
export function parseStat(stat: string): StatFields {
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  // After the name: state(0) ppid(1) ... utime(11) stime(12).
  return { ppid: Number(fields[1]), cpuTicks: Number(fields[11]) + Number(fields[12]) };
}

/** VmHWM in KiB from /proc/<pid>/status (0 when absent, as for a zombie). */
export function parseVmHwm(status: string): number {
  const m = /^VmHWM:\s+(\d+)\s+kB/m.exec(status);
  return m ? Number(m[1]) : 0;
}

/** USER_HZ: 100 on every Linux the bench runs on (getconf CLK_TCK). */
const TICK_MS = 10;

interface Seen {
  role: ProcessRole;
  cpuMs: number;
  peakRssKiB: number;
}

function readProc(pid: number, file: string): string | undefined {
  try {
    return fs.readFileSync(`/proc/${pid}/${file}`, "utf8");
  } catch {
    return undefined;
  }
}

export interface ProcessSampler {
  /** Stops sampling; the usage by role, and the CPU time this process spent sampling (ms). */
  stop(): { usage: ProcessUsage; samplerMs: number };
}

/** Samples the descendants of `root` (default: this process) every `intervalMs` until stopped. */
export function sampleDescendants(options: { root?: number; intervalMs?: number } = {}): ProcessSampler {
  const root = options.root ?? process.pid;
  const seen = new Map<number, Seen>();
  /** CPU time this process spent scanning (µs). */
  let samplerCpuUs = 0;
  const available = fs.existsSync("/proc/self/stat");

  function scan(): void {
    const started = process.cpuUsage();
    const stats = new Map<number, StatFields>();
    for (const entry of fs.readdirSync("/proc")) {
      if (!/^\d+$/.test(entry)) continue;
      const stat = readProc(Number(entry), "stat");
      if (stat !== undefined) stats.set(Number(entry), parseStat(stat));
    }
    const descends = (pid: number): boolean => {
      for (let p = stats.get(pid)?.ppid, hops = 0; p !== undefined && p > 1 && hops < 32; hops++) {
        if (p === root) return true;
        p = stats.get(p)?.ppid;
      }
      return false;
    };
    for (const [pid, stat] of stats) {
      if (!descends(pid)) continue;
      let entry = seen.get(pid);
      if (entry === undefined) {
        const cmdline = (readProc(pid, "cmdline") ?? "").split("\0").join(" ").trim();
        entry = { role: roleOf(cmdline), cpuMs: 0, peakRssKiB: 0 };
        seen.set(pid, entry);
      }
      entry.cpuMs = stat.cpuTicks * TICK_MS;
      entry.peakRssKiB = Math.max(entry.peakRssKiB, parseVmHwm(readProc(pid, "status") ?? ""));
    }
    const used = process.cpuUsage(started);
    samplerCpuUs += used.user + used.system;
  }

  const timer = available ? setInterval(scan, options.intervalMs ?? 200) : undefined;
  return {
    stop() {
      if (timer !== undefined) clearInterval(timer);
      return { usage: usageByRole([...seen.values()]), samplerMs: samplerCpuUs / 1000 };
    },
  };
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
