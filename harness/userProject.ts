/**
 * Developer harness: Pulumi projects laid out as a user's, outside the repo. Each one has its own
 * package.json that depends on the packed tarball of this package and on its own @pulumi/pulumi,
 * installed by `npm install`. Installs are cached by what they hold (tarball, versions, Node), and
 * a project links its node_modules to the cached install, as a fresh `npm install` would lay it out.
 */
import { execFile } from "node:child_process";
import { createHash, randomUUID } from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { withCacheLock } from "./cacheLock";
import { packPackage } from "./packedPackage";
import { cacheRoot } from "./pulumiCli";

export interface UserDependencies {
  /** The user's own `@pulumi/pulumi` version (or range). */
  pulumi: string;
  /** The user's `typescript` devDependency, or false for a JavaScript project. */
  typescript: string | false;
  /** Folders to put first on PATH while installing (another Node.js for npm to run on). */
  pathDirs?: string[];
  /** Extra `npm install` flags the user needs (e.g. --legacy-peer-deps). */
  npmFlags?: string[];
}

export interface UserInstall {
  /** The cached install: package.json, package-lock.json and node_modules. */
  dir: string;
  packageJson: { dependencies: Record<string, string>; devDependencies: Record<string, string> };
  /** What `npm install` printed on stderr (its warnings). */
  npmLog: string;
}

const pending = new Map<string, Promise<UserInstall>>();

export function userPackageJson(deps: UserDependencies, tarball: string): UserInstall["packageJson"] {
  return {
    dependencies: { "@pulumi/pulumi": deps.pulumi, "pulumi-redshift-datashare": `file:${tarball}` },
    devDependencies: deps.typescript === false ? {} : { typescript: deps.typescript, "@types/node": "^22" },
  };
}

/** Installs (or reuses) the user's dependencies next to the packed package. */
export function installUserDependencies(deps: UserDependencies): Promise<UserInstall> {
  const { tarball, hash } = packPackage();
  const packageJson = userPackageJson(deps, tarball);
  const key = createHash("sha256")
    .update(
      JSON.stringify({ hash, packageJson, node: nodeVersionOn(deps.pathDirs), flags: deps.npmFlags ?? [] }),
    )
    .digest("hex")
    .slice(0, 20);
  let install = pending.get(key);
  if (!install) {
    install = installInto(path.join(cacheRoot(), "installs", key), packageJson, deps);
    install.catch(() => pending.delete(key));
    pending.set(key, install);
  }
  return install;
}

function nodeVersionOn(pathDirs: string[] | undefined): string {
  const dir = pathDirs?.find((d) => fs.existsSync(path.join(d, "node")));
  return dir ? path.join(dir, "node") : process.version;
}

const COMPLETE = ".rds-install-complete";

async function installInto(
  dir: string,
  packageJson: UserInstall["packageJson"],
  deps: UserDependencies,
): Promise<UserInstall> {
  const done = path.join(dir, COMPLETE);
  if (!fs.existsSync(done)) {
    // Another test worker may be installing the same: the second waits and reuses it.
    await withCacheLock(`${dir}.lock`, async () => {
      if (!fs.existsSync(done)) await installFresh(dir, packageJson, deps);
    });
  }
  const now = new Date();
  fs.utimesSync(done, now, now);
  pruneInstalls(path.dirname(dir));
  return { dir, packageJson, npmLog: fs.readFileSync(path.join(dir, "npm-install.log"), "utf8") };
}

/** Runs `npm install` in a folder of its own and moves the finished install to `dir`; called holding `dir`'s lock. */
async function installFresh(
  dir: string,
  packageJson: UserInstall["packageJson"],
  deps: UserDependencies,
): Promise<void> {
  const work = `${dir}.tmp-${process.pid}-${randomUUID().slice(0, 8)}`;
  fs.mkdirSync(work, { recursive: true });
  fs.writeFileSync(
    path.join(work, "package.json"),
    JSON.stringify({ name: "rds-user-project", private: true, ...packageJson }, null, 2) + "\n",
  );
  process.stderr.write(`[user-project] npm install into ${work}\n`);
  const env = {
    ...process.env,
    PATH: [...(deps.pathDirs ?? []), process.env.PATH ?? ""].join(path.delimiter),
  };
  const log = await run("npm", ["install", "--no-audit", "--no-fund", ...(deps.npmFlags ?? [])], work, env);
  fs.writeFileSync(path.join(work, "npm-install.log"), log);
  fs.writeFileSync(path.join(work, COMPLETE), new Date().toISOString() + "\n");
  // Only the lock's holder writes `dir`, and it is not complete: what is there is the leftover of
  // an install that never completed.
  fs.rmSync(dir, { recursive: true, force: true });
  fs.renameSync(work, dir);
}

/** Installs kept in the cache: the most recently used ones (every change of the package makes one). */
const KEPT_INSTALLS = 12;

function pruneInstalls(root: string): void {
  const installs = fs
    .readdirSync(root)
    .map((name) => path.join(root, name, COMPLETE))
    .filter((marker) => fs.existsSync(marker))
    .map((marker) => ({ dir: path.dirname(marker), used: fs.statSync(marker).mtimeMs }))
    .sort((a, b) => b.used - a.used);
  for (const stale of installs.slice(KEPT_INSTALLS)) fs.rmSync(stale.dir, { recursive: true, force: true });
}

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { cwd, env, maxBuffer: 1 << 24 }, (err, _stdout, stderr) => {
      if (err) reject(new Error(`${command} ${args.join(" ")} failed in ${cwd}:\n${stderr}`));
      else resolve(stderr);
    });
  });
}

export interface ProjectFiles {
  /** Project name (Pulumi.yaml `name`). */
  name: string;
  /** Files relative to the project folder; Pulumi.yaml is written unless given. */
  files: Record<string, string>;
  /** TypeScript program (default) or JavaScript. */
  typescript?: boolean;
}

/** A new project folder in the system's temp folder, its node_modules linked to the install. */
export function createUserProject(install: UserInstall, project: ProjectFiles): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `rds-${project.name}-`));
  writeProjectFiles(dir, install, project);
  return dir;
}

export function writeProjectFiles(dir: string, install: UserInstall, project: ProjectFiles): void {
  const typescript = project.typescript ?? true;
  const files: Record<string, string> = {
    "Pulumi.yaml": `name: ${project.name}\nruntime:\n  name: nodejs\n  options:\n    typescript: ${typescript}\n`,
    "package.json":
      JSON.stringify({ name: project.name, private: true, ...install.packageJson }, null, 2) + "\n",
    ...(typescript ? { "tsconfig.json": USER_TSCONFIG } : {}),
    ...project.files,
  };
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  linkNodeModules(dir, install);
}

/** Points the project's node_modules at the install (again, after the project folder moved). */
export function linkNodeModules(dir: string, install: UserInstall): void {
  const link = path.join(dir, "node_modules");
  fs.rmSync(link, { recursive: true, force: true });
  fs.symlinkSync(path.join(install.dir, "node_modules"), link, "dir");
}

/** What `pulumi new typescript` writes, give or take: strict, CommonJS, no emit. */
const USER_TSCONFIG = JSON.stringify(
  {
    compilerOptions: {
      strict: true,
      outDir: "bin",
      target: "es2020",
      module: "commonjs",
      moduleResolution: "node",
      sourceMap: true,
      experimentalDecorators: true,
      pretty: true,
      noFallthroughCasesInSwitch: true,
      noImplicitReturns: true,
      forceConsistentCasingInFileNames: true,
    },
    files: ["index.ts"],
  },
  null,
  2,
);

/**
 * Makes a copied project folder (an example) use the install: its package.json keeps its own
 * fields but takes the install's dependency versions (the packed tarball), and node_modules links
 * to the install.
 */
export function useInstall(dir: string, install: UserInstall): void {
  const file = path.join(dir, "package.json");
  const own = fs.existsSync(file)
    ? (JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, unknown>)
    : {};
  fs.writeFileSync(file, JSON.stringify({ ...own, ...install.packageJson }, null, 2) + "\n");
  linkNodeModules(dir, install);
}
