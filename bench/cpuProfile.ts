/**
 * CPU profiles through node:inspector, and a summary of where the self time goes, grouped by
 * package (node_modules/<package>), project folder (provider/, emulator/...) or V8 category.
 */
import * as inspector from "node:inspector";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  hitCount?: number;
}

export interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

function post<T>(session: inspector.Session, method: string, params?: object): Promise<T> {
  return new Promise((resolve, reject) =>
    session.post(method, params ?? {}, (err, result) => (err ? reject(err) : resolve(result as T))),
  );
}

/** Runs `work` under the V8 sampling profiler (100 µs interval) and returns the profile. */
export async function profile(work: () => Promise<void>): Promise<CpuProfile> {
  const session = new inspector.Session();
  session.connect();
  try {
    await post(session, "Profiler.enable");
    await post(session, "Profiler.setSamplingInterval", { interval: 100 });
    await post(session, "Profiler.start");
    await work();
    const { profile: result } = await post<{ profile: CpuProfile }>(session, "Profiler.stop");
    return result;
  } finally {
    session.disconnect();
  }
}

/** Where a function lives: its npm package, its project folder, or V8's own category. */
export function bucketOf(url: string, functionName: string): string {
  if (url === "") return functionName.startsWith("(") ? functionName : "(native)";
  const inModules = url.lastIndexOf("node_modules/");
  if (inModules >= 0) {
    const parts = url.slice(inModules + "node_modules/".length).split("/");
    return parts[0].startsWith("@") ? `${parts[0]}/${parts[1]}` : parts[0];
  }
  if (url.startsWith("node:")) return "(node core)";
  const project = url.match(/\/((?:provider|emulator|bench|sdk)\/.+)$/);
  if (project) return project[1];
  return url;
}

/** Self time in milliseconds per bucket (or per bucket and function), from samples and time deltas. */
export function selfTimeByBucket(p: CpuProfile, byFunction = false): Map<string, number> {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const totals = new Map<string, number>();
  const samples = p.samples ?? [];
  const deltas = p.timeDeltas ?? [];
  samples.forEach((id, i) => {
    const node = byId.get(id);
    if (!node) return;
    // timeDeltas[i] is the time before sample i; attribute the next delta to this sample.
    const us = deltas[i + 1] ?? 0;
    const where = bucketOf(node.callFrame.url, node.callFrame.functionName);
    const bucket = byFunction ? `${where} ${node.callFrame.functionName || "(anonymous)"}` : where;
    totals.set(bucket, (totals.get(bucket) ?? 0) + us / 1000);
  });
  return totals;
}
