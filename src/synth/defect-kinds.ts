/** The tables of the synthetic OM-style data, in the order they are described. */
export const omTables = ["verdachten", "zaken", "feiten"] as const;
export type OmTable = (typeof omTables)[number];

/** Every kind of defect the generator can inject, named as the ground truth names them. */
export const defectKinds = [
  "missing_value",
  "malformed_parketnummer",
  "invalid_code",
  "duplicate_key",
  "decision_before_registration",
  "future_date",
  "status_without_decision",
  "orphan_reference",
  "implausible_age",
  "stale_open_case",
  "parket_mismatch",
  "pii_in_remark",
  "group_completeness_gap",
] as const;
export type DefectKind = (typeof defectKinds)[number];

export interface DefectDefinition {
  /** The tables whose rows can carry this defect. */
  tables: readonly OmTable[];
  /** Share of rows of each of those tables that carry it with `--defects all`. */
  defaultRate: number;
  /** What the defect is, in Dutch, for the datasheet. */
  beschrijving: string;
  /** What the ground truth lists as row_key for it, in Dutch. */
  rijsleutel: string;
}

const ROW_KEY = "de sleutel van de rij (verdachte_id, zaak_id of feit_id)";

/** The registry of defect kinds: an exhaustive record, so a forgotten kind fails the type check. */
export const defectRegistry = {
  missing_value: {
    tables: ["verdachten", "zaken", "feiten"],
    defaultRate: 0.006,
    beschrijving: "Een verplichte kolom is leeg.",
    rijsleutel: ROW_KEY,
  },
  malformed_parketnummer: {
    tables: ["zaken"],
    defaultRate: 0.004,
    beschrijving: "Het parketnummer volgt niet de vorm PP/NNNNNN-JJ.",
    rijsleutel: ROW_KEY,
  },
  invalid_code: {
    tables: ["verdachten", "zaken", "feiten"],
    defaultRate: 0.006,
    beschrijving:
      "Een code staat niet in haar codelijst: een bijna-goede code (hoofdletters, spaties) of een ingetrokken code.",
    rijsleutel: ROW_KEY,
  },
  duplicate_key: {
    tables: ["verdachten", "zaken", "feiten"],
    defaultRate: 0.003,
    beschrijving: "Twee rijen hebben dezelfde sleutel; de grondwaarheid noemt beide kopieën.",
    rijsleutel: ROW_KEY,
  },
  decision_before_registration: {
    tables: ["zaken"],
    defaultRate: 0.004,
    beschrijving: "De afdoeningsdatum ligt vóór de instroomdatum.",
    rijsleutel: ROW_KEY,
  },
  future_date: {
    tables: ["zaken", "feiten"],
    defaultRate: 0.004,
    beschrijving: "Een datum ligt na de peildatum (--as-of).",
    rijsleutel: ROW_KEY,
  },
  status_without_decision: {
    tables: ["zaken"],
    defaultRate: 0.004,
    beschrijving: "De status is afgedaan, maar de afdoening of de afdoeningsdatum ontbreekt.",
    rijsleutel: ROW_KEY,
  },
  orphan_reference: {
    tables: ["zaken", "feiten"],
    defaultRate: 0.003,
    beschrijving: "Een zaak verwijst naar een verdachte, of een feit naar een zaak, die niet bestaat.",
    rijsleutel: ROW_KEY,
  },
  implausible_age: {
    tables: ["zaken"],
    defaultRate: 0.003,
    beschrijving:
      "De verdachte was bij het plegen jonger dan 12 of ouder dan 100 (jaar van de pleegdatum min geboortejaar).",
    rijsleutel: ROW_KEY,
  },
  stale_open_case: {
    tables: ["zaken"],
    defaultRate: 0.004,
    beschrijving: "Een zaak is niet afgedaan en is meer dan een jaar vóór de peildatum voor het laatst gewijzigd.",
    rijsleutel: ROW_KEY,
  },
  parket_mismatch: {
    tables: ["zaken"],
    defaultRate: 0.003,
    beschrijving: "Het begin van het parketnummer is een andere parketcode dan die van het arrondissement.",
    rijsleutel: ROW_KEY,
  },
  pii_in_remark: {
    tables: ["zaken"],
    defaultRate: 0.003,
    beschrijving:
      "De opmerking bevat persoonsgegevens: een BSN dat de elfproef doorstaat, een mobiel nummer, een e-mailadres of een IBAN (alle verzonnen).",
    rijsleutel: ROW_KEY,
  },
  group_completeness_gap: {
    tables: ["zaken"],
    defaultRate: 0.3,
    beschrijving:
      "In één arrondissement ontbreekt de pleegdatum veel vaker dan in de andere, die een lage basiskans delen. Het tarief is het extra deel van de zaken van dat arrondissement zonder pleegdatum.",
    rijsleutel: "de naam van het arrondissement",
  },
} as const satisfies Record<DefectKind, DefectDefinition>;

/** The kinds a row of `table` can carry, in registry order. */
export function defectKindsOf(table: OmTable): DefectKind[] {
  return defectKinds.filter((kind) => (defectRegistry[kind].tables as readonly OmTable[]).includes(table));
}
