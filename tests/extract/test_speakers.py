"""Statements the layout shows: speaker labels, signed reports, a post's report, appendices."""

HEAD = (
    "Riverside Parish Council - Minutes of the meeting held on 12 March 2024\n\n"
    "Present: Cllr Anna Berry (Chair), Cllr Tom Green, Mrs Jo Clark (Clerk)\n\n"
)


def said(parse, text: str) -> list[tuple[str, str, str]]:
    m = parse(HEAD + text)
    first_word = (s.sentence.text.lstrip("-• ").split()[0] for s in m.statements)
    return sorted((s.item, s.actor.name, word) for s, word in zip(m.statements, first_word, strict=True))


def test_a_label_over_an_indented_note_is_its_speaker(parse):
    text = (
        "1. Reports\n\nShepherd notes:\n\n  Alan Cabrera (adc):\n\n    This project is off to a great start. "
        "Mentors are active.\n\n  Tom Green:\n\n    Quiet month.\n\n2. Close\n\nThe meeting closed.\n"
    )
    assert said(parse, text) == [
        ("1", "Alan Cabrera", "Mentors"),
        ("1", "Alan Cabrera", "This"),
        ("1", "Tom Green", "Quiet"),
    ]


def test_a_label_before_words_with_a_subject_is_speech_but_an_action_is_not(parse):
    text = (
        "1. Bins\n\nTom Green: We have had three complaints about the bins.\n"
        "Anna Berry: Further discussion with the county.\n\n"
        "Action items\n\nTom Green: Write to the county about the bins.\n"
    )
    assert said(parse, text) == [("1", "Tom Green", "Tom")]


def test_a_signed_report_speaks_in_the_first_person(parse):
    text = (
        "1. Officer reports\n\n  A. Chair [Anna]\n\n    We have a new bus shelter. The parish fair was held.\n\n"
        "  B. Footpaths [Rob Hill]\n\n    I walked every path this month.\n"
    )
    assert said(parse, text) == [("1", "Anna Berry", "We"), ("1", "Rob Hill", "I")]


def test_the_bullets_of_a_posts_report_are_its_holders(parse):
    text = (
        "1. Clerk's report\n\n- The precept form has been returned.\n- The grass cutting contract ends in May.\n\n"
        "It was noted that we had paid the hall hire.\n\n2. Close\n\nThe meeting closed.\n"
    )
    assert said(parse, text) == [("1", "Jo Clark", "The"), ("1", "Jo Clark", "The")]


def test_an_appendix_the_item_cites_holds_its_statements(parse):
    text = (
        "1. Committee reports\n\nSee Appendix A.\n\n2. Close\n\nThe meeting closed.\n\n"
        "Appendix A: Report from the Footpaths Group [Rob Hill]\n\nI walked every path this month.\n\n"
        "Appendix B: Report from the Hall Group [Sam Long]\n\nI repaired the roof.\n"
    )
    assert said(parse, text) == [("1", "Rob Hill", "I")]
