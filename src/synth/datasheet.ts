import { z } from "zod";
import { type DefectKind, defectKinds, defectRegistry, type OmTable, omTables } from "./defect-kinds.js";
import type { DefectRates } from "./defect-rates.js";
import {
  arrondissementen,
  retiredAfdoeningen,
  retiredBronnen,
  retiredFeitcodes,
  retiredGemeenten,
  retiredGeslachten,
} from "./om-code-lists.js";
import { codeLists, groundTruthSchema, keyColumns, omSchema } from "./om-schema.js";
import type { OutputTable } from "./staging-writer.js";

export const DATASHEET_FORMAT = "livinglab-synth-datasheet/1";

const columnSchema = z.strictObject({
  name: z.string(),
  type: z.enum(["text", "integer", "date", "timestamp"]),
  required: z.enum(["ja", "nee", "als afgedaan"]),
  betekenis: z.string(),
  codelijst: z.string().optional(),
});

/** The datasheet of one generated dataset: what was made, how, and what is wrong in it on purpose. */
export const datasheetSchema = z.strictObject({
  format: z.literal(DATASHEET_FORMAT),
  generator: z.strictObject({ name: z.string(), version: z.string(), duckdb: z.string() }),
  arguments: z.strictObject({
    zaken: z.number().int(),
    seed: z.number().int(),
    as_of: z.string(),
    defects: z.string(),
    csv: z.boolean(),
  }),
  row_counts: z.record(z.string(), z.number().int()),
  files: z.array(z.strictObject({ name: z.string(), bytes: z.number().int(), sha256: z.string() })),
  tables: z.record(z.string(), z.strictObject({ key: z.string(), columns: z.array(columnSchema) })),
  code_lists: z.record(z.string(), z.array(z.string())),
  retired_codes: z.record(z.string(), z.array(z.string())),
  parket_codes: z.array(
    z.strictObject({ arrondissement: z.string(), parketcode: z.string(), inwoners_x100000: z.number() }),
  ),
  /** How the data is made, in Dutch: the distributions a reader should know about. */
  model: z.array(z.string()),
  defects: z.array(
    z.strictObject({
      kind: z.enum(defectKinds),
      tables: z.array(z.enum(omTables)),
      rate: z.number(),
      count: z.number().int(),
      beschrijving: z.string(),
      row_key: z.string(),
    }),
  ),
});
export type Datasheet = z.infer<typeof datasheetSchema>;

export interface DatasheetInput {
  version: string;
  duckdb: string;
  arguments: Datasheet["arguments"];
  rowCounts: Record<OutputTable, number>;
  files: Datasheet["files"];
  rates: DefectRates;
  defectCounts: Record<DefectKind, number>;
}

const MODEL = [
  "Het aantal zaken per arrondissement volgt het aantal inwoners; 80% van de zaken valt in het arrondissement waar de verdachte woont.",
  "Zaken stromen in over de vijf jaar vóór de peildatum, met minder instroom in juli, augustus en december en bijna niets in het weekend.",
  "De pleegdatum ligt meestal enkele dagen tot weken vóór de instroom (scheef verdeeld, hoogstens 700 dagen). Bij 2% van de zaken ontbreekt hij, in elk arrondissement even vaak.",
  "De doorlooptijd tot de afdoening is scheef verdeeld met een lange staart (mediaan van 35 dagen voor een technisch sepot tot 150 dagen voor een dagvaarding, hoogstens 1800 dagen). Een zaak waarvan de afdoening na de peildatum zou vallen, is nog open.",
  "De afdoening hangt af van het zaaktype: bij misdrijven vaak een dagvaarding, bij overtredingen vaak een OM-strafbeschikking.",
  "Een zaak heeft 1 tot 8 feiten (58% één feit). 62% van de zaken krijgt een nieuwe verdachte, de rest een verdachte die al eerder voorkwam, dus sommige verdachten hebben veel zaken.",
  "Verdachten zijn op de peildatum 19 tot 92 jaar oud, dus bij elk feit in de data 12 jaar of ouder.",
  "Een open zaak is in het laatste jaar vóór de peildatum gewijzigd; een afgedane zaak rond de afdoeningsdatum.",
  "Schone data eindigt op de dag vóór de peildatum, alsof de uitsnede aan het begin van de peildatum is gemaakt: geen schone datum of tijdstip valt op of na de peildatum.",
  "Bij meer dan 999.999 zaken per parket per jaar beginnen de volgnummers van parketnummers opnieuw; het parketnummer is geen sleutel.",
];

/** Builds the datasheet from what a run made; nothing in it depends on the time or the machine. */
export function buildDatasheet(input: DatasheetInput): Datasheet {
  const tables: Datasheet["tables"] = {};
  for (const table of omTables) tables[table] = { key: keyColumns[table], columns: [...omSchema[table]] };
  tables.ground_truth = { key: "kind, table_name, row_key", columns: [...groundTruthSchema] };
  return datasheetSchema.parse({
    format: DATASHEET_FORMAT,
    generator: { name: "livinglab synth (OM-stijl)", version: input.version, duckdb: input.duckdb },
    arguments: input.arguments,
    row_counts: input.rowCounts,
    files: input.files,
    tables,
    code_lists: Object.fromEntries(Object.entries(codeLists).map(([name, list]) => [name, [...list]])),
    retired_codes: {
      geslacht: [...retiredGeslachten],
      woongemeente: [...retiredGemeenten],
      afdoening: [...retiredAfdoeningen],
      bron: [...retiredBronnen],
      feitcode: [...retiredFeitcodes],
    },
    parket_codes: arrondissementen.map((a) => ({
      arrondissement: a.naam,
      parketcode: a.parketcode,
      inwoners_x100000: a.inwoners,
    })),
    model: MODEL,
    defects: defectKinds.map((kind) => ({
      kind,
      tables: [...defectRegistry[kind].tables] as OmTable[],
      rate: input.rates[kind],
      count: input.defectCounts[kind],
      beschrijving: defectRegistry[kind].beschrijving,
      row_key: defectRegistry[kind].rijsleutel,
    })),
  });
}
