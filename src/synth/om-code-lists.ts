/**
 * Code lists of the synthetic OM-style data. Formats are plausible, not authoritative:
 * the parket codes and sizes are this project's invention.
 */
export const arrondissementen = [
  { naam: "Amsterdam", parketcode: "13", gewicht: 12, gemeenten: ["GM0363", "GM0384", "GM0437"] },
  { naam: "Den Haag", parketcode: "09", gewicht: 11, gemeenten: ["GM0518", "GM0599", "GM1916"] },
  { naam: "Gelderland", parketcode: "05", gewicht: 12, gemeenten: ["GM0202", "GM0268", "GM0200"] },
  { naam: "Limburg", parketcode: "03", gewicht: 7, gemeenten: ["GM0935", "GM0917", "GM0983"] },
  { naam: "Midden-Nederland", parketcode: "16", gewicht: 10, gemeenten: ["GM0344", "GM0307", "GM0995"] },
  { naam: "Noord-Holland", parketcode: "15", gewicht: 9, gemeenten: ["GM0392", "GM0361", "GM0402"] },
  { naam: "Noord-Nederland", parketcode: "18", gewicht: 9, gemeenten: ["GM0014", "GM0080", "GM0114"] },
  { naam: "Oost-Brabant", parketcode: "01", gewicht: 8, gemeenten: ["GM0796", "GM0772", "GM0794"] },
  { naam: "Overijssel", parketcode: "08", gewicht: 7, gemeenten: ["GM0193", "GM0153", "GM0150"] },
  { naam: "Rotterdam", parketcode: "10", gewicht: 11, gemeenten: ["GM0599", "GM0606", "GM0613"] },
  { naam: "Zeeland-West-Brabant", parketcode: "02", gewicht: 8, gemeenten: ["GM0758", "GM0855", "GM0687"] },
] as const;

export const afdoeningen = [
  ["dagvaarding", 40],
  ["OM-strafbeschikking", 25],
  ["transactie", 5],
  ["voorwaardelijk_sepot", 8],
  ["beleidssepot", 10],
  ["technisch_sepot", 9],
  ["voeging_ad_informandum", 3],
] as const;

export const feitcodes = [
  { feitcode: "F310", wetsartikel: "Sr 310", categorie: "vermogensmisdrijf", gewicht: 35 },
  { feitcode: "F300", wetsartikel: "Sr 300", categorie: "geweldsmisdrijf", gewicht: 20 },
  { feitcode: "F350", wetsartikel: "Sr 350", categorie: "vernieling", gewicht: 12 },
  { feitcode: "W008", wetsartikel: "WVW 8", categorie: "verkeersmisdrijf", gewicht: 18 },
  { feitcode: "O002", wetsartikel: "Opiumwet 2", categorie: "drugsmisdrijf", gewicht: 7 },
  { feitcode: "O003", wetsartikel: "Opiumwet 3", categorie: "drugsmisdrijf", gewicht: 8 },
] as const;

export const bronnen = [
  ["politie", 85],
  ["bijzondere_opsporingsdienst", 15],
] as const;
