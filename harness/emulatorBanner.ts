/**
 * Reads back what `pulumi-redshift-datashare emulator` prints, as a user reading the terminal
 * would: the endpoint, each account's block of shell lines, the datashares with each consumer's
 * standing, where to send SQL through the Data API, and the consumer namespaces.
 */

export interface PrintedAccount {
  name: string;
  id: string;
  /** The block's lines exactly as printed (`export NAME=value`), ready to paste into a shell. */
  lines: string[];
  /** The same lines as variables. */
  env: Record<string, string>;
}

export interface PrintedDataShare {
  name: string;
  arn: string;
  /** One line per consumer account: `<name> <id>: <standing>`. */
  standings: { account: string; standing: string }[];
}

/** One Data API target line: the cluster or workgroup and the database of a namespace. */
export interface PrintedDataApiTarget {
  account: string;
  /** Absent when the account neither produces nor is offered a datashare. */
  role?: "producer" | "consumer";
  clusterIdentifier?: string;
  workgroupName?: string;
  database: string;
  namespaceId: string;
}

export interface PrintedBanner {
  endpoint: string;
  accounts: PrintedAccount[];
  dataShares: PrintedDataShare[];
  dataApiTargets: PrintedDataApiTarget[];
  namespaces: { account: string; arn: string }[];
}

export function parseBanner(text: string): PrintedBanner {
  const endpoint = /listening on (http:\/\/\S+)/.exec(text)?.[1];
  if (!endpoint) throw new Error(`no endpoint in:\n${text}`);
  const banner: PrintedBanner = {
    endpoint,
    accounts: [],
    dataShares: [],
    dataApiTargets: [],
    namespaces: [],
  };
  let section: "accounts" | "dataShares" | "dataApi" | "namespaces" = "accounts";
  let account: PrintedAccount | undefined;
  for (const line of text.split("\n")) {
    const heading = /^# (\S+) account (\d{12})$/.exec(line);
    const assignment = /^export ([A-Z_]+)=(\S+)$/.exec(line);
    const target =
      /^\s+(\S+ \d{12})\s+(ClusterIdentifier|WorkgroupName)=(\S+) Database=(\S+)\s+\((?:(producer|consumer), )?namespace ([0-9a-f-]+),/.exec(
        line,
      );
    if (line.startsWith("Datashares")) section = "dataShares";
    else if (line.startsWith("SQL through the Redshift Data API")) section = "dataApi";
    else if (section === "dataApi" && target) {
      banner.dataApiTargets.push({
        account: target[1],
        ...(target[5] ? { role: target[5] as "producer" | "consumer" } : {}),
        ...(target[2] === "ClusterIdentifier"
          ? { clusterIdentifier: target[3] }
          : { workgroupName: target[3] }),
        database: target[4],
        namespaceId: target[6],
      });
    } else if (line.startsWith("Consumer namespaces")) section = "namespaces";
    else if (heading)
      banner.accounts.push((account = { name: heading[1], id: heading[2], lines: [], env: {} }));
    else if (assignment && account) {
      account.lines.push(line);
      account.env[assignment[1]] = assignment[2];
    } else if (section === "dataShares" && /^ {2}\S+\s+arn:/.test(line)) {
      const [name, arn] = line.trim().split(/\s+/);
      banner.dataShares.push({ name, arn, standings: [] });
    } else if (section === "dataShares" && /^\s+\S+ \d{12}: /.test(line)) {
      const [, who, standing] = /^\s+(\S+ \d{12}): (.*)$/.exec(line)!;
      banner.dataShares[banner.dataShares.length - 1].standings.push({ account: who, standing });
    } else if (section === "namespaces" && /^\s+\S+ \d{12}\s+arn:/.test(line)) {
      const [name, id, arn] = line.trim().split(/\s+/);
      banner.namespaces.push({ account: `${name} ${id}`, arn });
    }
    if (!assignment && !heading) account = undefined;
  }
  return banner;
}
