import type { Stats } from "node:fs";
import { lstat, readdir, realpath } from "node:fs/promises";
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { LivingLabError, type Problem } from "../errors/problem.js";
import { RUN_LOG_FILE } from "./run-log.js";

/** The experiment's own scratch folder: where a destruction in progress keeps what it moved away. */
export const EXPERIMENT_SCRATCH = ".livinglab-tmp";

/** What one destruction takes away, all of it inside one experiment folder. */
export interface DestructionPlan {
  /** The experiment folder, with symlinks resolved. */
  dir: string;
  /** What is moved away whole (files, folders, links), relative to `dir`, outermost only. */
  roots: string[];
  /** Every regular file whose bytes go, relative to `dir`: these are fingerprinted in the log. */
  files: string[];
}

interface Walk {
  dir: string;
  roots: Set<string>;
  files: Map<string, Stats>;
  seen: Set<string>;
  problems: Problem[];
}

/**
 * Decides what destroying `paths` takes away, and refuses (all problems at once, nothing touched)
 * anything that is not the experiment's own data: a path outside the experiment folder (by
 * `..`, an absolute path, or a symlinked folder on the way), the run log and everything beside
 * it (head, lock, torn lines), the experiment file and every other YAML file (suites, synth
 * settings: the log's hashes refer to them), and the experiment's scratch folder.
 * A symlink goes with its target when the target is inside the experiment (and may go);
 * a symlink to anything outside is refused, since the data would remain while the log said
 * destroyed. So is a file with another name (a hard link) outside what is destroyed.
 */
export async function planDestruction(experimentDir: string, paths: readonly string[]): Promise<DestructionPlan> {
  const walk: Walk = {
    dir: await realpath(experimentDir),
    roots: new Set(),
    files: new Map(),
    seen: new Set(),
    problems: [],
  };
  for (const path of paths) await addArgument(walk, resolve(experimentDir), path);
  checkHardLinks(walk);
  if (walk.problems.length === 0 && walk.files.size === 0) {
    walk.problems.push({
      code: "nothing_to_destroy",
      message: `In ${paths.join(", ")} staan geen bestanden met data; er is niets te vernietigen.`,
      hint: "Geef de bestanden of mappen met de data op, ten opzichte van de map van het experiment.",
    });
  }
  if (walk.problems.length > 0) throw new LivingLabError(walk.problems);
  const roots = [...walk.roots].sort();
  return {
    dir: walk.dir,
    roots: roots.filter((root) => !roots.some((other) => other !== root && isInside(root, other))),
    files: [...walk.files.keys()].sort(),
  };
}

async function addArgument(walk: Walk, experimentDir: string, path: string): Promise<void> {
  const absolute = resolve(experimentDir, path);
  if (!isInside(relative(experimentDir, absolute), "")) {
    walk.problems.push(outside(path, "ligt buiten de map van het experiment"));
    return;
  }
  let real: string;
  try {
    // The folders on the way may be symlinks; the last part itself is handled as what it is.
    real = join(await realpath(dirname(absolute)), basename(absolute));
  } catch {
    walk.problems.push(notFound(path));
    return;
  }
  const rel = relative(walk.dir, real);
  if (!isInside(rel, "")) {
    walk.problems.push(outside(path, "leidt via een symbolische koppeling naar buiten de map van het experiment"));
    return;
  }
  const info = await lstat(real).catch(() => undefined);
  if (!info) {
    walk.problems.push(notFound(path));
    return;
  }
  if (refuseProtected(walk, rel, path)) return;
  walk.roots.add(rel);
  await visit(walk, rel, info);
}

async function visit(walk: Walk, rel: string, info: Stats): Promise<void> {
  if (walk.seen.has(rel)) return;
  walk.seen.add(rel);
  if (refuseProtected(walk, rel, rel)) return;
  const full = join(walk.dir, rel);
  if (info.isSymbolicLink()) return visitLinkTarget(walk, rel, full);
  if (info.isFile()) {
    walk.files.set(rel, info);
    return;
  }
  if (!info.isDirectory()) return;
  for (const name of await readdir(full)) {
    const child = join(rel, name);
    await visit(walk, child, await lstat(join(walk.dir, child)));
  }
}

/** A link's target is destroyed with it when it lies inside the experiment; a dangling link holds no data. */
async function visitLinkTarget(walk: Walk, rel: string, full: string): Promise<void> {
  const target = await realpath(full).catch(() => undefined);
  if (target === undefined) return;
  const targetRel = relative(walk.dir, target);
  if (!isInside(targetRel, "") || targetRel === "") {
    walk.problems.push({
      code: "symlink_outside_experiment",
      message: `${rel} is een symbolische koppeling naar ${target}, buiten de map van het experiment. Alleen de koppeling weghalen zou de data laten staan.`,
      hint: "Vernietig die data daar, of haal de koppeling eerst zelf weg als de data elders blijft bestaan.",
      file: join(walk.dir, rel),
    });
    return;
  }
  if (refuseProtected(walk, targetRel, `${rel} (koppeling naar ${targetRel})`)) return;
  walk.roots.add(targetRel);
  await visit(walk, targetRel, await lstat(target));
}

function checkHardLinks(walk: Walk): void {
  const names = new Map<string, string[]>();
  for (const [rel, info] of walk.files) {
    const key = `${info.dev}:${info.ino}`;
    names.set(key, [...(names.get(key) ?? []), rel]);
  }
  for (const [rel, info] of walk.files) {
    const known = names.get(`${info.dev}:${info.ino}`) ?? [];
    if (info.nlink > known.length && known[0] === rel) {
      walk.problems.push({
        code: "hard_link_elsewhere",
        message: `${rel} heeft nog ${info.nlink - known.length} andere naam (harde koppeling) buiten wat u vernietigt; de inhoud zou blijven bestaan.`,
        hint: "Zoek de andere naam op (bijvoorbeeld met 'find -samefile') en vernietig die mee, of haal hem eerst weg.",
        file: join(walk.dir, rel),
      });
    }
  }
}

/** The run log and its companions, YAML files and the experiment's scratch folder never go; `label` names it for the user. */
function refuseProtected(walk: Walk, rel: string, label: string): boolean {
  const name = basename(rel);
  const reason =
    rel === ""
      ? "is de hele map van het experiment, met het logboek erin; die wordt nooit vernietigd"
      : name === RUN_LOG_FILE || name.startsWith(`${RUN_LOG_FILE}.`)
        ? "hoort bij het logboek, dat nooit wordt vernietigd"
        : /\.ya?ml$/i.test(name)
          ? "is een YAML-bestand (experiment, suite of instellingen) waar het logboek naar verwijst; dat blijft staan"
          : rel === EXPERIMENT_SCRATCH
            ? "is de werkmap van livinglab zelf; die blijft staan"
            : undefined;
  if (reason === undefined) return false;
  walk.problems.push({
    code: "path_protected",
    message: `${label || "."} ${reason}.`,
    hint: "Geef alleen bestanden of mappen met data op, bijvoorbeeld 'data'.",
    file: join(walk.dir, rel),
  });
  return true;
}

function outside(path: string, why: string): Problem {
  return {
    code: "path_outside_experiment",
    message: `${path} ${why}; destroy-data vernietigt alleen data van het experiment zelf.`,
    hint: "Geef paden op binnen de map van het experiment, zonder '..', bijvoorbeeld 'data'.",
  };
}

function notFound(path: string): Problem {
  return {
    code: "file_not_found",
    message: `${path} bestaat niet; er is niets te vernietigen.`,
    hint: "Geef een bestand of map in het experiment op.",
  };
}

/** Whether relative path `rel` lies inside `base` (also relative, "" for the folder itself). */
function isInside(rel: string, base: string): boolean {
  if (isAbsolute(rel) || rel === ".." || rel.startsWith(`..${sep}`)) return false;
  return base === "" || rel === base || rel.startsWith(`${base}${sep}`);
}
