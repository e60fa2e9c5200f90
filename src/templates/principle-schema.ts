import { z } from "zod";

export const weighings = ["Mag", "Kan", "Wenselijk"] as const;
export type Weighing = (typeof weighings)[number];

export const principleSchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/),
  title: z.string().min(1),
  question: z.string().min(1),
  weighing: z.enum(weighings),
  owner: z.string().min(1),
  evidence: z.string().min(1),
  source: z.string().min(1),
});
export type Principle = z.infer<typeof principleSchema>;

export const principlesFileSchema = z.strictObject({
  version: z.string().regex(/^\d+\.\d+\.\d+$/),
  principles: z.array(principleSchema).min(1),
});
export type PrinciplesFile = z.infer<typeof principlesFileSchema>;

export const principleStatuses = ["voldaan", "niet_voldaan", "niet_van_toepassing", "open"] as const;
export type PrincipleStatus = (typeof principleStatuses)[number];
