/**
 * Runs `work` as `name`, as the tool knows people (LIVINGLAB_USER, with git's identity switched
 * off), whatever the machine's own git identity is; the environment is restored afterwards.
 */
export async function asUser<T>(name: string, work: () => Promise<T>): Promise<T> {
  const keys = ["GIT_CONFIG_GLOBAL", "GIT_CONFIG_NOSYSTEM", "LIVINGLAB_USER"] as const;
  const before = keys.map((k) => process.env[k]);
  Object.assign(process.env, { GIT_CONFIG_GLOBAL: "/dev/null", GIT_CONFIG_NOSYSTEM: "1", LIVINGLAB_USER: name });
  try {
    return await work();
  } finally {
    keys.forEach((k, i) => {
      const value = before[i];
      if (value === undefined) delete process.env[k];
      else process.env[k] = value;
    });
  }
}
