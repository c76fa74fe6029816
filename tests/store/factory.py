"""Builders of ArticleResult/Event records for store and query tests (no spaCy)."""

from __future__ import annotations

from newsevents.model import Article, ArticleResult, Event, Sentence


def make_event(source: str | None = "PRKGOV", target: str | None = "USAGOV", cameo: str = "138",
               date: str | None = "2024-03-04", sentence_index: int = 0, **kw) -> Event:
    """Return a coded event with sensible defaults for the fields not given."""
    root = cameo[:2]
    quad = {"13": 3, "19": 4, "04": 1, "05": 1, "07": 2, "14": 3}.get(root, 1)
    defaults = dict(
        date=date, sentence_index=sentence_index,
        sentence=kw.pop("sentence", f"{source} did {cameo} to {target}."),
        event_text="threatened", source_text=(source or "someone").title(),
        source_code=source, source_country=source[:3] if source else None,
        source_sector=source[3:] if source and len(source) > 3 else None,
        target_text=(target or "someone").title(), target_code=target,
        target_country=target[:3] if target else None,
        target_sector=target[3:] if target and len(target) > 3 else None,
        cameo=cameo, cameo_root=root, quad_class=quad, goldstein=-4.0 if quad > 2 else 3.0,
        plover="THREATEN" if root == "13" else "COOPERATE",
    )
    defaults.update(kw)
    return Event(**defaults)


def make_result(article_id: str, text: str, events: list[Event], publisher: str | None = None,
                url: str | None = None, published: str | None = "2024-03-04",
                story_id: str | None = None, duplicate_of: str | None = None,
                title: str | None = None) -> ArticleResult:
    """Return an ArticleResult whose sentences are the text's lines."""
    article = Article(id=article_id, text=text, title=title or text.split(".")[0],
                      publisher=publisher, url=url, published=published,
                      story_id=story_id, duplicate_of=duplicate_of)
    sentences, start = [], 0
    for i, line in enumerate(text.split(". ")):
        sentences.append(Sentence(article_id, i, line, start, start + len(line)))
        start += len(line) + 2
    for ev in events:
        ev.article_id = article_id
        ev.story_id = story_id
    return ArticleResult(article=article, sentences=sentences, events=events)
