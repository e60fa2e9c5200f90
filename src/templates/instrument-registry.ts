import { z } from "zod";
import {
  type AlgoritmeregisterField,
  algoritmeregisterFields as algoritmeregisterFieldsAll,
  toolFilledFields,
} from "../export/algoritmeregister-schema.js";

export const instrumentIds = ["iama", "dpia", "algoritmeregister", "algoritmekader"] as const;
export type InstrumentId = (typeof instrumentIds)[number];

/** An instrument a question can serve, so that exports can be generated from the answers. */
export interface InstrumentDefinition {
  /** Dutch name as users know it. */
  label: string;
  /** What a reference to it looks like, in Dutch, for hints. */
  reference: string;
  schema: z.ZodType<string>;
}

/** The fields of the Algoritmeregister publication standard a question may feed: all but those the tool fills. */
export const algoritmeregisterFields = algoritmeregisterFieldsAll.filter(
  (f): f is Exclude<AlgoritmeregisterField, (typeof toolFilledFields)[number]> =>
    !(toolFilledFields as readonly string[]).includes(f),
) as [AlgoritmeregisterField, ...AlgoritmeregisterField[]];

export const instrumentRegistry = {
  iama: {
    label: "IAMA",
    reference: "het nummer van de vraag in het IAMA, zoals 2.4",
    schema: z.string().regex(/^\d+(\.\d+)*$/, "Verwijs naar een IAMA-vraag met haar nummer, zoals 2.4."),
  },
  dpia: {
    label: "DPIA",
    reference: "het nummer van de sectie in het model-DPIA Rijksdienst, zoals 12",
    schema: z.string().regex(/^\d+(\.\d+)*$/, "Verwijs naar een DPIA-sectie met haar nummer, zoals 12."),
  },
  algoritmeregister: {
    label: "Algoritmeregister",
    reference: `een veld van de publicatiestandaard: ${algoritmeregisterFields.join(", ")}`,
    schema: z.enum(algoritmeregisterFields),
  },
  algoritmekader: {
    label: "Algoritmekader",
    reference: "het id van een vereiste of maatregel in het Algoritmekader, zoals avg-01",
    schema: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)+$/, "Verwijs naar het Algoritmekader met een id, zoals avg-01."),
  },
} satisfies Record<InstrumentId, InstrumentDefinition>;

function instrumentsShape(): Record<InstrumentId, z.ZodOptional<z.ZodType<string>>> {
  const shape = {} as Record<InstrumentId, z.ZodOptional<z.ZodType<string>>>;
  for (const id of instrumentIds) shape[id] = (instrumentRegistry[id].schema as z.ZodType<string>).optional();
  return shape;
}

/** The `instruments:` block of a question, built from the registry. */
export const instrumentsSchema = z.strictObject(instrumentsShape());
export type InstrumentRefs = Partial<Record<InstrumentId, string>>;
