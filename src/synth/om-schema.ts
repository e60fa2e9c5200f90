import type { OmTable } from "./defect-kinds.js";
import {
  afdoeningen,
  arrondissementen,
  bronnen,
  categorieen,
  feitcodes,
  geslachten,
  statussen,
  zaaktypen,
} from "./om-code-lists.js";

export type ColumnType = "text" | "integer" | "date" | "timestamp";

/** Whether a column must be filled: always, only when the case is afgedaan, or never. */
export type Required = "ja" | "nee" | "als afgedaan";

export interface ColumnSpec {
  name: string;
  type: ColumnType;
  required: Required;
  /** What the column means, in Dutch. */
  betekenis: string;
  /** The name of the code list its values come from, if any. */
  codelijst?: CodeListName;
}

/** The code lists of the data, by name, as the datasheet prints them. */
export const codeLists = {
  geslacht: geslachten,
  woongemeente: arrondissementen.flatMap((a) => a.gemeenten).sort(),
  arrondissement: arrondissementen.map((a) => a.naam),
  parketcode: arrondissementen.map((a) => a.parketcode).sort(),
  zaaktype: zaaktypen,
  status: statussen,
  afdoening: afdoeningen,
  bron: bronnen,
  feitcode: feitcodes,
  categorie: categorieen,
} as const satisfies Record<string, readonly string[]>;
export type CodeListName = keyof typeof codeLists;

/** Every column of every table, in file order. The column names are part of the contract. */
export const omSchema = {
  verdachten: [
    col("verdachte_id", "text", "ja", "Pseudoniem van de verdachte (sleutel), V gevolgd door negen cijfers."),
    col("geboortejaar", "integer", "ja", "Geboortejaar van de verdachte."),
    col("geslacht", "text", "ja", "Geslacht: M, V, X of O (onbekend).", "geslacht"),
    col("woongemeente", "text", "ja", "CBS-code van de woongemeente, zoals GM0363.", "woongemeente"),
  ],
  zaken: [
    col("zaak_id", "text", "ja", "Sleutel van de zaak, Z gevolgd door negen cijfers."),
    col("parketnummer", "text", "ja", "Parketnummer PP/NNNNNN-JJ: parketcode, volgnummer, jaar van instroom."),
    col("arrondissement", "text", "ja", "Een van de elf arrondissementen.", "arrondissement"),
    col(
      "parketcode",
      "text",
      "ja",
      "Parketcode van het arrondissement (twee cijfers, vast per arrondissement).",
      "parketcode",
    ),
    col("verdachte_id", "text", "ja", "De verdachte van de zaak (verwijst naar verdachten)."),
    col("pleegdatum", "date", "nee", "Datum van het (eerste) feit; mag ontbreken."),
    col("instroomdatum", "date", "ja", "Datum van inschrijving bij het OM."),
    col("afdoeningsdatum", "date", "als afgedaan", "Datum van de afdoening; leeg zolang de zaak niet is afgedaan."),
    col("zaaktype", "text", "ja", "Misdrijf of overtreding.", "zaaktype"),
    col("status", "text", "ja", "Ingeschreven, in behandeling of afgedaan.", "status"),
    col("afdoening", "text", "als afgedaan", "Hoe de zaak is afgedaan; leeg tenzij afgedaan.", "afdoening"),
    col("bron", "text", "ja", "Wie de zaak aanleverde: politie of een bijzondere opsporingsdienst.", "bron"),
    col("laatst_gewijzigd", "timestamp", "ja", "Moment van de laatste wijziging van de zaak."),
    col("opmerking", "text", "nee", "Vrije tekst, meestal leeg."),
  ],
  feiten: [
    col("feit_id", "text", "ja", "Sleutel van het feit, F gevolgd door tien cijfers."),
    col("zaak_id", "text", "ja", "De zaak van het feit (verwijst naar zaken)."),
    col("feitcode", "text", "ja", "Code van het strafbare feit.", "feitcode"),
    col("wetsartikel", "text", "ja", "Het wetsartikel bij de feitcode, zoals Sr 310."),
    col("categorie", "text", "ja", "Misdrijfcategorie in de stijl van het CBS.", "categorie"),
    col("pleegdatum", "date", "ja", "Datum waarop het feit is gepleegd."),
  ],
} as const satisfies Record<OmTable, readonly ColumnSpec[]>;

/** The ground truth: one row per injected defect. */
export const groundTruthSchema = [
  col("kind", "text", "ja", "Soort defect, zoals missing_value."),
  col("table_name", "text", "ja", "Tabel van de getroffen rij: verdachten, zaken of feiten."),
  col("row_key", "text", "ja", "Sleutel van de getroffen rij; bij group_completeness_gap het arrondissement."),
] as const satisfies readonly ColumnSpec[];

/** The key column of each table. */
export const keyColumns = { verdachten: "verdachte_id", zaken: "zaak_id", feiten: "feit_id" } as const satisfies Record<
  OmTable,
  string
>;

function col(
  name: string,
  type: ColumnType,
  required: Required,
  betekenis: string,
  codelijst?: CodeListName,
): ColumnSpec {
  return codelijst ? { name, type, required, betekenis, codelijst } : { name, type, required, betekenis };
}
