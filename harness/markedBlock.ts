/**
 * A generated part of a Markdown document: what stands between `<!-- <name>:start -->` and
 * `<!-- <name>:end -->`. The one writer of every generator: the registry's and the statuses'
 * tables (scripts/generate/) and the benchmark's tables and summaries (bench/run.ts --docs).
 */
export interface Block {
  /** The marker's name, e.g. `schema:arguments:DataShareConsumer` or `bench:summary`. */
  name: string;
  content: string;
}

/** The document with what stands between the block's markers replaced; throws when a marker is missing. */
export function replaceBlock(document: string, block: Block): string {
  const start = `<!-- ${block.name}:start -->`;
  const end = `<!-- ${block.name}:end -->`;
  const from = document.indexOf(start);
  const to = document.indexOf(end);
  if (from < 0 || to < from) throw new Error(`no ${start} … ${end} block`);
  return `${document.slice(0, from + start.length)}\n\n${block.content.trim()}\n\n${document.slice(to)}`;
}
