"""The shared records and the error catalogue."""

import pytest

from newsevents.errors import REASONS, error
from newsevents.model import EVENT_FIELDS, Article, Event, content_hash

CONTRACT = ("id, article_id, input_id, date, sentence_index, sentence, event_text, source_text, "
            "source_code, source_country, source_sector, target_text, target_code, target_country, "
            "target_sector, cameo, cameo_root, quad_class, goldstein, plover, plover_mode, modality, "
            "attribution_text, attribution_code").split(", ")


def test_event_fields_keep_the_output_contract_in_order():
    assert list(EVENT_FIELDS[: len(CONTRACT)]) == CONTRACT
    assert set(Event().to_dict()) == set(EVENT_FIELDS)


def test_content_hash_ignores_whitespace_layout():
    assert content_hash("a  b\nc") == content_hash("a b c")
    assert content_hash("a b c") != content_hash("a b d")


def test_article_hashes_its_text():
    assert Article(id="x", text="Some text.").content_hash == content_hash("Some text.")


def test_errors_must_be_catalogued():
    rec = error("f.txt", "source", "empty_file")
    assert rec.detail == REASONS["empty_file"]
    with pytest.raises(KeyError):
        error("f.txt", "source", "made_up_reason")
