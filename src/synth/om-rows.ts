import type { DefectKind, OmTable } from "./defect-kinds.js";

/** Dates are day numbers (days since 1970-01-01), timestamps seconds since 1970, both UTC. */
export interface VerdachteRow {
  verdachte_id: string;
  geboortejaar: number | null;
  geslacht: string | null;
  woongemeente: string | null;
}

export interface ZaakRow {
  zaak_id: string;
  parketnummer: string | null;
  arrondissement: string;
  parketcode: string;
  verdachte_id: string;
  pleegdatum: number | null;
  instroomdatum: number | null;
  afdoeningsdatum: number | null;
  zaaktype: string | null;
  status: string;
  afdoening: string | null;
  bron: string | null;
  laatst_gewijzigd: number;
  opmerking: string | null;
}

export interface FeitRow {
  feit_id: string;
  zaak_id: string;
  feitcode: string | null;
  wetsartikel: string | null;
  categorie: string | null;
  pleegdatum: number | null;
}

export interface GroundTruthRow {
  kind: DefectKind;
  table_name: OmTable;
  row_key: string;
}

/** Where generated rows go, one at a time, in their final order. */
export interface OmSink {
  verdachte(row: VerdachteRow): void;
  zaak(row: ZaakRow): void;
  feit(row: FeitRow): void;
  truth(row: GroundTruthRow): void;
}
