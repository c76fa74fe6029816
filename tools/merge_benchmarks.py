"""Assemble docs/benchmarks.md from the per-topic parts in docs/bench-parts/.

Each part is written next to the benchmark that produces it (the command is in the part);
this script only stitches them together in the order of the data's path.

    python tools/merge_benchmarks.py
"""

from pathlib import Path

DOCS = Path(__file__).resolve().parents[1] / "docs"
ORDER = ["summary", "articles", "actors", "events", "gold-sets", "petrarch", "store", "pipeline"]


def demote(markdown: str) -> str:
    """Shift headings (outside code fences) so the part's top heading is level 2."""
    def walk():
        fenced = False
        for line in markdown.splitlines():
            if line.lstrip().startswith("```"):
                fenced = not fenced
            yield line, line.startswith("#") and not fenced

    levels = [len(ln) - len(ln.lstrip("#")) for ln, heading in walk() if heading]
    shift = 2 - min(levels) if levels else 0
    return "\n".join(("#" * shift + ln if shift > 0 else ln[-shift:]) if heading else ln
                     for ln, heading in walk())


def main() -> None:
    parts = DOCS / "bench-parts"
    names = ORDER + sorted(p.stem for p in parts.glob("*.md") if p.stem not in ORDER)
    chunks = []
    for name in names:
        path = parts / f"{name}.md"
        if path.exists():
            text = path.read_text(encoding="utf-8").strip()
            if name != "summary":  # each part's headings go one level under the summary's
                text = demote(text)
            chunks.append(text)
    out = DOCS / "benchmarks.md"
    out.write_text("\n\n".join(chunks) + "\n", encoding="utf-8")
    print(f"wrote {out} from {len(chunks)} parts")


if __name__ == "__main__":
    main()
