"""The CAMEO table every event is coded against."""

from newsevents.coding.taxonomy import PLOVER_TYPES, cameo_table, is_valid, lookup


def test_every_root_is_present_with_a_plover_type_except_statements():
    table = cameo_table()
    for n in range(1, 21):
        root = f"{n:02d}"
        assert root in table, root
        if root != "01":  # PLOVER has no category for plain statements
            assert table[root].plover in PLOVER_TYPES, root


def test_threat_of_force_maps_to_threaten_verbal_conflict():
    code = lookup("138")
    assert (code.root, code.quad_class, code.plover) == ("13", 3, "THREATEN")
    assert code.goldstein < 0


def test_unknown_subcode_falls_back_to_parent():
    code = lookup("1389")
    assert code.code == "1389" and code.root == "13" and code.plover == "THREATEN"
    assert not is_valid("1389")


def test_quad_classes_follow_the_roots():
    table = cameo_table()
    assert {table[r].quad_class for r in ("01", "02", "03", "04", "05")} == {1}
    assert {table[r].quad_class for r in ("15", "18", "19", "20")} == {4}
