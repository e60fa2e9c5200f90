import { realpath } from "node:fs/promises";
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { readHere } from "../engines/data-path.js";
import type { DatasetSource } from "../engines/engine.js";
import { LivingLabError, type Problem, type SourceLocation } from "../errors/problem.js";
import type { DeclaredDataset } from "../experiments/declared-data.js";

/** What deciding where a run may read data looks at: the lab, the experiment and its declaration. */
export interface DataPlaces {
  /** The lab's root folder (the workspace root). */
  lab: string;
  /** The experiment's own folder. */
  experiment: string;
  declared: readonly DeclaredDataset[];
}

/** A dataset as the door is asked to read it, with where its file was named (a suite's line), when known. */
export interface PlacedSource extends DatasetSource {
  at?: SourceLocation;
}

/**
 * The file a dataset is read from when the caller names none: the place its declaration gives
 * (`locatie`, relative to the lab's root). A dataset that names a file, a table or a frame keeps it.
 * @example declaredFile(places, { name: "zaken" }) // { name: "zaken", file: "/lab/datasets/om/zaken.parquet" }
 */
export function declaredFile<T extends DatasetSource>(places: DataPlaces, source: T): T {
  if (source.file !== undefined || source.table !== undefined || source.frame !== undefined) return source;
  const location = places.declared.find((d) => d.name === source.name)?.location;
  return location === undefined ? source : { ...source, file: resolve(places.lab, location) };
}

/**
 * Where a run may read a data file, the safeguard behind "undeclared data is not read": a file
 * inside the experiment's own folder, or inside the place the experiment declares for that
 * dataset (`locatie`), which must lie inside the lab and outside every experiment's folder.
 * Paths are judged by their real path, so `..`, an absolute path or a symbolic link cannot
 * lead elsewhere. Returns the file's place relative to the lab's root when it lies outside the
 * experiment (for the run record), or throws a problem that says what to declare.
 * @example await placeOfData(places, { name: "zaken", file: "/lab/datasets/om/zaken.parquet" }) // "datasets/om/zaken.parquet"
 */
export async function placeOfData(places: DataPlaces, source: PlacedSource): Promise<string | undefined> {
  const { file } = source;
  // A URI is read by the cluster, not by this machine; a table lives on its server.
  if (file === undefined || !readHere(file)) return undefined;
  const lab = await realPathOf(places.lab);
  const real = await realPathOf(file);
  if (inside(await realPathOf(places.experiment), real)) return undefined;
  const shown = (path: string) => (inside(lab, path) ? relative(lab, path) : path);
  const refuse = (code: string, message: string, hint: string): never => {
    throw new LivingLabError(located(source, { code, message, hint }));
  };
  const declaredHere = `Leg de plek vast in experiment.yaml onder data.datasets: bij dataset '${source.name}' 'locatie: datasets/<naam>/${basename(file)}' (een pad vanaf de map van het lab, buiten de map experiments), en laat het experiment opnieuw reviewen. Of zet het bestand in de map van het experiment.`;
  const declared = places.declared.find((d) => d.name === source.name);
  // A declared place is judged first: a file read from a place that may not hold data says why.
  const where = declared?.location === undefined ? undefined : await realPathOf(resolve(places.lab, declared.location));
  const problem =
    declared?.location === undefined || where === undefined
      ? undefined
      : locationProblem(declared.location, where, lab);
  if (problem)
    refuse(`gate_${problem.code}`, `Dataset '${source.name}' wordt niet gelezen: ${problem.message}`, problem.hint);
  if (!inside(lab, real)) {
    refuse(
      "gate_data_outside_lab",
      `Dataset '${source.name}' wordt niet gelezen: het bestand ${real} ligt buiten het lab (${lab}).`,
      `Data wordt alleen gelezen uit de map van het experiment of uit een plek in het lab die het experiment vastlegt. Zet de data in het lab, bijvoorbeeld in datasets/<naam>/. ${declaredHere}`,
    );
  }
  if (declared === undefined || where === undefined) {
    refuse(
      "gate_data_location_undeclared",
      `Dataset '${source.name}' wordt niet gelezen: het bestand ${shown(real)} ligt buiten de map van het experiment, en het experiment ${declared ? "legt niet vast dat deze dataset daar staat" : "declareert deze dataset niet"}.`,
      declared
        ? declaredHere
        : `Declareer de dataset onder data.datasets (naam, bron, persoonsgegevens, kolommen). ${declaredHere}`,
    );
    return undefined;
  }
  if (!inside(where, real)) {
    refuse(
      "gate_data_outside_location",
      `Dataset '${source.name}' wordt niet gelezen: het bestand ${shown(real)} ligt niet op de plek die het experiment vastlegt (${declared.location}).`,
      `Lees de dataset van de vastgelegde plek (laat 'file' in de suite weg, dan leest de tool ${declared.location}), of leg de juiste plek vast bij 'locatie' en laat het experiment opnieuw reviewen.`,
    );
  }
  return relative(lab, real);
}

/**
 * Why a declared place may not hold data for a run (undefined when it may): it must be a path
 * from the lab's root that stays inside the lab, also by its real path, and lies outside the
 * experiments' folders (an experiment's own data is that experiment's, under its own gates).
 */
export function locationProblem(
  location: string,
  real: string,
  lab: string,
): { code: string; message: string; hint: string } | undefined {
  const hint =
    "Schrijf bij 'locatie' een pad vanaf de map van het lab naar een gedeelde map, zoals datasets/om-levering-2026/zaken.parquet (zonder '..', geen absoluut pad, geen koppeling naar buiten).";
  if (isAbsolute(location) || !inside(lab, real)) {
    return { code: "location_outside_lab", message: `de locatie '${location}' ligt buiten het lab.`, hint };
  }
  if (inside(join(lab, "experiments"), real)) {
    return {
      code: "location_in_experiment",
      message: `de locatie '${location}' ligt in de map experiments; daar staat de data van elk experiment zelf, onder de poorten van dat experiment.`,
      hint: `${hint} Data die experimenten delen, staat buiten de map experiments.`,
    };
  }
  return undefined;
}

/** The real path of a file or folder; for one that does not exist yet, the real path of the nearest folder above it that does. */
export async function realPathOf(path: string): Promise<string> {
  const absolute = resolve(path);
  try {
    return await realpath(absolute);
  } catch {
    const parent = dirname(absolute);
    return parent === absolute ? absolute : join(await realPathOf(parent), basename(absolute));
  }
}

/** Whether `path` is `dir` or lies under it. */
function inside(dir: string, path: string): boolean {
  return path === dir || path.startsWith(dir.endsWith(sep) ? dir : `${dir}${sep}`);
}

function located(source: PlacedSource, problem: Problem): Problem {
  return { ...problem, ...(source.at ?? (source.file !== undefined && { file: source.file })) };
}
