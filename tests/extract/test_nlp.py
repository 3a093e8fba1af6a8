"""The pipeline's own components: the gazetteer matcher and the tag map that stands in for the
attribute ruler."""

import spacy

from extract import load_pipeline
from extract.nlp import GazetteerMatcher, gazetteer_id


def _ents(pipeline, text):
    return [(e.text, e.label_, gazetteer_id(e)) for e in pipeline(text).ents if gazetteer_id(e)]


def test_gazetteer_names_match_case_where_they_must(blank_nlp):
    found = _ents(blank_nlp, "Officers met Met leaders, the metropolitan police service and the MPS; mps met.")
    assert found == [
        ("Met", "ORG", ("org", "mps")),
        ("metropolitan police service", "ORG", ("org", "mps")),
        ("MPS", "ORG", ("org", "mps")),
    ]


def test_a_name_wrapped_over_two_lines_is_still_the_name_but_not_over_a_blank_line(blank_nlp):
    found = _ents(blank_nlp, "Jonathan Ogden (Honorary\nSecretary), Ailsa Beaton (Metropolitan\nPolice Service)")
    assert found == [
        ("Honorary\nSecretary", "POST", ("post", "secretary")),
        ("Metropolitan\nPolice Service", "ORG", ("org", "mps")),
    ]
    assert _ents(blank_nlp, "a report of the Metropolitan\n\nPolice Service") == []


def test_a_one_word_post_in_capitals_is_the_post(blank_nlp):
    found = _ents(blank_nlp, "Dr Kieron O'Hara - CHAIR. The chair of the meeting.")
    assert ("CHAIR", "POST", ("post", "chair")) in found
    assert all(text != "chair" for text, _, _ in found)


def test_the_longest_match_wins_then_the_earliest_pattern():
    nlp = spacy.blank("en")
    matcher = GazetteerMatcher(
        nlp.vocab,
        [
            {"label": "ORG", "id": "org:youth", "pattern": [{"LOWER": "youth"}, {"LOWER": "justice"}]},
            {"label": "TOPIC", "id": "topic:yj", "pattern": [{"LOWER": "youth"}, {"LOWER": "justice"}]},
            {"label": "ORG", "id": "org:yjb", "pattern": [{"ORTH": "Youth"}, {"LOWER": "justice"}, {"LOWER": "board"}]},
        ],
    )
    doc = matcher(nlp("the Youth Justice Board and youth justice and youth justice board"))
    assert [(e.text, e.ent_id_) for e in doc.ents] == [
        ("Youth Justice Board", "org:yjb"),
        ("youth justice", "org:youth"),
        ("youth justice", "org:youth"),  # "youth justice board": the board's "Youth" keeps its case
    ]


def test_the_tag_map_gives_verbs_their_part_of_speech_and_lemma(nlp):
    assert "attribute_ruler" not in nlp.pipe_names
    doc = nlp("The MPS provided an update and the Board noted it.")
    assert [(t.text, t.pos_, t.lemma_) for t in doc if t.tag_.startswith("VB")] == [
        ("provided", "VERB", "provide"),
        ("noted", "VERB", "note"),
    ]
    assert load_pipeline("blank").pipe_names[-1] == "minutes_gazetteer"


def test_a_document_longer_than_the_pipeline_takes_is_read_in_parts(blank_nlp):
    from extract import document_from_bytes, extract_meeting
    from extract.nlp import parse_documents

    opening = "Safer Streets Board - 3 March 2024 - Minutes\n\nPresent\nJane Doe, MOPAC\n\n1. Welcome\n\n"
    text = opening + "The Board noted the update on knife crime.\n\n" * 400  # about 18,000 characters
    document = document_from_bytes("long.txt", text.encode())
    limit, blank_nlp.max_length = blank_nlp.max_length, 5_000
    try:
        [(_, doc)] = parse_documents([document], blank_nlp)
    finally:
        blank_nlp.max_length = limit
    assert doc.text == document.text
    meeting = extract_meeting(document, doc)
    assert [a.name for a in meeting.attendance] == ["Jane Doe"]
    assert meeting.items[0].body.text.count("knife crime") == 400


def test_a_change_to_a_components_settings_changes_the_fingerprint():
    """Every component is a registered factory, so its settings are in the config the extraction
    cache is keyed by: a changed setting is seen without --no-cache."""
    from extract import load_pipeline, pipeline_fingerprint

    usual, changed = load_pipeline("blank"), load_pipeline("blank")
    assert pipeline_fingerprint(usual) == pipeline_fingerprint(changed)
    changed.replace_pipe("minutes_line_breaks", "minutes_line_breaks_v1", config={"short_line": 12})
    assert pipeline_fingerprint(usual) != pipeline_fingerprint(changed)


def test_capitalised_words_are_not_read_as_contractions(nlp, blank_nlp):
    for pipeline in (nlp, blank_nlp):
        words = [t.text for t in pipeline("Inspector Rebecca Cant met on Wed 14 Jan. Cannot attend. I can't.")]
        assert "Cant" in words and "Wed" in words  # a surname and a weekday, not "can't" and "we'd"
        assert words[words.index("Can") + 1] == "not"  # real contractions keep their pieces
        assert "n't" in words
