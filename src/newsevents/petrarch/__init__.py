"""Run existing PETRARCH/TABARI dictionaries on newsevents' spaCy parse.

    from newsevents.petrarch import load_dictionaries, PetrarchCoder
    dicts = load_dictionaries(Path("my_dictionaries/"))
    events = PetrarchCoder(dicts).code_doc(nlp(text), date="2014-05-01")
"""

from ._lines import DictionaryWarning
from .coder import CoderOptions, PetrarchCoder
from .dictionaries import PetrarchDictionaries, load_dictionaries

__all__ = ["CoderOptions", "DictionaryWarning", "PetrarchCoder", "PetrarchDictionaries",
           "load_dictionaries"]
