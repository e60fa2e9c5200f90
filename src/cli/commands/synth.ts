import { LivingLabError, type Problem } from "../../errors/problem.js";
import { generateOm, MAX_ZAKEN } from "../../synth/generate-om.js";
import { type Command, EXIT } from "../command.js";
import { parseOptions } from "../parse-options.js";

export const synthCommand: Command = {
  name: "synth",
  summary: "Maak synthetische OM-data met ingebrachte defecten en een grondwaarheid",
  usage: `livinglab synth --out <map> --zaken <n> --seed <s> --as-of <JJJJ-MM-DD> [--defects none|all|<bestand>] [--csv]

  --out <map>          map voor de bestanden (wordt gemaakt als hij niet bestaat)
  --zaken <n>          aantal zaken, 1 tot en met ${MAX_ZAKEN} (bijvoorbeeld 1000 of 1_000_000)
  --seed <s>           geheel getal; dezelfde opdracht geeft byte voor byte dezelfde bestanden
  --as-of <datum>      peildatum: geen schone datum ligt erna
  --defects <d>        none (standaard), all (elke soort met zijn standaardkans) of een
                       YAML- of JSON-bestand met een kans per soort, bijvoorbeeld:
                         format: livinglab-defects/1
                         rates: { missing_value: 0.01, pii_in_remark: 0.002 }
  --csv                schrijf elke tabel ook als CSV

  Schrijft verdachten, zaken, feiten en ground_truth als Parquet, en datasheet.md en datasheet.json.
  Exit 0 als alles is geschreven, 3 bij een fout in de opdracht.`,
  async run(args) {
    const { values, positionals } = parseOptions(
      args,
      {
        out: { type: "string" },
        zaken: { type: "string" },
        seed: { type: "string" },
        "as-of": { type: "string" },
        defects: { type: "string", default: "none" },
        csv: { type: "boolean", default: false },
      },
      "synth",
    );
    const problems: Problem[] = [];
    if (positionals.length > 0) {
      problems.push(usage("unexpected_argument", `Onverwacht argument '${positionals[0]}'.`, "Gebruik alleen opties."));
    }
    for (const name of ["out", "zaken", "seed", "as-of"] as const) {
      if (values[name] === undefined) problems.push(usage("missing_option", `De optie --${name} ontbreekt.`));
    }
    const zaken = wholeNumber(values.zaken, "zaken", problems);
    const seed = wholeNumber(values.seed, "seed", problems);
    if (problems.length > 0) throw new LivingLabError(problems);

    const started = performance.now();
    const result = await generateOm({
      out: values.out ?? "",
      zaken,
      seed,
      asOf: values["as-of"] ?? "",
      defects: values.defects,
      csv: values.csv,
      onProgress: (made, total) => {
        if (total >= 1_000_000) process.stderr.write(`\r${Math.round((made / total) * 100)}% van de zaken gemaakt`);
      },
    });
    if (zaken >= 1_000_000) process.stderr.write("\n");
    const counts = result.rowCounts;
    const defects = Object.values(result.defectCounts).reduce((sum, n) => sum + n, 0);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      `✓ ${counts.zaken} zaken, ${counts.feiten} feiten en ${counts.verdachten} verdachten in ${values.out} (${seconds} s).`,
    );
    console.log(`  ${defects} ingebrachte defecten, elk genoemd in ground_truth.parquet; zie datasheet.md.`);
    return EXIT.ok;
  },
};

function wholeNumber(text: string | undefined, name: string, problems: Problem[]): number {
  if (text === undefined) return 0;
  const clean = text.replaceAll("_", "");
  if (/^\d+$/.test(clean)) return Number(clean);
  problems.push(usage("not_a_number", `--${name} moet een geheel getal zijn, niet '${text}'.`));
  return 0;
}

function usage(code: string, message: string, hint = "Zie 'livinglab synth --help'."): Problem {
  return { code, message, hint };
}
