# The project's Jupyter configuration, used by `./lab jupyter` (--config).
# ruff: noqa: F821 (traitlets provides get_config when it loads this file)

c = get_config()

# Only the TypeScript kernel: the Python kernel is not offered, so "New notebook" and the
# launcher cannot preselect it (the library cannot be imported there).
c.KernelSpecManager.ensure_native_kernel = False
c.KernelSpecManager.allowed_kernelspecs = {"tslab"}
c.MappingKernelManager.default_kernel_name = "tslab"


def strip_outputs(model, **kwargs):
    """Saves notebooks without outputs, so running a shipped notebook leaves the repository clean.

    What a notebook showed is kept with its run instead (`livinglab notebook run`).
    """
    if model.get("type") != "notebook" or not isinstance(model.get("content"), dict):
        return
    notebook = model["content"]
    for cell in notebook.get("cells", []):
        cell.get("metadata", {}).pop("execution", None)
        if cell.get("cell_type") == "code":
            cell["outputs"] = []
            cell["execution_count"] = None
    # The kernel reports its version and editor settings; the file keeps only the language.
    info = notebook.get("metadata", {}).get("language_info")
    if isinstance(info, dict) and "name" in info:
        notebook["metadata"]["language_info"] = {"name": info["name"]}


c.FileContentsManager.pre_save_hook = strip_outputs
