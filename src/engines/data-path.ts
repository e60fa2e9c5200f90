import { basename, resolve } from "node:path";

/** A URI such as `s3a://bucket/x`, `hdfs:///data/x` or `dbfs:/x`: a path only the cluster reads. */
export function isUri(path: string): boolean {
  return /^[a-z][a-z0-9+.-]+:\//i.test(path);
}

/** Whether this machine reads the file itself: a local path, not a URI that only a cluster reads. */
export function readHere(file: string): boolean {
  return !isUri(file);
}

/**
 * Where a dataset file is: a URI stays as written, a local path resolves against `base`.
 * @example dataPath("/lab/exp", "data/zaken.parquet") // "/lab/exp/data/zaken.parquet"
 */
export function dataPath(base: string, file: string): string {
  return isUri(file) ? file : resolve(base, file);
}

/** The same file name in another folder, also when that folder is a URI on the cluster. */
export function sameNameIn(dir: string, file: string): string {
  const name = basename(file.replace(/\/+$/, ""));
  return isUri(dir) ? `${dir.replace(/\/+$/, "")}/${name}` : resolve(dir, name);
}
