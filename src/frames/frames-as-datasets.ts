import type { DataFrame } from "danfojs-node";
import type { LoadedSuite } from "../checks/load-suite.js";
import { LivingLabError } from "../errors/problem.js";
import { closestWord } from "../yaml/closest-word.js";

/**
 * The suite with each DataFrame in place of the dataset it is named after: the run then reads
 * the frame instead of that dataset's file, through the door like any dataset (admitted,
 * limited to the declared columns on real personal data, fingerprinted by content).
 */
export function framesAsDatasets(loaded: LoadedSuite, frames: Readonly<Record<string, DataFrame>>): LoadedSuite {
  const names = Object.keys(frames);
  if (names.length === 0) return loaded;
  const known = loaded.datasets.map((d) => d.name);
  const unknown = names.filter((n) => !known.includes(n));
  if (unknown.length > 0) throw new LivingLabError(unknown.map((n) => unknownDataset(n, known)));
  const datasets = loaded.datasets.map((d) => {
    const frame = frames[d.name];
    return frame ? { name: d.name, key: d.key, frame: { data: frame } } : d;
  });
  return { ...loaded, datasets };
}

function unknownDataset(name: string, known: readonly string[]) {
  const near = closestWord(name, known);
  return {
    code: "frame_unknown_dataset",
    message: `De DataFrame '${name}' hoort bij geen dataset van de suite.${near ? ` Bedoelt u '${near}'?` : ""}`,
    hint: `Noem elke DataFrame naar een dataset van de suite: ${known.join(", ")}.`,
    path: ["frames", name],
  };
}
