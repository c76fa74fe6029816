"""newsevents: raw news in, political event data out.

    >>> from newsevents import Config, Pipeline
    >>> Pipeline(Config(db="news.duckdb")).run(["news/"])
"""

from .config import Config
from .model import Actor, Article, ArticleResult, ErrorRecord, Event, Sentence, SourceItem
from .pipeline import Pipeline, RunSummary

__all__ = [
    "Actor", "Article", "ArticleResult", "Config", "ErrorRecord", "Event", "Pipeline",
    "RunSummary", "Sentence", "SourceItem",
]
__version__ = "0.1.0"
