import { signingEnv } from "./people.js";

/**
 * Runs `work` as `name`: signing with `name`'s throwaway key (see people.ts; the test labs' people
 * file knows it for the people in TEST_PEOPLE), with git's identity and the ssh-agent switched off,
 * whatever the machine's own are; the environment is restored afterwards.
 */
export async function asUser<T>(name: string, work: () => Promise<T>): Promise<T> {
  const env = signingEnv(name);
  const keys = Object.keys(env);
  const before = keys.map((k) => process.env[k]);
  Object.assign(process.env, env);
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
