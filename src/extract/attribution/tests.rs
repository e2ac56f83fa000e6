//! Each grammar rule with a made-up sentence.

use super::*;

/// The speaker nearest the first figure (`$`, `%` or a digit) of a one-sentence text.
fn who(t: &str) -> Option<String> {
    let at = t.find(|c: char| c == '$' || c.is_ascii_digit()).unwrap_or(0);
    let found = attributions(t, (0, t.len()));
    match found.iter().min_by_key(|a| a.at.abs_diff(at)).map(|a| a.who.clone())? {
        Speaker::Named(n) => Some(n),
        Speaker::Third(_) => Some("<third>".into()),
        Speaker::First => Some("<first>".into()),
    }
}

/// The speakers `extract` gives the claims of a text, in order.
fn speakers_of(t: &str) -> Vec<Option<String>> {
    crate::extract::extract(t).into_iter().map(|c| c.attributed_to).collect()
}

#[test]
fn according_to_and_as_per() {
    assert_eq!(
        who("Sales hit $5bn, according to the Lund Institute.").as_deref(),
        Some("Lund Institute")
    );
    assert_eq!(who("The FAA filing shows it paid $3bn.").as_deref(), Some("FAA"));
    assert_eq!(who("Prices rose 4%, according to analysts.").as_deref(), Some("analysts"));
}

#[test]
fn according_to_a_document_names_nobody() {
    assert_eq!(who("It cost $5bn, according to a new estimate released Monday."), None);
    assert_eq!(who("It cost $5bn, according to one modeling firm."), None);
    assert_eq!(who("It cost $5bn, according to the report."), None);
}

#[test]
fn subject_of_said_told_and_inverted_said() {
    assert_eq!(
        who("The Lund Bureau said on May 2 that aid was $6 billion.").as_deref(),
        Some("Lund Bureau")
    );
    assert_eq!(who("\"It is $500 billion,\" said Jones.").as_deref(), Some("Jones"));
    assert_eq!(
        who("A Latvian source told Reuters it was $50 million.").as_deref(),
        Some("A Latvian source")
    );
    assert_eq!(who("Net debt was $3bn, Brightwater said.").as_deref(), Some("Brightwater"));
}

#[test]
fn subject_of_estimating_verbs() {
    assert_eq!(
        who("Quill Analytics is estimating losses of about $9 billion.").as_deref(),
        Some("Quill Analytics")
    );
    assert_eq!(
        who("Quill Analytics estimates storms caused $9 billion of damage.").as_deref(),
        Some("Quill Analytics")
    );
    assert_eq!(who("Norbank projects growth of 2% next year.").as_deref(), Some("Norbank"));
    assert_eq!(who("Norbank forecast growth of 2% next year.").as_deref(), Some("Norbank"));
    assert_eq!(who("Harbor Risk pegged losses at $4 billion.").as_deref(), Some("Harbor Risk"));
    assert_eq!(who("Harbor Risk put losses at $4 billion.").as_deref(), Some("Harbor Risk"));
    assert_eq!(who("Harbor Risk puts the figure at $4 billion.").as_deref(), Some("Harbor Risk"));
}

#[test]
fn time_phrases_and_adverbs_are_skipped_not_taken() {
    assert_eq!(
        who("Harbor Risk last week estimated losses at between $3 billion and $4 billion.")
            .as_deref(),
        Some("Harbor Risk")
    );
    assert_eq!(
        who("Harbor Risk on Friday estimated the damage at about $4 billion.").as_deref(),
        Some("Harbor Risk")
    );
    assert_eq!(
        who("Harbor Risk now projects the damage at about $4 billion.").as_deref(),
        Some("Harbor Risk")
    );
}

#[test]
fn appositives_are_skipped() {
    assert_eq!(
        who("The Lund Institute, a Swedish research body, said that it was €64bn.").as_deref(),
        Some("Lund Institute")
    );
    assert_eq!(who("Delta Models, which sells risk software, estimates storms caused losses of $3 billion.").as_deref(), Some("Delta Models"));
    assert_eq!(
        who("Risk modeler DRM, based in Austin, Texas, on Monday projected losses of $3 billion.")
            .as_deref(),
        Some("DRM")
    );
    assert_eq!(
        who("Poor states, backed by Brazil, are demanding $2 trillion.").as_deref(),
        Some("Poor states")
    );
}

#[test]
fn relative_clauses_and_passive_agents() {
    assert_eq!(
        who("It falls short of the $2 trillion that economists say is needed.").as_deref(),
        Some("economists")
    );
    assert_eq!(
        who("It falls short of the $2 trillion farmers say is needed.").as_deref(),
        Some("farmers")
    );
    assert_eq!(
        who("It is less than the $2 trillion demanded by island nations.").as_deref(),
        Some("island nations")
    );
    assert_eq!(
        who("Several poor nations called for $2 trillion a year.").as_deref(),
        Some("Several poor nations")
    );
}

#[test]
fn owners_of_estimates_and_data() {
    assert_eq!(
        who("The Lund Institute's estimate of $7 billion stands.").as_deref(),
        Some("Lund Institute")
    );
    assert_eq!(
        who("Output fell 3%, data from the trade group Steel Makers Union showed.").as_deref(),
        Some("Steel Makers Union")
    );
    assert_eq!(who("QRS raises its storm loss estimate to $3bn").as_deref(), Some("QRS"));
    assert_eq!(who("The QRS estimate is $3bn for wind.").as_deref(), Some("QRS"));
}

#[test]
fn never_a_verb_or_time_phrase_or_truncated_name() {
    // Not a subject: a figure before the verb, a preposition before the phrase.
    assert_eq!(who("Losses hit $30 billion after modelers added damage to homes."), None);
    assert_eq!(who("Half of it was in Eastern states hit by floods that claimed 40 lives."), None);
    assert_eq!(who("Analysts had estimated $3bn."), Some("Analysts".into()));
    assert_eq!(who("It rose 5%, according to Smith's."), None);
    assert_eq!(who("Losses from the storm are estimated between $3bn and $4bn."), None);
    assert_eq!(who("The agreement states that rich nations will provide $3bn."), None);
    assert_eq!(who("The flood loss to coastal states alone is $2bn."), None);
    assert_eq!(who("A note that cited $5bn of claims was added."), None);
    assert_eq!(who("He first announced that he had bought 9% of it.").as_deref(), Some("<third>"));
    assert_eq!(who("It cost $9bn, according to the Federal Office for the Protection of the Environment and Nature of Lower Saxony."), None);
}

#[test]
fn pronouns_and_descriptions_are_not_names() {
    assert_eq!(who("He said it was $5bn.").as_deref(), Some("<third>"));
    assert_eq!(
        who("The bank's founder previously announced a $5bn loan.").as_deref(),
        Some("<third>")
    );
}

#[test]
fn pronoun_is_the_last_named_speaker_when_there_is_one() {
    let t = "Jane Roe said the plan was sound. She said it would cost $4 billion.";
    assert_eq!(speakers_of(t), vec![Some("Jane Roe".into())]);
    let t = "Jane Roe said the plan was sound. The firm's chief executive said it would cost $4 billion.";
    assert_eq!(speakers_of(t), vec![Some("Jane Roe".into())]);
    // Two speakers before: ambiguous, so nobody.
    let t = "Jane Roe said yes and Sam Poe said maybe. She said it would cost $4 billion.";
    assert_eq!(speakers_of(t), vec![None]);
}

#[test]
fn quote_speaker_carries_across_the_quote() {
    let t = "Jane Roe told reporters: “We are tired. We need $4 billion a year. Now.”";
    assert_eq!(speakers_of(t), vec![Some("Jane Roe".into())]);
    let t = "“We are tired. We need $4 billion a year,” Jane Roe said.";
    assert_eq!(speakers_of(t), vec![Some("Jane Roe".into())]);
    // A quote that runs on into the next paragraph, reopened there.
    let t = "Jane Roe said: “We are tired.\n“We need $4 billion a year.”\n";
    assert_eq!(speakers_of(t), vec![Some("Jane Roe".into())]);
    // Outside the quote: nobody.
    let t = "Jane Roe said: “We are tired.” Costs were $4 billion.";
    assert_eq!(speakers_of(t), vec![None]);
}

#[test]
fn groups_placed_by_a_preposition() {
    assert_eq!(
        who("Officials in Norway said they expect growth of 2%.").as_deref(),
        Some("Officials in Norway")
    );
    assert_eq!(
        who("Economists at Lund Bank estimate growth of 2%.").as_deref(),
        Some("Economists at Lund Bank")
    );
    // A preposition before a name is no subject.
    assert_eq!(who("Prices rose in Norway, said 2% more."), None);
}

#[test]
fn names_are_joined_as_whitespace_collapses_them() {
    let t = "Swiss  Re 's\u{a0}analysts";
    for base in [0, 3] {
        let ws = words(t, base);
        for a in 0..ws.len() {
            for b in a..=ws.len() {
                let joined = ws[a..b].iter().map(|w| w.text).collect::<Vec<_>>().join(" ");
                assert_eq!(text_of(&ws[a..b]), crate::text::collapse_whitespace(&joined));
            }
        }
    }
    // A possessive's stem may be empty (`'s`).
    let empty = Word { start: 0, end: 0, text: "" };
    let re = Word { start: 1, end: 3, text: "Re" };
    assert_eq!(text_of(&[empty, re]), "Re");
}

#[test]
fn cue_words_pass_their_shape_filter() {
    for (list, verb) in REPORTING_VERBS {
        for w in list {
            assert_eq!(reporting_verb(w), Some(verb), "{w}");
        }
    }
    for w in SOURCE_NOUNS {
        assert!(source_noun(w), "{w}");
    }
    assert_eq!(reporting_verb("Said"), None);
    assert!(!source_noun("Data") && !source_noun("date") && !source_noun("calculationz"));
}
