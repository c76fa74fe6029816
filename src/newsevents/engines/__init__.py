"""Where the per-article work runs.

`Pipeline` runs it in local worker processes by default; `engines.spark` runs
the same `Analyzer` on a Spark cluster. Either way the driver process stays the
single writer of the store and the story index.
"""
