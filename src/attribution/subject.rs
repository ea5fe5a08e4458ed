//! The subject of a clause whose verb comes later, and the subject before a verb when a
//! relative clause sits between them: "Tom Ruiz, who chairs the board, said",
//! "Speaking in Bend, Oregon, Ruiz told …". Each reader is bounded in tokens.

use super::np::{before, classify, is, is_phrase_word, w, Np, NpKind, DETERMINERS};
use crate::document::{Document, Span};
use crate::entities::names;
use crate::lexicon::{self, Pronoun};
use crate::quotes::narrative::Tok;

/// The subject before a speech verb, as [`before`] finds it, unless that phrase ends a
/// relative clause on the real subject: "A paramedic who treated the injured
/// said", "Residents who know him said", "An official who spoke on condition of
/// anonymity because he was not authorised to discuss the talks said". The subject is
/// then the phrase before "who". The look-back stops at the start of the clause, at
/// another clause joined by ", and"/", but" (unless "who" follows), and after 40 tokens.
pub fn before_relative(doc: &Document, toks: &[Tok], verb: usize, floor: usize) -> Option<Np> {
    // "the Harbor Ledger report, which notes, “…”": a document or body speaks through
    // "which".
    if verb >= floor + 3
        && toks[verb - 1].is_word()
        && w(doc, &toks[verb - 1]) == "which"
        && toks[verb - 2].is_punct(',')
    {
        let speaks = |n: &Np| matches!(n.kind, NpKind::Body(_) | NpKind::Name(_));
        if let Some(np) = before(doc, toks, verb - 2, floor).filter(speaks) {
            return Some(np);
        }
        // "a statement from Kiln Editions, the firm that prints her catalogues, which said":
        // the body before an appositive that opens on a determiner.
        let lo = verb.saturating_sub(16).max(floor);
        if let Some(c) = (lo..verb - 2).rev().find(|&k| toks[k].is_punct(',')) {
            let opens = toks.get(c + 1).is_some_and(|t| {
                t.is_word() && matches!(w(doc, t), "her" | "his" | "its" | "their" | "the" | "a" | "an")
            });
            if opens && toks[c + 1..verb - 2].iter().all(|t| t.is_word() || t.is_punct('-')) {
                if let Some(np) = before(doc, toks, c, floor).filter(speaks) {
                    return Some(np);
                }
            }
        }
    }
    let Some(np) = before(doc, toks, verb, floor) else {
        // "an official who spoke anonymously to discuss strategy said": the phrase before
        // the verb is no speaker, the head before "who" is.
        let lo = verb.saturating_sub(25).max(floor);
        let who = (lo..verb).rev().take_while(|&k| toks[k].is_word()).find(|&k| w(doc, &toks[k]) == "who")?;
        // ("a nurse who said she would vote": the verb right after "who" is the relative
        // clause's own.)
        return (who > floor && who + 1 < verb).then(|| before(doc, toks, who, floor)).flatten();
    };
    // A subject pronoun right before the verb is its subject: a "who" clause before it
    // belongs to an object of the opening phrase ("Asked whether Trump, who …, would win,
    // she replied").
    if matches!(np.kind, NpKind::Pronoun(_)) {
        return Some(np);
    }
    let start = (floor..verb).rev().find(|&k| toks[k].span.start <= np.span.start)?;
    // "The ferry carries commuters who live on the island, Ana Ruiz said": a name set off by the
    // comma before it is the subject; the "who" belongs to the words it reports.
    let mut first = start;
    while first > floor && start - first < 4 && toks[first - 1].is_word() && lexicon::is_title(w(doc, &toks[first - 1]))
    {
        first -= 1;
    }
    if matches!(np.kind, NpKind::Name(_)) && first > floor && toks[first - 1].is_punct(',') {
        return Some(np);
    }
    let lo = start.saturating_sub(40).max(floor);
    let mut k = start;
    while k > lo {
        k -= 1;
        let t = &toks[k];
        if !t.is_word() && !t.is_punct(',') {
            return Some(np);
        }
        if !t.is_word() {
            continue;
        }
        match w(doc, t) {
            "and" | "but"
                if k > 0
                    && toks[k - 1].is_punct(',')
                    && !toks.get(k + 1).is_some_and(|n| n.is_word() && w(doc, n) == "who") =>
            {
                return Some(np)
            }
            // "a manager who police say ran the scheme": the verb is the relative
            // clause's own, its subject right after "who".
            "who" if k + 1 == start => return Some(np),
            "who" if k > floor => {
                let head_end = if toks[k - 1].is_punct(',') { k - 1 } else { k };
                let head = if head_end > floor && toks[head_end - 1].is_word() {
                    before(doc, toks, head_end, floor)
                } else {
                    None
                };
                return match head {
                    Some(h) if !matches!(h.kind, NpKind::Pronoun(_)) => Some(h),
                    _ => Some(np),
                };
            }
            word if lexicon::is_speech_verb(word) && k + 1 < start => return Some(np),
            _ => {}
        }
    }
    Some(np)
}

/// The first speaker phrase of a clause starting at `start` (skipping an introductory
/// phrase that ends in a comma): the subject of a sentence whose verb came later.
pub fn clause_subject(doc: &Document, toks: &[Tok], start: usize, verb: usize) -> Option<Np> {
    let mut s = start;
    // "Then she …", "But he …", "Still, she …": a sentence adverb before the subject.
    if toks.get(s).is_some_and(|t| t.is_word() && is_sentence_adverb(w(doc, t))) && s + 1 < verb {
        s += 1;
        if toks[s].is_punct(',') {
            s += 1;
        }
    }
    let after_adverb = s > start;
    let start = s;
    // Skip "Over the weekend," / "In the call," / "Earlier this month,".
    // An opening phrase is at most 25 tokens long: the search for its comma stops there.
    if let Some(comma) = (start..verb.min(start + 26)).find(|&i| toks[i].is_punct(',')) {
        let word = toks.get(start).map(|t| w(doc, t)).unwrap_or("");
        // After "But", "in the call," opens the phrase in lower case.
        let capitalised: String = if after_adverb {
            word.chars().take(1).flat_map(char::to_uppercase).chain(word.chars().skip(1)).collect()
        } else {
            word.to_string()
        };
        let first = capitalised.as_str();
        // "Weighing in on the race, former Gov. …", "Reached by phone, Bennett …": a
        // participle opens a phrase that is not the subject, however long.
        let participle = first.len() > 4
            && (first.ends_with("ing") || first.ends_with("ed"))
            && !crate::chars::with_lowercase(first, names::is_name_word)
            && crate::lexicon::given_name_gender(first).is_none();
        // (A subordinate clause or a prepositional phrase may run long: "When the subject
        // comes up on the trail, Ruiz …".)
        let limit = if matches!(
            first,
            "As" | "At"
                | "In"
                | "On"
                | "After"
                | "During"
                | "When"
                | "While"
                | "If"
                | "Although"
                | "Though"
                | "Because"
                | "Since"
                | "Before"
                | "Until"
                | "Once"
                | "Unless"
                | "Despite"
                | "Following"
                | "Under"
                | "From"
                | "With"
                | "Without"
                | "Amid"
                | "Throughout"
        ) || is_place_preposition(first)
        {
            25
        } else if participle {
            15
        } else {
            5
        };
        if comma - start <= limit
            && first.chars().next().is_some_and(char::is_uppercase)
            && (is_intro_word(first) || participle || first == "As")
        {
            s = comma + 1;
            // "Speaking in Bend, Oregon, Ruiz …": the state or country of the place.
            if let Some(close) = (s + 1..verb.min(s + 4)).find(|&i| toks[i].is_punct(',')) {
                let place = toks[s..close].iter().all(|t| t.is_word() && names::is_name_word(w(doc, t)))
                    && crate::lexicon::is_place(&doc.prose()[toks[s].span.start..toks[close - 1].span.end]);
                if place {
                    s = close + 1;
                }
            }
            // "Speaking in Halden, which hosts the vote, Ruiz …": a relative clause on the
            // opening phrase's last word, up to its own comma.
            if toks.get(s).is_some_and(|t| t.is_word() && matches!(w(doc, t), "which" | "where" | "who" | "when")) {
                if let Some(close) = (s..verb.min(s + 20)).find(|&i| toks[i].is_punct(',')) {
                    s = close + 1;
                }
            }
            // "On Thursday, after weeks of silence, Ruiz …": a second opening phrase.
            let second = toks.get(s).filter(|t| t.is_word()).map(|t| w(doc, t)).filter(|w| {
                matches!(
                    *w,
                    "after" | "before" | "during" | "despite" | "while" | "in" | "on" | "at" | "with" | "without"
                )
            });
            if second.is_some() {
                if let Some(close) = (s..verb.min(s + 16)).find(|&i| toks[i].is_punct(',')) {
                    s = close + 1;
                }
            }
        }
    }
    // "Hours later, Ruiz …", "To wit, Ortiz …": a common word that opens the sentence,
    // then a comma and a name or a pronoun: the phrase before the comma is no subject.
    // ("But a few days later, Ruiz …": after a sentence adverb, any short phrase.)
    if s == start {
        if let Some(np) = after_common_opener(doc, toks, start, verb, after_adverb) {
            return Some(np);
        }
        // "Before the first firing he walked in …", "In 2003 she published …": an opening
        // phrase with no comma, then a subject pronoun.
        let first = toks.get(start).filter(|t| t.is_word()).map(|t| w(doc, t)).unwrap_or("");
        if is_intro_word(first) || matches!(first, "Before" | "After" | "During" | "Until" | "When" | "While") {
            let pronoun = (start + 2..verb.min(start + 10)).take_while(|&k| toks[k].is_word()).find_map(|k| {
                lexicon::pronoun(w(doc, &toks[k]))
                    .filter(|p| matches!(p, Pronoun::He | Pronoun::She | Pronoun::They))
                    .filter(|_| matches!(w(doc, &toks[k]), "he" | "she" | "they"))
                    .map(|p| Np { kind: NpKind::Pronoun(p), span: toks[k].span })
            });
            if pronoun.is_some() {
                return pronoun;
            }
        }
    }
    let mut e = s;
    while e < verb && toks[e].is_word() {
        let word = w(doc, &toks[e]);
        // "Former Secretary of State Maria Varga urged …": "of" and a capitalised word
        // after a title belong to it.
        let title_of = word == "of"
            && e > s
            && w(doc, &toks[e - 1]).starts_with(char::is_uppercase)
            && lexicon::is_title(w(doc, &toks[e - 1]))
            && toks.get(e + 1).is_some_and(|n| {
                let next = w(doc, n);
                n.is_word() && next.starts_with(char::is_uppercase) && !next.ends_with("’s") && !next.ends_with("'s")
            });
        // "Green mayoral candidate Ana Ruiz argued …": a lowercase modifier
        // before a role word, after the phrase's first word, is part of the phrase.
        // (Not a verb after a whole name, "Mr. Ruiz endorsed Mr. Greer": the phrase so
        // far is a party, a place or a title, and a courtesy title is no role.)
        let modifier = e > s
            && e - s <= 3
            // (Not an indefinite one, "A winning candidate might claim": that is no one.)
            && !matches!(w(doc, &toks[s]), "a" | "A" | "an" | "An")
            && (w(doc, &toks[s]).starts_with(char::is_uppercase) || w(doc, &toks[s]) == "the")
            && toks[s..e].iter().all(|t| {
                let before = w(doc, t);
                !lexicon::is_given_name(before) && !matches!(before, "Mr." | "Ms." | "Mrs." | "Dr." | "Mr" | "Ms" | "Mrs")
            })
            && word.chars().all(|c| c.is_lowercase() || c == '-')
            && !matches!(word, "also" | "then" | "later" | "still" | "now" | "again" | "has" | "had" | "was" | "is")
            && !matches!(word, "and" | "or" | "but" | "of" | "to" | "in" | "on" | "at" | "for" | "with" | "by" | "from")
            && (e + 1..verb.min(e + 3)).take_while(|&k| toks[k].is_word()).any(|k| {
                let next = w(doc, &toks[k]);
                lexicon::is_title(next)
                    && !lexicon::is_body_noun(next)
                    && !matches!(next, "Mr." | "Ms." | "Mrs." | "Dr." | "Mr" | "Ms" | "Mrs")
            });
        if e > s && !(is_phrase_word(word) || DETERMINERS.contains(&word) || title_of || modifier) {
            break;
        }
        e += 1;
    }
    if let Some(p) = toks.get(s).filter(|t| t.is_word()).and_then(|t| lexicon::pronoun(w(doc, t))) {
        return Some(Np { kind: NpKind::Pronoun(p), span: toks[s].span });
    }
    // "He’s predicting …", "She’d said …".
    if let Some((p, len)) = toks.get(s).filter(|t| t.is_word()).and_then(|t| lexicon::contracted_pronoun(w(doc, t))) {
        let at = toks[s].span.start;
        return Some(Np { kind: NpKind::Pronoun(p), span: Span::new(at, at + len) });
    }
    subject_before_comma(doc, toks, s, verb)
        .or_else(|| classify(doc, toks, s, e))
        .or_else(|| definite_role(doc, toks, s, verb))
}

/// "Republican nominee Ana Ruiz, during an interview on Monday, referred to …": the
/// phrase from the clause's start to its first comma, when it is all one name.
fn subject_before_comma(doc: &Document, toks: &[Tok], s: usize, verb: usize) -> Option<Np> {
    let comma = (s + 1..verb.min(s + 10)).find(|&i| toks[i].is_punct(','))?;
    if !toks[s..comma].iter().all(|t| t.is_word()) {
        return None;
    }

    let name = before(doc, toks, comma, s)
        .filter(|n| matches!(n.kind, NpKind::Name(_)) && toks[comma - 1].span.end == n.span.end)
        .filter(|n| {
            // ("Former secretary of state Ana Ruiz": "of" and the word after it belong to the title.)
            toks[s..comma].iter().enumerate().all(|(k, t)| {
                t.span.start >= n.span.start
                    || is_modifier_word(doc, t)
                    || is(doc, t, "of") && k > 0 && lexicon::is_title(w(doc, &toks[s + k - 1]))
                    || k > 0 && is(doc, &toks[s + k - 1], "of")
            })
        });
    // "Vietnam’s farm minister, Le Thi Thu Ha, made …": a role, then the name in apposition.
    name.or_else(|| {
        let close = (comma + 2..verb.min(comma + 8)).find(|&i| toks[i].is_punct(','))?;
        // (The role opens the clause: not "Hollis thanked her stall manager, Abel Mwangi,
        // and …", where a verb stands before it.)
        let verb_before = toks[s..comma].iter().any(|t| {
            let word = w(doc, t);
            word.len() > 3 && word.ends_with("ed") && word.chars().all(char::is_lowercase)
        });
        let role = !verb_before && toks[comma - 1].is_word() && lexicon::is_title(w(doc, &toks[comma - 1]));
        let all_names = toks[comma + 1..close].iter().all(|t| t.is_word() && is_phrase_word(w(doc, t)));
        (role && all_names)
            .then(|| classify(doc, toks, comma + 1, close))
            .flatten()
            .filter(|n| matches!(n.kind, NpKind::Name(_)))
    })
}

/// A word that may stand before a name in a subject: a capitalised word or a lowercase
/// title or role ("Republican mayoral nominee").
fn is_modifier_word(doc: &Document, t: &Tok) -> bool {
    let word = w(doc, t);
    word.chars().next().is_some_and(char::is_uppercase) || lexicon::is_title(word) || word.ends_with("al")
}

/// "The billionaire businessman began …": a definite phrase of lowercase words ending in
/// a role, up to five words long, as a clause's subject.
fn definite_role(doc: &Document, toks: &[Tok], s: usize, verb: usize) -> Option<Np> {
    if !toks.get(s).is_some_and(|t| t.is_word() && matches!(w(doc, t), "The" | "the")) {
        return None;
    }
    let mut role = None;
    let mut k = s + 1;
    while k < verb.min(s + 6) && toks[k].is_word() {
        let word = w(doc, &toks[k]);
        // (A phrase ends at a verb or a function word: "The problem is that the plan".)
        let function = lexicon::is_function_word(word);
        if !word.chars().all(|c| c.is_lowercase() || c == '-') || function {
            break;
        }
        if lexicon::is_title(word) || lexicon::is_document_noun(word) || lexicon::is_body_noun(word) {
            role = Some(k);
        }
        k += 1;
    }
    let end = role? + 1;
    let next_is_word = toks.get(end).is_some_and(|t| t.is_word() && w(doc, t).chars().all(char::is_lowercase));
    if !next_is_word {
        return None;
    }
    // ("The statement talked about …", "the ministry went on to …": a document or a body.)
    classify(doc, toks, s, end).filter(|n| matches!(n.kind, NpKind::Descriptor(_) | NpKind::Body(_)))
}

/// The subject after a short opening phrase that starts with a common word and ends in a
/// comma ("Hours later, Ruiz told …"): a name, or he or she, followed by a lowercase word.
fn after_common_opener(doc: &Document, toks: &[Tok], start: usize, verb: usize, after_adverb: bool) -> Option<Np> {
    let first = w(doc, toks.get(start).filter(|t| t.is_word())?);
    let lower = first.to_lowercase();
    let common =
        after_adverb && first.chars().next().is_some_and(char::is_lowercase) && lexicon::pronoun(first).is_none()
            || first.chars().next().is_some_and(char::is_uppercase)
                && !lexicon::is_given_name(first)
                // (A surname that is a common word, "Early in the race, Ruiz …", opens a
                // phrase too: a name and a comma after it are asked for below.)
                && !lexicon::is_title(&lower)
                && !DETERMINERS.contains(&lower.as_str())
                && lexicon::pronoun(first).is_none()
                && lexicon::per_million(&lower) >= 20.0;
    if !common {
        return None;
    }
    let comma = (start + 1..verb.min(start + 5)).find(|&i| toks[i].is_punct(','))?;
    if !toks[start..comma].iter().all(|t| t.is_word()) {
        return None;
    }
    let s = comma + 1;
    let mut e = s;
    while e < verb && toks[e].is_word() && w(doc, &toks[e]).chars().next().is_some_and(char::is_uppercase) {
        e += 1;
    }
    let np = if let Some(p) = toks.get(s).filter(|t| t.is_word()).and_then(|t| lexicon::pronoun(w(doc, t))) {
        e = s + 1;
        Some(Np { kind: NpKind::Pronoun(p), span: toks[s].span })
    } else {
        classify(doc, toks, s, e)
    };
    let person = |n: &Np| matches!(n.kind, NpKind::Name(_) | NpKind::Pronoun(Pronoun::He | Pronoun::She));
    let verb_follows =
        toks.get(e).is_some_and(|t| t.is_word() && w(doc, t).chars().next().is_some_and(char::is_lowercase));
    // ("Instead, the statement talked about …": a definite document, body or role.)
    np.filter(|n| person(n) && verb_follows).or_else(|| definite_role(doc, toks, s, verb))
}

/// A word that opens a sentence before its subject without a phrase of its own: "Then
/// she …", "But he …", "Still, the mayor …".
pub(super) fn is_sentence_adverb(word: &str) -> bool {
    matches!(
        word,
        "Then"
            | "Now"
            | "So"
            | "But"
            | "And"
            | "Yet"
            | "Still"
            | "Also"
            | "Instead"
            | "Again"
            | "Finally"
            | "Eventually"
            | "However"
            | "Meanwhile"
            | "Separately"
            | "Indeed"
            | "Moreover"
            | "Afterward"
            | "Afterwards"
    )
}

fn is_intro_word(word: &str) -> bool {
    matches!(
        word,
        "In" | "On"
            | "At"
            | "Over"
            | "After"
            | "Before"
            | "During"
            | "Earlier"
            | "Later"
            | "Since"
            | "Last"
            | "This"
            | "Speaking"
            | "Asked"
            | "Separately"
            | "Meanwhile"
            | "Still"
            | "However"
            | "But"
            | "And"
            | "Yet"
            | "For"
            | "When"
            | "While"
            | "Until"
            | "Following"
            | "Writing"
            | "Addressing"
            | "Under"
            | "From"
            | "With"
            | "Without"
            | "If"
            | "Although"
            | "Though"
            | "Because"
            | "Once"
            | "Unless"
            | "Despite"
            | "Amid"
            | "Throughout"
    ) || is_place_preposition(word)
}

/// Prepositions that open a phrase before the subject, however long: "Besides the
/// ferry strike, a strategist said …".
fn is_place_preposition(word: &str) -> bool {
    matches!(
        word,
        "Alongside"
            | "Besides"
            | "Beyond"
            | "Against"
            | "Among"
            | "Across"
            | "Inside"
            | "Outside"
            | "Within"
            | "Toward"
            | "Towards"
    )
}
