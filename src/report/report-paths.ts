/** An experiment's report folder, beside its run log. */
export const REPORT_DIR = "rapport";
/** Each run keeps its own copy of the results here, named by run id, so the site can show every run. */
export const RUN_RESULTS_DIR = "runs";
/** The latest run's results, beside the summary. */
export const RESULTS_FILE = "resultaten.json";
