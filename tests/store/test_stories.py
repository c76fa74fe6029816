"""Story clustering: syndicated copies join one story, across runs."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsevents.model import Article
from newsevents.stories import StoryIndex, shingle_hashes

# Two fictional reports on the same topic (a dock strike), written for these tests.
WIRE = (
    "Dock workers in the port city of Valmora walked off the job on Tuesday, halting the "
    "loading of grain ships for the third time this year. The union said its members would "
    "stay out until the harbour authority agreed to restore night shift bonuses that were "
    "cut in the spring. Harbour officials called the stoppage illegal and warned that "
    "replacement crews could be brought in from the northern terminals within a week. "
    "Shipping agents said at least fourteen vessels were waiting at anchor outside the "
    "breakwater, and traders reported that wheat prices in the region rose sharply by "
    "midday. The transport minister urged both sides to return to talks and offered to "
    "chair a meeting on Thursday. Union leaders accepted the invitation but said the strike "
    "would continue while the meeting takes place. Police kept a small presence at the "
    "main gate, where several hundred workers gathered with banners and drums."
)
OTHER = (
    "Grain exporters in Valmora are counting the cost of a week of disruption at the docks, "
    "where a dispute over pay has left ships idle. Several trading houses have diverted "
    "cargoes to the smaller port of Ressa, a longer and more expensive route. The chamber "
    "of commerce estimated that the stoppage had cost local firms millions in lost business "
    "and demurrage fees. Farmers' groups said silos inland were close to full and that "
    "harvest deliveries might have to be postponed. Economists at the state bank said the "
    "dispute was unlikely to affect national growth figures unless it lasted more than a "
    "month, but warned of higher bread prices in the capital."
)
BOILERPLATE = "Subscribe to our newsletter for the latest headlines. All rights reserved."


def art(aid: str, text: str) -> Article:
    return Article(id=aid, text=text)


def copies() -> dict[str, str]:
    sentences = WIRE.split(". ")
    return {
        "headline": "Valmora dockers strike again\n" + WIRE,
        "added_paragraph": WIRE + " In our region, local hauliers said they had already "
                           "laid off drivers because of the shortage of cargo to carry.",
        "truncated": ". ".join(sentences[: len(sentences) // 2]) + ".",
        "boilerplate": BOILERPLATE + "\n" + WIRE + "\n" + BOILERPLATE,
        "paraphrased": WIRE.replace(
            "The transport minister urged both sides to return to talks",
            "Both parties were told by the transport minister to go back to negotiations"
        ).replace("Police kept a small presence at the main gate",
                  "A handful of officers stood by at the entrance"),
    }


def test_syndicated_copies_join_the_first_story_and_others_do_not() -> None:
    index = StoryIndex(threshold=0.5)
    story, dup = index.assign(art("wire", WIRE))
    assert dup is None
    for name, text in copies().items():
        assert index.assign(art(name, text)) == (story, "wire"), name
    other_story, other_dup = index.assign(art("other", OTHER))
    assert other_story != story and other_dup is None


def test_same_content_again_returns_its_first_assignment() -> None:
    index = StoryIndex()
    first = index.assign(art("wire", WIRE))
    assert index.assign(art("wire", WIRE)) == first
    assert len(index) == 1


def test_index_is_incremental_across_opens(tmp_path: Path) -> None:
    path = tmp_path / "news.duckdb.stories"
    index = StoryIndex.open(path, threshold=0.5)
    story, _ = index.assign(art("wire", WIRE))
    other, _ = index.assign(art("other", OTHER))
    assert index.save() is not None
    assert index.save() is None  # nothing new

    reopened = StoryIndex.open(path, threshold=0.5)
    assert len(reopened) == 2
    assert reopened.assign(art("copy", copies()["boilerplate"])) == (story, "wire")
    assert reopened.assign(art("other2", "Other. " + OTHER)) == (other, "other")
    third, dup = reopened.assign(art("new", "An unrelated note about a chess tournament "
                                     "held in the old town library last weekend."))
    assert third not in (story, other) and dup is None
    reopened.save()

    again = StoryIndex.open(path, threshold=0.5)
    assert len(again) == 5
    assert len(list(path.glob("segment-*.npz"))) == 2
    assert again.story_of(art("copy", copies()["boilerplate"]).content_hash) == story


def test_stored_parameters_win_over_new_ones(tmp_path: Path) -> None:
    path = tmp_path / "s"
    index = StoryIndex.open(path, num_perm=64, shingle=4)
    index.assign(art("wire", WIRE))
    index.save()
    reopened = StoryIndex.open(path, num_perm=128, shingle=2)
    assert (reopened.num_perm, reopened.shingle) == (64, 4)
    assert reopened.assign(art("copy", copies()["headline"]))[1] == "wire"


def test_threshold_is_checked_and_tunes_matching() -> None:
    with pytest.raises(ValueError):
        StoryIndex(threshold=0.0)
    strict = StoryIndex(threshold=1.0)
    strict.assign(art("wire", WIRE))
    assert strict.assign(art("copy", copies()["paraphrased"]))[1] is None


def test_empty_text_starts_its_own_story() -> None:
    index = StoryIndex()
    a = index.assign(art("e1", "  "))
    b = index.assign(art("e2", "!!"))
    assert a[0] != b[0] and a[1] is None and b[1] is None


def test_shingles_are_stable_and_distinct() -> None:
    h = shingle_hashes("One two three four", k=3)
    assert len(h) == 2
    assert (h == shingle_hashes("ONE two, three... four", k=3)).all()
    assert len(shingle_hashes("solo", k=3)) == 1
    assert len(shingle_hashes("", k=3)) == 0
