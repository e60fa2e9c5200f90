import { beforeAll, describe, expect, it } from "vitest";
import {
  checkSuite,
  DuckDbEngine,
  frameFromQuery,
  isLivingLabError,
  loggedRun,
  readLogRecords,
  runLogPath,
} from "../../src/index.js";
import { makeRealLab, openReal, openRealGates, REAL_DATASET } from "../helpers/real-lab.js";

const WHY = "Test: een DataFrame met echte persoonsgegevens gaat door dezelfde deur als elke dataset.";

async function codesOf(work: Promise<unknown>): Promise<string[]> {
  try {
    await work;
  } catch (error) {
    if (isLivingLabError(error)) return error.problems.map((p) => p.code);
    throw error;
  }
  return [];
}

describe("a DataFrame on real personal data goes through the door", () => {
  let lab: string;
  let data: string;
  let suite: string;
  beforeAll(async () => {
    ({ lab, data, suite } = await makeRealLab());
  });

  /** All columns of the stand-in data, the undeclared `opmerking` too, as a frame made outside any run. */
  async function wholeFrame() {
    const engine = await DuckDbEngine.open();
    try {
      return await frameFromQuery(engine, `SELECT * FROM read_parquet('${data.replaceAll("'", "''")}')`, {
        key: ["zaak_pseudoniem"],
      });
    } finally {
      await engine.close();
    }
  }

  it("is refused while the gates are closed, before it is read and without a record", async () => {
    const { workspace, opened } = await openReal(lab);
    const frame = await wholeFrame();
    const before = await readLogRecords(runLogPath(opened.dir));
    const codes = await codesOf(
      checkSuite({ suite, justification: WHY, frames: { [REAL_DATASET]: frame }, workspace }),
    );
    expect(codes).toContain("gate_mag_open");
    expect(await readLogRecords(runLogPath(opened.dir))).toEqual(before);
  });

  it("is read with only its declared columns, under a declared name only, once the gates are open", async () => {
    await openRealGates(lab);
    const { workspace, opened } = await openReal(lab);
    const frame = await wholeFrame();
    expect(frame.columns).toContain("opmerking");

    const checked = await checkSuite({ suite, justification: WHY, frames: { [REAL_DATASET]: frame }, workspace });
    const read = checked.record.data?.find((d) => d.name === REAL_DATASET);
    expect(read).toMatchObject({ frame: true, rows: 600 });
    expect(read?.columns).not.toContain("opmerking");
    expect(checked.record.datasets).toEqual([]);

    const { result, record } = await loggedRun(
      workspace,
      opened,
      { analysis: "frame-terug", justification: WHY },
      async (run) => {
        // Nothing of a frame that holds only undeclared columns is let in: no empty table either.
        const onlyRemarks = await codesOf(run.readFrame(REAL_DATASET, frame.loc({ columns: ["opmerking"] })));
        await run.readFrame(REAL_DATASET, frame);
        const columns = (await run.engine.columns(REAL_DATASET)).map((c) => c.name);
        const undeclared = await codesOf(run.readFrame("eigen_selectie", frame));
        return { columns, undeclared, onlyRemarks };
      },
    );
    expect([...result.columns].sort()).toEqual([...(read?.columns ?? [])].sort());
    expect(result.columns).not.toContain("opmerking");
    expect(result.undeclared).toEqual(["gate_dataset_undeclared"]);
    expect(result.onlyRemarks).toEqual(["frame_without_declared_columns"]);
    expect(record.data?.map((d) => d.name)).toEqual([REAL_DATASET]);
    expect(record.columns_read?.["frame-terug"]).not.toContain(`${REAL_DATASET}.opmerking`);
  });
});
