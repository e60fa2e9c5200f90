/**
 * Code lists of the synthetic OM-style data. Formats are plausible, not authoritative: the
 * weights, the choice of municipalities and the feitcodes are this project's invention.
 * Retired codes appear only as injected `invalid_code` defects.
 */

export interface Arrondissement {
  naam: string;
  /** Two-digit parket code, the prefix of every parketnummer of this arrondissement. */
  parketcode: string;
  /** Inhabitants in units of 100,000, rounded and approximate: case volumes follow it. */
  inwoners: number;
  /** CBS municipality codes of some municipalities in the arrondissement. */
  gemeenten: readonly string[];
}

export const arrondissementen: readonly Arrondissement[] = [
  { naam: "Amsterdam", parketcode: "13", inwoners: 11, gemeenten: ["GM0363", "GM0362", "GM0384", "GM0437"] },
  { naam: "Den Haag", parketcode: "09", inwoners: 20, gemeenten: ["GM0518", "GM0503", "GM0546", "GM1916"] },
  { naam: "Gelderland", parketcode: "05", inwoners: 21, gemeenten: ["GM0202", "GM0268", "GM0200", "GM0228"] },
  { naam: "Limburg", parketcode: "03", inwoners: 11, gemeenten: ["GM0935", "GM0917", "GM0983", "GM0957"] },
  { naam: "Midden-Nederland", parketcode: "16", inwoners: 23, gemeenten: ["GM0344", "GM0307", "GM0995", "GM0402"] },
  { naam: "Noord-Holland", parketcode: "15", inwoners: 15, gemeenten: ["GM0392", "GM0361", "GM0400", "GM0479"] },
  { naam: "Noord-Nederland", parketcode: "18", inwoners: 17, gemeenten: ["GM0014", "GM0080", "GM0114", "GM0106"] },
  { naam: "Oost-Brabant", parketcode: "01", inwoners: 16, gemeenten: ["GM0796", "GM0772", "GM0794", "GM0828"] },
  { naam: "Overijssel", parketcode: "08", inwoners: 12, gemeenten: ["GM0193", "GM0153", "GM0150", "GM0141"] },
  { naam: "Rotterdam", parketcode: "10", inwoners: 22, gemeenten: ["GM0599", "GM0606", "GM0505", "GM0613"] },
  { naam: "Zeeland-West-Brabant", parketcode: "02", inwoners: 15, gemeenten: ["GM0758", "GM0855", "GM0687", "GM0748"] },
];

/** Municipality codes that no longer exist (merged into Eemsdelta in 2021). */
export const retiredGemeenten = ["GM0003", "GM0010", "GM0024"] as const;

export const geslachten = ["M", "V", "X", "O"] as const;
/** Sex of suspects, in per mille. */
export const geslachtWeights = [
  ["M", 780],
  ["V", 205],
  ["X", 5],
  ["O", 10],
] as const;
export const retiredGeslachten = ["U"] as const;

export const zaaktypen = ["misdrijf", "overtreding"] as const;
export type Zaaktype = (typeof zaaktypen)[number];

export const statussen = ["ingeschreven", "in_behandeling", "afgedaan"] as const;

export const afdoeningen = [
  "dagvaarding",
  "OM-strafbeschikking",
  "transactie",
  "voorwaardelijk_sepot",
  "beleidssepot",
  "technisch_sepot",
  "voeging_ad_informandum",
] as const;
export type Afdoening = (typeof afdoeningen)[number];
export const retiredAfdoeningen = ["sepot", "verkeerstransactie"] as const;

/** The decision mix per case type, in percent. */
export const afdoeningWeights: Record<Zaaktype, readonly (readonly [Afdoening, number])[]> = {
  misdrijf: [
    ["dagvaarding", 42],
    ["OM-strafbeschikking", 18],
    ["transactie", 4],
    ["voorwaardelijk_sepot", 9],
    ["beleidssepot", 12],
    ["technisch_sepot", 11],
    ["voeging_ad_informandum", 4],
  ],
  overtreding: [
    ["dagvaarding", 12],
    ["OM-strafbeschikking", 62],
    ["transactie", 8],
    ["voorwaardelijk_sepot", 2],
    ["beleidssepot", 9],
    ["technisch_sepot", 6],
    ["voeging_ad_informandum", 1],
  ],
};

export const bronnen = ["politie", "bijzondere_opsporingsdienst"] as const;
export const bronWeights = [
  ["politie", 88],
  ["bijzondere_opsporingsdienst", 12],
] as const;
/** The national police services before the Nationale Politie of 2013. */
export const retiredBronnen = ["KLPD", "regiopolitie"] as const;

export const categorieen = [
  "vermogensmisdrijven",
  "geweldsmisdrijven",
  "vernielingen en openbare orde",
  "verkeersmisdrijven",
  "drugsmisdrijven",
  "wapenmisdrijven",
  "overtredingen",
] as const;

export interface Feit {
  feitcode: string;
  wetsartikel: string;
  omschrijving: string;
  categorie: (typeof categorieen)[number];
  zaaktype: Zaaktype;
  /** Relative frequency among all offences. */
  gewicht: number;
}

export const feiten: readonly Feit[] = [
  f("SR310", "Sr 310", "diefstal", "vermogensmisdrijven", 160),
  f("SR311", "Sr 311", "diefstal met braak", "vermogensmisdrijven", 60),
  f("SR326", "Sr 326", "oplichting", "vermogensmisdrijven", 40),
  f("SR416", "Sr 416", "opzetheling", "vermogensmisdrijven", 20),
  f("SR300", "Sr 300", "mishandeling", "geweldsmisdrijven", 90),
  f("SR302", "Sr 302", "zware mishandeling", "geweldsmisdrijven", 15),
  f("SR285", "Sr 285", "bedreiging", "geweldsmisdrijven", 45),
  f("SR350", "Sr 350", "vernieling", "vernielingen en openbare orde", 60),
  f("SR141", "Sr 141", "openlijke geweldpleging", "vernielingen en openbare orde", 15),
  f("WVW008", "WVW 8", "rijden onder invloed", "verkeersmisdrijven", 85),
  f("WVW009", "WVW 9", "rijden tijdens ontzegging", "verkeersmisdrijven", 30),
  f("WVW007", "WVW 7", "doorrijden na ongeval", "verkeersmisdrijven", 20),
  f("OPW002", "Opiumwet 2", "harddrugs", "drugsmisdrijven", 35),
  f("OPW003", "Opiumwet 3", "softdrugs", "drugsmisdrijven", 40),
  f("WWM026", "WWM 26", "wapenbezit", "wapenmisdrijven", 25),
  { ...f("WVW005", "WVW 5", "gevaarlijk rijgedrag", "overtredingen", 70), zaaktype: "overtreding" },
  { ...f("SR453", "Sr 453", "openbare dronkenschap", "overtredingen", 30), zaaktype: "overtreding" },
  { ...f("SR461", "Sr 461", "verboden toegang", "overtredingen", 25), zaaktype: "overtreding" },
  { ...f("SR447E", "Sr 447e", "geen identiteitsbewijs getoond", "overtredingen", 35), zaaktype: "overtreding" },
];
/** Feitcodes of articles that were repealed (Sr 426 begging, Sr 432 vagrancy). */
export const retiredFeitcodes = ["SR426", "SR432"] as const;

export const feitcodes = feiten.map((feit) => feit.feitcode);

/** Harmless remarks; none holds a digit, an @ or anything else that looks like personal data. */
export const opmerkingen = [
  "Wacht op aanvullend proces-verbaal.",
  "Slachtoffer wil schadevergoeding.",
  "Tolk nodig bij verhoor.",
  "Zaak gevoegd met andere zaak van dezelfde verdachte.",
  "Beslag nog niet afgehandeld.",
  "Reclasseringsadvies aangevraagd.",
  "Aangifte aangevuld op verzoek van de officier.",
  "Getuige nog niet gehoord.",
] as const;

function f(
  feitcode: string,
  wetsartikel: string,
  omschrijving: string,
  categorie: Feit["categorie"],
  gewicht: number,
): Feit {
  return { feitcode, wetsartikel, omschrijving, categorie, zaaktype: "misdrijf", gewicht };
}
