/**
 * A signal that the first Ctrl+C aborts, so long work stops its engine, writes nothing and
 * ends its run in the log as interrupted; a second Ctrl+C ends the process at once.
 */
export function ctrlCSignal(): AbortSignal {
  const controller = new AbortController();
  process.once("SIGINT", () => {
    process.stderr.write("\nOnderbreken... (nog een keer Ctrl+C stopt meteen)\n");
    controller.abort();
    process.once("SIGINT", () => process.exit(130));
  });
  return controller.signal;
}
