"""Moving session logs between laptops: export bundles, merge bundles, files and folders.

Use :func:`export_bundle` to write a bundle and :func:`merge_inputs` to merge inputs
into the data folder; both take an optional progress callback for a UI worker.
"""

from interview_assistant.exchange.bundle import ExportSummary, export_bundle
from interview_assistant.exchange.errors import ExchangeError
from interview_assistant.exchange.merging import AuditorTally, MergeReport, Tally, merge_inputs
from interview_assistant.exchange.progress import Progress, ProgressCallback

__all__ = [
    "AuditorTally",
    "ExchangeError",
    "ExportSummary",
    "MergeReport",
    "Progress",
    "ProgressCallback",
    "Tally",
    "export_bundle",
    "merge_inputs",
]
