/** Dutch words for outcome codes, for tables; unknown codes are shown as they are. */
export const outcomeWords: Record<string, string> = {
  passed: "in orde",
  warned: "let op",
  failed: "niet in orde",
  not_evaluated: "niet beoordeeld",
  completed: "voltooid",
  error: "fout",
  unfinished: "onvoltooid",
  voldaan: "voldaan",
  niet_voldaan: "niet voldaan",
  niet_van_toepassing: "niet van toepassing",
  open: "open",
};
