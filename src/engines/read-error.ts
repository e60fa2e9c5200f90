import { open, stat } from "node:fs/promises";
import { extname } from "node:path";
import { optionHint } from "../errors/option-hint.js";
import { LivingLabError, type Problem } from "../errors/problem.js";
import { formatOfFile } from "./data-format.js";

/**
 * A data file the engine cannot read, as a problem that names the file and what to do. The
 * engine's own message is not kept: it may quote a value from the file.
 */
export function readProblem(file: string, engineMessage: string): Problem {
  // DuckDB's line numbers count its sniffing sample, not always the file's lines: left out.
  const ext = extname(file).toLowerCase();
  if (ext === ".csv" && /not utf-8 encoded|Invalid unicode/i.test(engineMessage)) {
    return notUtf8(file, "niet in UTF-8 geschreven");
  }
  if (ext === ".csv" && /Maximum line size/i.test(engineMessage)) {
    return {
      code: "csv_line_too_long",
      message: `Een regel van het CSV-bestand ${file} is langer dan 2 MB.`,
      hint: "Kort het lange veld in, of lever de data als Parquet; daarin mag een veld groter zijn.",
      file,
    };
  }
  if (ext === ".csv") {
    return {
      code: "csv_unreadable",
      message: `Het CSV-bestand ${file} is niet te lezen.`,
      hint: "Controleer het scheidingsteken, de aanhalingstekens en het aantal velden op elke regel, of lever de data als Parquet.",
      file,
    };
  }
  const format = formatOfFile(file);
  if (format?.reader && !format.database && ext !== ".parquet") {
    return {
      code: "data_unreadable",
      message: `Het bestand ${file} is niet te lezen als ${format.name}.`,
      hint: "Controleer dat het bestand helemaal is overgekomen en in zijn geheel dit formaat heeft (bij gzip: uitpakken en opnieuw inpakken), of lever de data als Parquet.",
      file,
    };
  }
  if (ext === ".parquet") {
    return {
      code: "parquet_unreadable",
      message: `Het Parquet-bestand ${file} is leeg, afgebroken of beschadigd.`,
      hint: "Maak het bestand opnieuw, of vraag de levering nog eens op; vergelijk de grootte met die van de bron.",
      file,
    };
  }
  return {
    code: "database_unreadable",
    message: `Het bestand ${file} is niet te lezen als DuckDB-database.`,
    hint: "Controleer dat het een DuckDB-bestand van deze versie is en dat het helemaal is overgekomen.",
    file,
  };
}

function notUtf8(file: string, how: string): Problem {
  return {
    code: "csv_not_utf8",
    message: `Het CSV-bestand ${file} is ${how}.`,
    hint: "Sla het op als UTF-8 (in Excel: 'CSV UTF-8'), of zet het om: iconv -f latin1 -t utf-8 oud.csv > nieuw.csv.",
    file,
  };
}

/**
 * A data file that is not there, or that this process may not read: the same problem whether
 * the door finds it when it hashes the file or the engine when it opens it.
 */
export function missingDataFile(file: string, dataset?: string): Problem {
  return {
    code: "data_file_missing",
    message: `Het databestand ${file}${dataset === undefined ? "" : ` van dataset '${dataset}'`} bestaat niet of is niet leesbaar.`,
    ...optionHint((o) => `Controleer 'file' bij de dataset, of geef met ${o("data")} de map waar de data staat.`),
    file,
  };
}

/**
 * What can be said of a data file before the engine opens it: that it is missing, empty, or a
 * CSV in UTF-16 (which DuckDB calls only "not UTF-8").
 */
export async function checkDataFile(file: string): Promise<void> {
  let size: number;
  try {
    size = (await stat(file)).size;
  } catch {
    throw new LivingLabError(missingDataFile(file));
  }
  if (size === 0) {
    throw new LivingLabError({
      code: "data_file_empty",
      message: `Het databestand ${file} is leeg (0 bytes).`,
      hint: "Maak het bestand opnieuw, of vraag de levering nog eens op.",
      file,
    });
  }
  if (extname(file).toLowerCase() !== ".csv") return;
  const handle = await open(file);
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(4096), 0, 4096, 0);
    const head = buffer.subarray(0, bytesRead);
    // A byte-order mark, or the zero bytes that UTF-16 puts beside every ASCII letter.
    const bom = bytesRead >= 2 ? head.readUInt16BE(0) : 0;
    if (bom === 0xfffe || bom === 0xfeff || head.includes(0)) {
      throw new LivingLabError(notUtf8(file, "in UTF-16 geschreven (of is geen tekst)"));
    }
  } finally {
    await handle.close();
  }
}

/**
 * A DataFrame handed to an engine that does not hold tables in this process: it would read a
 * table of the same name instead. `reads` says what that engine does read.
 */
export function framesNeedDuckDb(name: string, reads: string): Problem {
  return {
    code: "frames_need_duckdb",
    message: `De DataFrame '${name}' gaat naar DuckDB; ${reads}.`,
    hint: "Controleer een DataFrame op DuckDB, de standaard: laat de engine weg.",
    path: ["frames", name],
  };
}
