// Over 700 lines: `before` alone runs 340 lines, a chain of patterns read back from one
// verb that share their look-back state; the clause-subject readers are in subject.rs.
//! The speaker phrase of an attribution: a name, a pronoun, a descriptor, a body, or an
//! unnamed source, read from the tokens before or after a speech verb.

use crate::document::{Document, Span};
use crate::entities::names;
use crate::lexicon::{self, Pronoun};
use crate::quotes::narrative::{Tok, TokKind};

pub use super::subject::{before_relative, clause_subject};

/// What kind of phrase names the speaker.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NpKind {
    /// A capitalised name (person, body or capital), titles excluded.
    Name(String),
    Pronoun(Pronoun),
    /// "the Kenyan leader", "the spokeswoman": lowercase words ending in a role.
    Descriptor(Vec<String>),
    /// "the ministry", "Taiwan's foreign ministry", "the Chinese side".
    Body(String),
    /// "a senior official", "people familiar with the matter".
    Anonymous(String),
    /// "critics", "some analysts", "western governments".
    Vague(String),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Np {
    pub kind: NpKind,
    pub span: Span,
}

pub(crate) fn w<'a>(doc: &'a Document, t: &Tok) -> &'a str {
    doc.text(t.span)
}

pub fn is_adverb(word: &str) -> bool {
    crate::lexicon::is_listed_adverb(word)
        || (word.ends_with("ly") && word.len() > 4 && word.chars().all(|c| c.is_lowercase()))
}

pub(super) const DETERMINERS: &[&str] =
    &["the", "The", "a", "A", "an", "An", "its", "Its", "his", "His", "her", "Her", "their", "Their"];

/// The subject of the verb at `verb`, read backwards, not before `floor`.
pub fn before(doc: &Document, toks: &[Tok], verb: usize, floor: usize) -> Option<Np> {
    let mut k = verb;
    while k > floor && toks[k - 1].is_word() && is_adverb(w(doc, &toks[k - 1])) {
        k -= 1;
    }
    if k == floor {
        return None;
    }
    let end = k - 1;
    let t = &toks[end];
    // "Greer opened the fair at the Old Mill and called …": a second verb of the
    // clause has the clause's subject, never the words before "and".
    if t.is_word() && matches!(w(doc, t), "and" | "but" | "or") {
        return None;
    }
    // "the former secretary of state said": an office's "of" and its field belong to the
    // role, whose head is the title before "of".
    if end >= floor + 3
        && t.is_word()
        && w(doc, t).chars().all(char::is_lowercase)
        && w(doc, &toks[end - 1]) == "of"
        && toks[end - 2].is_word()
        && w(doc, &toks[end - 2]).chars().all(char::is_lowercase)
        && lexicon::is_title(w(doc, &toks[end - 2]))
    {
        let title = end - 2;
        let mut det = title;
        while det > floor
            && title - det < 4
            && toks[det - 1].is_word()
            && w(doc, &toks[det - 1]).chars().all(char::is_lowercase)
            && !DETERMINERS.contains(&w(doc, &toks[det - 1]))
        {
            det -= 1;
        }
        if det > floor && toks[det - 1].is_word() && matches!(w(doc, &toks[det - 1]), "the" | "The") {
            let words: Vec<String> = toks[det..=title].iter().map(|t| w(doc, t).to_string()).collect();
            return Some(Np { kind: NpKind::Descriptor(words), span: Span::new(toks[det - 1].span.start, t.span.end) });
        }
    }
    // "one of them said": one of the group just named, a second reference to it.
    if t.is_word() && matches!(w(doc, t), "them" | "those") && end >= floor + 2 && toks[end - 1].is_word() {
        let of = w(doc, &toks[end - 1]) == "of";
        let count = toks[end - 2].is_word()
            && crate::chars::with_lowercase(w(doc, &toks[end - 2]), |l| {
                matches!(l, "one" | "another" | "two" | "some")
            });
        if of && count {
            let span = Span::new(toks[end - 2].span.start, t.span.end);
            return Some(Np { kind: NpKind::Descriptor(vec!["them".to_string()]), span });
        }
    }
    // "Rep. Jane Roe (D-Md.) said": a short parenthesis between the speaker and the verb.
    if t.is_punct(')') {
        if let Some(open) = (end.saturating_sub(8).max(floor)..end).rev().find(|&i| toks[i].is_punct('(')) {
            if open > floor {
                return before(doc, toks, open, floor);
            }
        }
        return None;
    }
    // "Dale Hune, in an apron stamped “Fire Works,” said": a quote closing on the comma
    // that ends an appositive; the speaker stands before the appositive's first comma.
    if let TokKind::Quote(_) = t.kind {
        let text = doc.text(t.span).trim_end_matches(['”', '"', '’', '\'']).trim_end();
        let open = (end.saturating_sub(15).max(floor)..end).rev().find(|&i| !toks[i].is_word())?;
        let lower = toks.get(open + 1).is_some_and(|n| n.is_word() && w(doc, n).starts_with(char::is_lowercase));
        if text.ends_with(',') && toks[open].is_punct(',') && lower && open > floor {
            return before(doc, toks, open, floor);
        }
        return None;
    }
    if !t.is_word() {
        // "…, who spoke on condition of anonymity, said" — skip a comma-bounded clause.
        if t.is_punct(',') {
            // "Gov. Ana Ruiz (R-Ore.), said": a stray comma after the parenthesis.
            // (Not a name inside an appositive, "X, a professor who worked for Sen. Y
            // (D-Ore.), said": the name stands at the clause's start or after a comma.)
            if end > floor + 1 && toks[end - 1].is_punct(')') {
                let np = before(doc, toks, end, floor);
                let mut first = np.as_ref().and_then(|n| (floor..end).find(|&k| toks[k].span.start >= n.span.start));
                // (A title before the name is part of it: "…, Gov. Ana Ruiz (R-Ore.), said".)
                while let Some(k) = first.filter(|&k| k > floor && toks[k - 1].is_word()) {
                    if !lexicon::is_title(w(doc, &toks[k - 1])) {
                        break;
                    }
                    first = Some(k - 1);
                }
                if first.is_some_and(|k| k == floor || !toks[k - 1].is_word()) {
                    return np;
                }
            }
            // "Ostrowski, who trains in Boulder, Colorado, said": skip the whole relative
            // clause, however many commas it holds.
            // ("…, and who asked not to be named, said": a second relative clause.)
            let relative =
                |k: usize| toks.get(k).is_some_and(|n| matches!(w(doc, n), "who" | "whose" | "which" | "where"));
            let clause = (floor..end).rev().take_while(|&i| toks[i].is_word() || toks[i].is_punct(',')).find(|&i| {
                toks[i].is_punct(',')
                    && (relative(i + 1)
                        || toks.get(i + 1).is_some_and(|n| matches!(w(doc, n), "and" | "but")) && relative(i + 2))
            });
            if let Some(c) = clause {
                // ("Ines Varga, 30, of Dover, Del., who …": a name before an age and a
                // hometown set off by commas, read through the comma before "who".)
                let through = before(doc, toks, c + 1, floor)
                    .filter(|h| matches!(h.kind, NpKind::Name(_)) && h.span.end < toks[c - 1].span.start);
                let np = through.or_else(|| before(doc, toks, c, floor));
                return unnamed_by_clause(doc, toks, floor, c, end, np);
            }
            let open = (floor..end).rev().find(|&i| toks[i].is_punct(','))?;
            // "Critics of the plan, including state Sen. Dolores Whitfield, said": the named
            // member speaks for the group.
            if toks.get(open + 1).is_some_and(|t| t.is_word() && w(doc, t) == "including") && open + 2 < end {
                if let Some(np @ Np { kind: NpKind::Name(_), .. }) = classify(doc, toks, open + 2, end) {
                    return Some(np);
                }
            }
            // "the band's singer, Kofi Mensah-Bright, told": the name between the commas.
            // (Not a state's abbreviation after a town: "of Dover, Del., said".)
            // (Nor a state or country after a town: "of Reno, Nevada, wrote".)
            let town_before = open > floor
                && toks[open - 1].is_word()
                && w(doc, &toks[open - 1]).starts_with(char::is_uppercase)
                && open + 1 < end
                && lexicon::is_place(&doc.prose()[toks[open + 1].span.start..toks[end - 1].span.end]);
            // ("A glazier loyal to Mr. Greer, Abel Mwangi of North Wharf Pottery,
            // said": a name, then where the person is from, between the commas.)
            let of = (open + 2..end).find(|&k| !(toks[k].is_word() && is_phrase_word(w(doc, &toks[k]))));
            if let Some(k) = of.filter(|&k| end - open <= 12 && matches!(w(doc, &toks[k]), "of" | "from")) {
                if toks[k + 1..end].iter().all(|t| t.is_word()) {
                    // (Not a party: "…, Democrat of Tennessee, told" after the name.)
                    if let Some(np) = classify(doc, toks, open + 1, k) {
                        if matches!(&np.kind, NpKind::Name(name) if !lexicon::is_group_word(name)) {
                            return Some(np);
                        }
                    }
                }
            }
            let name_only = toks[open + 1..end].iter().all(|t| t.is_word() && is_phrase_word(w(doc, t)))
                && !toks[open + 1..end].iter().all(|t| w(doc, t).ends_with('.'))
                && !town_before
                && (end != open + 2 || !is_party_tag(w(doc, &toks[open + 1])));
            if open + 1 < end && name_only {
                if let Some(np @ Np { kind: NpKind::Name(_), .. }) = classify(doc, toks, open + 1, end) {
                    return Some(np);
                }
            }
            // "Maribel Chávez-Ortiz, 38, a middle-school teacher, said": step back over an
            // age and a role in apposition to the name before them.
            let mut c = end;
            while let Some(p) = (floor..c).rev().find(|&i| toks[i].is_punct(',')) {
                let seg = &toks[p + 1..c];
                let age = seg.len() == 1 && w(doc, &seg[0]).bytes().all(|b| b.is_ascii_digit());
                // (A party tag in parentheses inside it: "who worked for Sen. Y (D-Ore.)".)
                let inner =
                    |t: &Tok| t.is_word() || t.is_punct('-') || t.is_punct('(') || t.is_punct(')') || t.is_punct('.');
                let role = seg.first().is_some_and(|t| t.is_word() && matches!(w(doc, t), "a" | "an" | "the"))
                    && seg.iter().all(inner);
                // "Ines Varga, 30, of Dover, Del., said", "…, a retired welder in
                // Salem, Ore., said": a hometown and its state.
                let capital = |t: &Tok| {
                    t.is_punct('.') || t.is_word() && w(doc, t).chars().next().is_some_and(char::is_uppercase)
                };
                // (Not a person's name: "… in Marlow, Ana Ruiz, the deputy mayor, said".)
                let given = seg.first().is_some_and(|t| {
                    t.is_word() && (lexicon::is_given_name(w(doc, t)) || lexicon::is_title(w(doc, t)))
                }) && !lexicon::is_place(&doc.prose()[seg[0].span.start..seg[seg.len() - 1].span.end]);
                let place = !seg.is_empty()
                    && seg.len() <= 3
                    && (seg.iter().all(capital) && !given
                        || seg.len() >= 2 && w(doc, &seg[0]) == "of" && seg[1..].iter().all(capital));
                // "Ana Ruiz, still a farmer near Bend, Ore., said": an appositive that
                // opens on a lowercase word, whatever names it holds.
                let lower = seg.len() <= 12
                    && seg.first().is_some_and(|t| {
                        t.is_word()
                            && w(doc, t).starts_with(|c: char| c.is_lowercase())
                            && !matches!(w(doc, t), "but" | "nor" | "who" | "which")
                            // ("… for parks, libraries, and pools, said": a list's last item.)
                            && (!matches!(w(doc, t), "and" | "or") || seg.len() <= 4)
                    })
                    && seg.iter().all(inner);
                // "Rep. Ana Ruiz, R-Bend, said": a party and district tag.
                let tag = seg.len() == 1 && is_party_tag(w(doc, &seg[0]));
                if !(age || role || place || lower || tag) {
                    break;
                }
                c = p;
            }
            if c < end {
                if let named @ Some(Np { kind: NpKind::Name(_), .. }) = before(doc, toks, c, floor) {
                    return named;
                }
            }
            // ("The mill closed in May, and it has sold “spare parts” ever since, said
            // Ana Ruiz": a clause of its own after the comma, not a parenthesis to step
            // over; its subject is no speaker.)
            let clause = toks[open + 1].is_word() && matches!(w(doc, &toks[open + 1]), "and" | "but" | "so" | "yet");
            if clause {
                return None;
            }
            return before(doc, toks, open, floor);
        }
        return None;
    }
    let word = w(doc, t);
    if let Some(p) = lexicon::pronoun(word) {
        return Some(Np { kind: NpKind::Pronoun(p), span: t.span });
    }
    // "He’s predicting …", "She’d said …".
    if let Some((p, len)) = lexicon::contracted_pronoun(word) {
        return Some(Np { kind: NpKind::Pronoun(p), span: Span::new(t.span.start, t.span.start + len) });
    }
    if let Some(np) = qualified_unnamed(doc, toks, end, floor) {
        return Some(np);
    }
    if let Some(np) = share_of_group(doc, toks, end, floor) {
        return Some(np);
    }
    if word == "who" && end > floor && toks[end - 1].is_punct(',') {
        // ("Across the street, a young nurse, who …": the phrase between the commas, when
        // the reading back finds nothing.)
        let np = before(doc, toks, end - 1, floor).or_else(|| {
            let open = (floor..end - 1).rev().find(|&k| toks[k].is_punct(',')).map_or(floor, |k| k + 1);
            classify(doc, toks, open, end - 1)
                .filter(|n| matches!(n.kind, NpKind::Anonymous(_) | NpKind::Descriptor(_)))
        });
        // "Sen. Ines Okafor, the treasurer of the ferry board, who said": a
        // body inside the role in apposition is not who said it; the name before the role is.
        if let Some(Np { kind: NpKind::Body(_), span }) = &np {
            let first = toks[floor..end].iter().position(|t| t.span.start == span.start).map(|p| p + floor);
            if let Some(f) = first {
                let lo = f.saturating_sub(10).max(floor);
                let comma = (lo..f).rev().find(|&k| !toks[k].is_word()).filter(|&k| toks[k].is_punct(','));
                if let Some(c) = comma.filter(|&c| c > floor && matches!(w(doc, &toks[c + 1]), "the" | "a" | "an")) {
                    if let named @ Some(Np { kind: NpKind::Name(_), .. }) = before(doc, toks, c, floor) {
                        return named;
                    }
                }
            }
        }
        // "Tom Wieczorek, 56, a retired machinist, who said": the role is an appositive
        // of the name before it, which is the speaker.
        if let Some(Np { kind: NpKind::Anonymous(_) | NpKind::Descriptor(_), span }) = &np {
            let first = toks[floor..end].iter().position(|t| t.span.start == span.start).map(|p| p + floor);
            if let Some(k) = first.filter(|&k| k > floor && toks[k - 1].is_punct(',')) {
                let mut m = k - 1;
                // skip an age in apposition: ", 56,"
                if m >= floor + 2 && toks[m - 1].is_word() && w(doc, &toks[m - 1]).bytes().all(|b| b.is_ascii_digit()) {
                    m -= 2;
                }
                if m > floor && toks[m].is_punct(',') {
                    if let named @ Some(Np { kind: NpKind::Name(_), .. }) = before(doc, toks, m, floor) {
                        return named;
                    }
                }
                if let named @ Some(Np { kind: NpKind::Name(_), .. }) = before(doc, toks, k - 1, floor) {
                    return named;
                }
            }
        }
        return np;
    }
    // Gather the phrase back to a determiner, punctuation or a verb-like word.
    let mut start = end;
    while start > floor && toks[start - 1].is_word() && end - start < 7 {
        let prev = w(doc, &toks[start - 1]);
        if DETERMINERS.contains(&prev) || is_phrase_word(prev) {
            start -= 1;
            if DETERMINERS.contains(&prev) {
                break;
            }
        } else {
            // "one Ruiz campaign source said": a count opens an unnamed source's phrase.
            let count =
                crate::chars::with_lowercase(prev, |l| matches!(l, "one" | "two" | "three" | "several" | "another"));
            // ("One senior consultant said": a role counted is unnamed too.)
            let head = w(doc, &toks[end]);
            if count
                && (lexicon::is_anonymous_noun(head)
                    || prev.eq_ignore_ascii_case("one")
                        && lexicon::is_title(head)
                        && head.starts_with(char::is_lowercase))
            {
                start -= 1;
            }
            break;
        }
    }
    // "the paper's editorial board", "the city's planning department": plain modifiers
    // between a possessive or determiner and a body, a document or a role.
    // ("one harbour source", "two port security sources": an unnamed source's plain
    // modifiers, after a count or an indefinite article.)
    let head = w(doc, &toks[end]);
    let unnamed = crate::chars::with_lowercase(head, lexicon::is_anonymous_noun);
    if start > floor
        && !DETERMINERS.contains(&w(doc, &toks[start]))
        && (unnamed
            || crate::chars::with_lowercase(head, |head| {
                lexicon::is_body_noun(head) || lexicon::is_document_noun(head) || lexicon::is_title(head)
            }))
    {
        let mut k = start;
        let plain = |word: &str| {
            is_modifier(word)
                && !DETERMINERS.contains(&word)
                && !matches!(
                    word,
                    "at" | "by"
                        | "from"
                        | "with"
                        | "for"
                        | "about"
                        | "into"
                        | "after"
                        | "before"
                        | "over"
                        | "as"
                        | "than"
                        | "while"
                        | "when"
                        | "because"
                        | "since"
                        | "if"
                        | "although"
                        | "though"
                        | "until"
                        | "unless"
                        | "whether"
                        | "where"
                )
        };
        while k > floor && start - k < 3 && toks[k - 1].is_word() && plain(w(doc, &toks[k - 1])) {
            k -= 1;
        }
        let mut anchor = k.checked_sub(1).filter(|&a| a >= floor && toks[a].is_word());
        // ("a Kellan security official": a place's or a body's name among an unnamed
        // source's modifiers, after the count.)
        if let Some(a) = anchor.filter(|&a| {
            unnamed
                && k < start
                && a > floor
                && w(doc, &toks[a]).starts_with(char::is_uppercase)
                && toks[a - 1].is_word()
                && crate::chars::with_lowercase(w(doc, &toks[a - 1]), |l| {
                    matches!(l, "a" | "an" | "one" | "two" | "three" | "several" | "another" | "some")
                })
        }) {
            k = a;
            anchor = Some(a - 1);
        }
        if let Some(a) = anchor.filter(|_| k < start) {
            let word = w(doc, &toks[a]);
            let count = || {
                crate::chars::with_lowercase(word, |l| {
                    matches!(l, "a" | "an" | "one" | "two" | "three" | "four" | "several" | "another" | "some")
                })
            };
            if unnamed {
                if count() {
                    start = a;
                }
            } else if DETERMINERS.contains(&word) {
                start = a;
            } else if word.ends_with("'s") || word.ends_with("’s") {
                start = if a > floor && toks[a - 1].is_word() && DETERMINERS.contains(&w(doc, &toks[a - 1])) {
                    a - 1
                } else {
                    a
                };
            }
        }
    }
    let mut np = classify(doc, toks, start, end + 1);
    // "Some economists in Lisbon believe", "Critics of the county's permit rules have
    // argued": a vague group, then a phrase that says where it is or what it opposes; the
    // phrase's object is no speaker. (A named object, "Analysts at Carrow Ratings", is who
    // speaks; a place is not.)
    if let Some(group) = vague_before_preposition(doc, toks, start, floor, np.as_ref()) {
        return Some(group);
    }
    // "Some Labour organisers believe": a share of a group the reading back stopped short of.
    if start > floor
        && !np.as_ref().is_some_and(|n| matches!(n.kind, NpKind::Vague(_)))
        && toks[start - 1].is_word()
        && crate::chars::with_lowercase(w(doc, &toks[start - 1]), |q| matches!(q, "some" | "many"))
    {
        if let Some(group) = classify(doc, toks, start - 1, end + 1).filter(|n| matches!(n.kind, NpKind::Vague(_))) {
            return Some(group);
        }
    }
    // A phrase after a preposition is its object, not the subject: "presented to council".
    let object = start > floor
        && toks[start - 1].is_word()
        && matches!(w(doc, &toks[start - 1]), "to" | "by" | "after" | "before" | "in" | "on" | "for" | "with");
    if np.is_none() || object {
        // "A policy statement issued after the meeting described", "a staff report
        // presented to council said": the document before its participle clause.
        let lo = end.saturating_sub(8).max(floor);
        let participle = (lo + 1..=end).rev().find(|&k| {
            toks[k].is_word()
                && matches!(
                    w(doc, &toks[k]),
                    "issued"
                        | "released"
                        | "published"
                        | "posted"
                        | "sent"
                        | "obtained"
                        | "seen"
                        | "reviewed"
                        | "presented"
                        | "filed"
                        | "submitted"
                        | "prepared"
                        | "commissioned"
                        | "leaked"
                        | "signed"
                )
                && toks[k - 1].is_word()
                && (lexicon::is_document_noun(w(doc, &toks[k - 1])) || lexicon::is_body_noun(w(doc, &toks[k - 1])))
                && toks[k..=end].iter().all(|t| t.is_word())
        });
        if let Some(k) = participle {
            let head = k - 1;
            let mut s = head;
            while s > floor && toks[s - 1].is_word() && head - s < 4 {
                let prev = w(doc, &toks[s - 1]);
                s -= 1;
                if DETERMINERS.contains(&prev) {
                    break;
                }
            }
            if let Some(doc_np) = classify(doc, toks, s, head + 1) {
                // The phrase runs to the verb, participle clause included.
                np = Some(Np { span: Span::new(doc_np.span.start, toks[end].span.end), ..doc_np });
            }
        }
    }
    if np.is_none() && start == end {
        // "a second diplomat", "the organizers": back to a determiner over plain words.
        let det = (end.saturating_sub(3).max(floor)..end).rev().take_while(|&i| toks[i].is_word()).find(|&i| {
            let word = w(doc, &toks[i]);
            matches!(word.to_ascii_lowercase().as_str(), "a" | "an" | "the" | "one" | "two" | "three" | "several")
        });
        if let Some(d) = det.filter(|&d| toks[d + 1..end].iter().all(|t| is_modifier(w(doc, t)))) {
            np = classify(doc, toks, d, end + 1);
        }
    }
    // "“…,” the beekeeper said", "“…,” the Green nominee said": right after a quote, a
    // definite phrase before the verb is a second reference to someone, even with a role
    // no list knows. "“…,” a friend said", "“…,” her colleague wrote": an indefinite or
    // possessive one is someone the article does not name.
    if np.is_none() {
        let lo = end.saturating_sub(8).max(floor);
        let det = (lo..end).rev().take_while(|&i| toks[i].is_word()).find(|&i| {
            matches!(
                w(doc, &toks[i]),
                "the"
                    | "The"
                    | "this"
                    | "This"
                    | "a"
                    | "A"
                    | "an"
                    | "An"
                    | "another"
                    | "Another"
                    | "his"
                    | "His"
                    | "her"
                    | "Her"
                    | "their"
                    | "Their"
            )
        });
        let head = w(doc, &toks[end]);
        let after_quote = |d: usize| {
            d == floor
                || matches!(toks[d - 1].kind, TokKind::Quote(_))
                || d >= floor + 2 && toks[d - 1].is_punct(',') && matches!(toks[d - 2].kind, TokKind::Quote(_))
        };
        if let Some(d) = det.filter(|&d| after_quote(d)) {
            // ("the Florida senator and Republican presidential candidate": one person's two roles.)
            let plain = toks[d + 1..end].iter().all(|t| {
                let word = w(doc, t);
                (is_modifier(word) || is_phrase_word(word)) && !is_preposition_or_joiner(word) || word == "and"
            });
            let noun = head.len() > 3
                && head.chars().all(|c| c.is_lowercase() || c == '-')
                && !head.ends_with("ly")
                && !lexicon::is_speech_verb(head);
            // (The unnamed one is a short phrase before a finite verb: not "a document he
            // kept for years listing …".)
            let definite = matches!(w(doc, &toks[d]), "the" | "The" | "this" | "This");
            // (At the sentence's start only when the verb then opens a quote: "Another
            // child responded, “…”", not "A recent post getting clicks shows …".)
            let opens_quote = toks.get(verb + 1).is_some_and(|t| t.is_punct(',') || t.is_punct(':'))
                && toks.get(verb + 2).is_some_and(|t| matches!(t.kind, TokKind::Quote(_)));
            let short = definite
                || ((d > floor || opens_quote)
                    && end - d <= 4
                    && !w(doc, &toks[verb]).ends_with("ing")
                    && !toks.get(verb + 1).is_some_and(|t| t.is_word() && w(doc, t) == "by")
                    && toks[d + 1..end].iter().all(|t| {
                        let word = w(doc, t);
                        lexicon::pronoun(word).is_none()
                            && !is_adverb(word)
                            && !word.ends_with("ing")
                            && !matches!(word, "never" | "before" | "after" | "ever" | "once")
                    }));
            if plain && noun && short {
                let span = Span::new(toks[d].span.start, toks[end].span.end);
                if matches!(w(doc, &toks[d]), "a" | "A" | "an" | "An" | "another" | "Another") {
                    return Some(Np { kind: NpKind::Anonymous(doc.text(span).to_string()), span });
                }
                let role = toks[d + 1..=end].iter().map(|t| w(doc, t).to_string()).collect();
                return Some(Np { kind: NpKind::Descriptor(role), span });
            }
        }
    }
    // "Judge Ana Ruiz of the Kellan County Court wrote": the head before the
    // prepositional phrase is the speaker when it is a name.
    let det = DETERMINERS.contains(&w(doc, &toks[start]));
    if start >= floor + 2 && (det || start >= 1) {
        let prep = start - 1;
        // "one of the officials said": one of a group already named, a second reference.
        let one_of = prep > floor
            && w(doc, &toks[prep]) == "of"
            && toks[prep - 1].is_word()
            && crate::chars::with_lowercase(w(doc, &toks[prep - 1]), |l| {
                matches!(l, "one" | "two" | "three" | "some" | "another")
            });
        if let Some(n) = np.as_ref().filter(|_| one_of && det) {
            let head = doc.text(n.span).rsplit(' ').next().unwrap_or("").to_string();
            let span = Span::new(toks[prep - 1].span.start, n.span.end);
            return Some(Np { kind: NpKind::Descriptor(vec![head]), span });
        }
        // (After "to" only a role's head: "an aide to", not "a site linked to".)
        let to_role = |k: usize| {
            w(doc, &toks[k]) == "to"
                && toks[k - 1].is_word()
                && (lexicon::is_anonymous_noun(w(doc, &toks[k - 1])) || lexicon::is_title(w(doc, &toks[k - 1])))
        };
        if toks[prep].is_word()
            && (matches!(w(doc, &toks[prep]), "of" | "at" | "from" | "for" | "with" | "in") || to_role(prep))
        {
            // "A senior manager at the trust said", "an aide to the mayor said": an unnamed
            // head is the source too.
            if let Some(head @ Np { kind: NpKind::Name(_) | NpKind::Anonymous(_), .. }) = before(doc, toks, prep, floor)
            {
                // "A spokesperson for the museum said": the body speaks through its
                // spokesperson, on the record; the unnamed voice is not an anonymous source.
                let spokesperson = matches!(&head.kind, NpKind::Anonymous(words)
                    if words.rsplit(' ').next().is_some_and(|w| crate::chars::with_lowercase(w, |l| matches!(l, "spokesperson" | "spokesman" | "spokeswoman"))));
                if spokesperson && matches!(w(doc, &toks[prep]), "for" | "of") && np.is_some() {
                    return np;
                }
                // (An unnamed head's phrase runs to the verb: "at the trust" is part of it.)
                // (Its words too: "a spokeswoman for the collector" says more than "a spokeswoman".)
                if matches!(head.kind, NpKind::Anonymous(_)) {
                    let span = Span::new(head.span.start, toks[end].span.end);
                    return Some(Np { kind: NpKind::Anonymous(doc.text(span).to_string()), span });
                }
                return Some(head);
            }
            // "a notice from the utility said": the document speaks, whatever the
            // words after its preposition are.
            if matches!(w(doc, &toks[prep]), "from" | "by" | "of") {
                if let Some(head @ Np { kind: NpKind::Body(_), .. }) = before(doc, toks, prep, floor) {
                    let noun = w(doc, &toks[prep - 1]);
                    if lexicon::is_document_noun(noun) && np.as_ref().is_none_or(|n| !matches!(n.kind, NpKind::Name(_)))
                    {
                        // (The phrase runs to the verb: "from the utility" is part of it.)
                        return Some(Np { span: Span::new(head.span.start, toks[end].span.end), ..head });
                    }
                }
            }
            // "A senior fund-raiser for Sen. Ana Ruiz wrote", "a friend of Ruiz said": an
            // unnamed person of a role no list knows, not the name after the preposition.
            if matches!(np.as_ref().map(|n| &n.kind), Some(NpKind::Name(_))) {
                let lo = prep.saturating_sub(5).max(floor);
                let words = |from: usize| toks[from..prep].iter().all(|t| t.is_word());
                if let Some(d) = (lo..prep.saturating_sub(1))
                    .rev()
                    .find(|&k| toks[k].is_word() && matches!(w(doc, &toks[k]), "a" | "A" | "an" | "An") && words(k))
                {
                    let lowercase = toks[d + 1..prep].iter().all(|t| {
                        let word = w(doc, t);
                        word.chars().all(|c| c.is_lowercase() || c == '-') && !lexicon::is_speech_verb(word)
                    });
                    // The head names a person by role or tie ("a report from Bloomberg", "a
                    // reaction from Ruiz" leave the name the source).
                    let head = w(doc, &toks[prep - 1]);
                    let person = lexicon::is_title(head)
                        || head.ends_with("raiser")
                        || matches!(head, "friend" | "ally" | "donor" | "colleague" | "relative" | "confidant");
                    if lowercase && person {
                        let phrase: Vec<&str> = toks[d..prep].iter().map(|t| w(doc, t)).collect();
                        let span = Span::new(toks[d].span.start, toks[prep - 1].span.end);
                        return Some(Np { kind: NpKind::Anonymous(phrase.join(" ")), span });
                    }
                }
            }
        }
    }
    np
}

/// A party and state or district tag set off by commas: "R-Bend", "D-Del.", "I-Vt.".
fn is_party_tag(word: &str) -> bool {
    let b = word.as_bytes();
    b.len() >= 3 && matches!(b[0], b'D' | b'R' | b'I') && b[1] == b'-' && b[2].is_ascii_uppercase()
}

/// A lowercase word that can stand between a determiner and its noun: "second", "senior",
/// "local" — not a verb or a function word that would end the phrase.
fn is_modifier(word: &str) -> bool {
    word.chars().all(|c| c.is_lowercase() || c == '-')
        && !matches!(
            word,
            "and"
                | "or"
                | "but"
                | "of"
                | "to"
                | "in"
                | "on"
                | "that"
                | "which"
                | "who"
                | "had"
                | "has"
                | "have"
                | "was"
                | "were"
                | "is"
                | "are"
                | "will"
                | "would"
                | "not"
                | "can"
                | "could"
                | "may"
                | "might"
                | "must"
                | "should"
                | "be"
                | "been"
                | "being"
                | "did"
                | "does"
        )
}

/// A word that ends a noun phrase read forward: a preposition or a clause joiner.
fn is_preposition_or_joiner(word: &str) -> bool {
    matches!(
        word,
        "by" | "for"
            | "with"
            | "from"
            | "about"
            | "at"
            | "as"
            | "after"
            | "before"
            | "over"
            | "into"
            | "than"
            | "on"
            | "in"
            | "of"
            | "to"
            | "that"
            | "and"
            | "or"
            | "who"
            | "which"
    )
}

/// Words that qualify an unnamed source: "people familiar with the matter", "officials
/// briefed on the talks", "a person close to the family", "sources with knowledge of".
const QUALIFIERS: &[&str] = &["familiar", "briefed", "close", "knowledge", "involved", "aware", "privy", "informed"];

/// An unnamed source followed by its qualifier, read back from the word before the verb.
fn qualified_unnamed(doc: &Document, toks: &[Tok], end: usize, floor: usize) -> Option<Np> {
    let lo = end.saturating_sub(7).max(floor);
    let q = (lo..=end).rev().find(|&i| toks[i].is_word() && QUALIFIERS.contains(&w(doc, &toks[i])))?;
    if !toks[q..=end].iter().all(|t| t.is_word()) {
        return None;
    }
    let mut k = q;
    // "people", "officials", "a person", "two sources" before the qualifier ("with" may sit between).
    if k > floor && is(doc, &toks[k - 1], "with") {
        k -= 1;
    }
    // (Or a role after "a": "a Republican strategist close to the campaign".)
    let role = |i: usize| {
        lexicon::is_title(w(doc, &toks[i]))
            && (i.saturating_sub(3).max(floor)..i)
                .any(|j| toks[j].is_word() && matches!(w(doc, &toks[j]), "a" | "A" | "an" | "An"))
    };
    // (Or one member of a group after a count: "one Republican briefed on the kiln vote".)
    let member = |i: usize| {
        i > floor
            && lexicon::is_group_word(w(doc, &toks[i]))
            && !w(doc, &toks[i]).ends_with('s')
            && toks[i - 1].is_word()
            && crate::chars::with_lowercase(w(doc, &toks[i - 1]), |l| matches!(l, "a" | "an" | "one" | "another"))
    };
    if k == floor
        || !toks[k - 1].is_word()
        || !(lexicon::is_anonymous_noun(w(doc, &toks[k - 1])) || role(k - 1) || member(k - 1))
    {
        return None;
    }
    let mut start = if member(k - 1) { k - 2 } else { k - 1 };
    while start > floor && toks[start - 1].is_word() && q - start < 6 {
        let prev = w(doc, &toks[start - 1]);
        let fits = DETERMINERS.contains(&prev)
            || (is_phrase_word(prev) && !names::is_name_word(prev))
            || prev.chars().all(|c| c.is_ascii_digit());
        if fits {
            start -= 1;
        } else {
            break;
        }
    }
    let span = Span::new(toks[start].span.start, toks[end].span.end);
    Some(Np { kind: NpKind::Anonymous(doc.text(span).to_string()), span })
}

/// "A crane operator on the picket line, who asked not to be named, said": whatever its
/// head, an indefinite phrase whose relative clause withholds its name is an unnamed
/// person, not the business a head like "operator" may stand for.
fn unnamed_by_clause(
    doc: &Document,
    toks: &[Tok],
    floor: usize,
    comma: usize,
    end: usize,
    np: Option<Np>,
) -> Option<Np> {
    // (A name is the speaker unless it is a preposition's object: "a nurse at Kellan General".)
    let object = |n: &Np| {
        let first = (floor..comma).find(|&k| toks[k].span.start == n.span.start);
        first.is_some_and(|f| {
            f > 0 && toks[f - 1].is_word() && matches!(w(doc, &toks[f - 1]), "at" | "in" | "on" | "of" | "from" | "for")
        })
    };
    if np.as_ref().is_some_and(|n| !matches!(n.kind, NpKind::Body(_) | NpKind::Descriptor(_)) && !object(n)) {
        return np;
    }
    let clause = &doc.prose()[toks[comma].span.end..toks[end.saturating_sub(1).max(comma)].span.end];
    let withheld = clause.contains("not to be named")
        || clause.contains("anonymity")
        || clause.contains("not to be identified")
        || clause.contains("not authorized")
        || clause.contains("not authorised");
    if !withheld {
        return np;
    }
    // The phrase from its own "a", the first of the words before the comma ("a nurse on a
    // ward"), to its own relative clause ("a supervisor who has worked there").
    let lo = comma.saturating_sub(12).max(floor);
    let det = (lo..comma)
        .rev()
        .take_while(|&k| toks[k].is_word())
        .filter(|&k| matches!(w(doc, &toks[k]), "a" | "A" | "an" | "An"))
        .last();
    let Some(det) = det else { return np };
    let stop = (det + 1..comma).find(|&k| matches!(w(doc, &toks[k]), "who" | "which" | "that")).unwrap_or(comma);
    // Lowercase words up to a preposition; a place may be its object ("at Kellan General").
    let head = toks[det + 1..stop]
        .iter()
        .take_while(|t| !matches!(w(doc, t), "at" | "in" | "on" | "of" | "from" | "for"))
        .collect::<Vec<_>>();
    if head.is_empty() || !head.iter().all(|t| w(doc, t).starts_with(char::is_lowercase)) {
        return np;
    }
    let span = Span::new(toks[det].span.start, toks[stop - 1].span.end);
    Some(Np { kind: NpKind::Anonymous(doc.text(span).to_string()), span })
}

/// A word that can sit inside a speaker phrase: capitalised, a title, a role, a body
/// noun, a possessive, or a particle.
pub fn is_phrase_word(word: &str) -> bool {
    names::is_name_word(word)
        || names::is_particle(word)
        || names::is_suffix(word)
        || lexicon::is_title(word)
        || lexicon::is_body_noun(word)
        || lexicon::is_anonymous_noun(word)
        || word.ends_with("'s")
        || word.ends_with("’s")
        || matches!(
            word,
            "senior"
                | "top"
                | "former"
                | "chief"
                | "foreign"
                | "state"
                | "local"
                | "federal"
                | "two"
                | "three"
                | "several"
                | "some"
                | "many"
                | "other"
                | "western"
                | "european"
                | "american"
                | "government"
                | "longtime"
                | "veteran"
                | "junior"
                | "staff"
        )
}

/// The speaker phrase after an inverted verb: `said Ana Ruiz, director …`, `said the ministry`.
pub fn after(doc: &Document, toks: &[Tok], from: usize, ceil: usize) -> Option<Np> {
    // "adding that the board …": what follows "that" is reported, not the speaker.
    if toks.get(from).is_some_and(|t| t.is_word() && matches!(w(doc, t), "that" | "whether" | "if")) {
        return None;
    }
    let mut end = from;
    while end < ceil && toks[end].is_word() && end - from < 8 {
        let word = w(doc, &toks[end]);
        if end > from
            && (lexicon::is_speech_verb(word)
                || matches!(word, "in" | "on" | "at" | "to" | "of" | "after" | "during" | "that" | "and"))
        {
            break;
        }
        // "said the 46-year-old": an age stands for the person.
        if end > from && !(is_phrase_word(word) || DETERMINERS.contains(&word) || word.ends_with("-year-old")) {
            break;
        }
        end += 1;
    }
    // "said former secretary of the guild Ana Ruiz": a title, its "of" and the office,
    // then the name of who holds it.
    if end > from
        && end < ceil
        && toks[end].is_word()
        && w(doc, &toks[end]) == "of"
        && lexicon::is_title(w(doc, &toks[end - 1]))
        && !DETERMINERS.contains(&w(doc, &toks[from]))
    {
        let given = (end + 1..ceil.min(end + 7)).take_while(|&k| toks[k].is_word()).find(|&k| {
            let word = w(doc, &toks[k]);
            word.starts_with(char::is_uppercase) && lexicon::is_given_name(word)
        });
        if let Some(k) = given {
            let stop = (k + 1..ceil.min(k + 5))
                .find(|&j| !(toks[j].is_word() && names::is_name_word(w(doc, &toks[j]))))
                .unwrap_or(ceil.min(k + 5));
            if stop == ceil || !toks[stop].is_word() {
                if let Some(np) = classify(doc, toks, k, stop).filter(|n| matches!(n.kind, NpKind::Name(_))) {
                    return Some(np);
                }
            }
        }
    }
    // "said the printed campaign slate card": plain modifiers after the determiner, up to
    // a head noun that can speak. ("said one retired guild records clerk": a count opens
    // the phrase as a determiner does.)
    let count = matches!(w(doc, &toks[from]), "one" | "another" | "two" | "three" | "several");
    // "said one of the three pilots", "said one of the keepers": one of an unnamed group.
    if count && toks.get(from + 1).is_some_and(|t| t.is_word() && w(doc, t) == "of") {
        let mut k = from + 2;
        if k < ceil
            && toks[k].is_word()
            && (DETERMINERS.contains(&w(doc, &toks[k]))
                || matches!(w(doc, &toks[k]), "two" | "three" | "four" | "several" | "many"))
        {
            k += 1;
        }
        while k < ceil && k - from < 7 && toks[k].is_word() && is_modifier(w(doc, &toks[k])) {
            let word = w(doc, &toks[k]);
            if word.len() > 3 && word.ends_with('s') && !word.ends_with("ss") && !lexicon::is_speech_verb(word) {
                let span = Span::new(toks[from].span.start, toks[k].span.end);
                return Some(Np { kind: NpKind::Anonymous(doc.text(span).to_string()), span });
            }
            k += 1;
        }
    }
    if end < ceil && (DETERMINERS.contains(&w(doc, &toks[from])) || count) && toks[end].is_word() {
        let mut k = end;
        let mut head = None;
        // "said a prominent Harbor League member": a modifier may come before a capitalised
        // body, and the head after it.
        while k < ceil
            && k - from < 8
            && toks[k].is_word()
            && (is_modifier(w(doc, &toks[k]))
                || k > end && is_phrase_word(w(doc, &toks[k]))
                // ("said a 1998 fleet engineer": a year is a modifier; so is a day in
                // "reads a Friday column".)
                || w(doc, &toks[k]).len() == 4 && w(doc, &toks[k]).bytes().all(|b| b.is_ascii_digit())
                || k == end && lexicon::is_listed_not_name(w(doc, &toks[k]))
                    && w(doc, &toks[k]).starts_with(char::is_uppercase))
        {
            let word = w(doc, &toks[k]);
            // "a fact sheet lawmakers released": a plural after a singular determiner starts
            // a new clause; so does a preposition ("a document provided by …").
            let plural_after_singular =
                matches!(w(doc, &toks[from]), "a" | "an" | "A" | "An") && word.ends_with('s') && !word.ends_with("ss");
            if lexicon::is_speech_verb(word)
                || is_preposition_or_joiner(word)
                || plural_after_singular && head.is_some()
            {
                break;
            }
            if lexicon::is_body_noun(word)
                || lexicon::is_document_noun(word)
                || lexicon::is_title(word)
                || lexicon::is_anonymous_noun(word) && !plural_after_singular
            {
                head = Some(k + 1);
            }
            k += 1;
        }
        // "said the upholsterer, who …", "said the economist.": a short run of lowercase words
        // after "the" that the sentence or a comma ends is a role, even one no list knows.
        let closed = k == ceil || !toks[k].is_word() && (toks[k].is_punct(',') || toks[k].kind == TokKind::Break);
        let definite = matches!(w(doc, &toks[from]), "the" | "The");
        if head.is_none() && closed && definite && (1..=3).contains(&(k - end)) {
            let last = w(doc, &toks[k - 1]);
            if last.len() > 3 && !last.ends_with("ly") && !lexicon::is_speech_verb(last) {
                let span = Span::new(toks[from].span.start, toks[k - 1].span.end);
                let role = toks[end..k].iter().map(|t| w(doc, t).to_string()).collect();
                return classify(doc, toks, from, k).or(Some(Np { kind: NpKind::Descriptor(role), span }));
            }
        }
        end = head.unwrap_or(end);
    }
    if end == from {
        return None;
    }
    let first = w(doc, &toks[from]);
    if let Some(p) = lexicon::pronoun(first) {
        return Some(Np { kind: NpKind::Pronoun(p), span: toks[from].span });
    }
    let np = classify(doc, toks, from, end);
    // "said Liberal pollster Ines Okafor": a party word, lowercase role words, then
    // the name; the name speaks, not the party.
    let party = |n: &Np| matches!(&n.kind, NpKind::Name(t) if !t.contains(' ') && lexicon::is_group_word(t));
    if np.as_ref().is_some_and(party) && end == from + 1 {
        let mut k = end;
        while k < ceil
            && k - end < 4
            && toks[k].is_word()
            && w(doc, &toks[k]).chars().all(|c| c.is_lowercase() || c == '-')
        {
            k += 1;
        }
        if k > end && k < ceil && toks[k].is_word() && names::is_name_word(w(doc, &toks[k])) {
            if let Some(named @ Np { kind: NpKind::Name(_), .. }) = after(doc, toks, k, ceil) {
                return Some(named);
            }
        }
    }
    // "said veteran lock keeper Dale Hune", "said keeper of records Abel Mwangi": lowercase
    // role words (an "of" between them) with no determiner, then the name.
    if !np.as_ref().is_some_and(|n| matches!(n.kind, NpKind::Name(_))) {
        let lower = |k: usize| {
            toks[k].is_word() && {
                let word = w(doc, &toks[k]);
                word.chars().all(|c| c.is_lowercase() || c == '-')
                    && !lexicon::is_function_word(word)
                    && !is_preposition_or_joiner(word)
                    && !lexicon::is_speech_verb(word)
                    && !is_adverb(word)
            }
        };
        // (Not a count's phrase: "said one former guild aide" is an unnamed aide.)
        let count = matches!(w(doc, &toks[from]), "one" | "another" | "two" | "three" | "several");
        let mut k = from;
        while k < ceil
            && k - from < 5
            && (lower(k) || k > from && w(doc, &toks[k]) == "of" && k + 1 < ceil && lower(k + 1))
        {
            k += 1;
        }
        if !count && k > from && k < ceil && toks[k].is_word() && names::is_name_word(w(doc, &toks[k])) {
            if let Some(named @ Np { kind: NpKind::Name(_), .. }) = after(doc, toks, k, ceil) {
                if !party(&named) {
                    return Some(named);
                }
            }
        }
    }
    // "said his younger brother, Kola Adeyemi, who …": the name in apposition.
    let comma = (from..ceil.min(from + 6)).find(|&i| !toks[i].is_word()).filter(|&i| toks[i].is_punct(','));
    if let (false, Some(end)) = (matches!(np.as_ref().map(|n| &n.kind), Some(NpKind::Name(_))), comma) {
        let mut e = end + 1;
        while e < ceil && toks[e].is_word() && is_phrase_word(w(doc, &toks[e])) && e - end < 6 {
            e += 1;
        }
        if let Some(named @ Np { kind: NpKind::Name(_), .. }) = classify(doc, toks, end + 1, e) {
            return Some(named);
        }
    }
    // "said one Republican briefed on the kiln vote": one member of a group, qualified, is an
    // unnamed source, not the group.
    let member = end == from + 2
        && toks[from].is_word()
        && crate::chars::with_lowercase(w(doc, &toks[from]), |l| matches!(l, "a" | "an" | "one" | "another"))
        && lexicon::is_group_word(w(doc, &toks[from + 1]))
        && !w(doc, &toks[from + 1]).ends_with('s')
        && end < ceil
        && toks[end].is_word()
        && QUALIFIERS.contains(&w(doc, &toks[end]));
    let np = if member {
        let span = Span::new(toks[from].span.start, toks[from + 1].span.end);
        Some(Np { kind: NpKind::Anonymous(doc.text(span).to_string()), span })
    } else {
        np
    };
    // "says a source familiar with the kiln's books.": an unnamed source's qualifier, up to
    // the comma or the sentence's end, is part of the phrase.
    if let Some(Np { kind: NpKind::Anonymous(_), span }) = &np {
        let qualifier = |k: usize| k < ceil && toks[k].is_word() && QUALIFIERS.contains(&w(doc, &toks[k]));
        if qualifier(end) || end + 1 < ceil && is(doc, &toks[end], "with") && qualifier(end + 1) {
            let mut k = end;
            // (Not into a clause of its own: "… close to the guild and then leaves".)
            while k < ceil
                && k - end < 9
                && toks[k].is_word()
                && !matches!(w(doc, &toks[k]), "and" | "but" | "or" | "who" | "which" | "that" | "as" | "when")
            {
                k += 1;
            }
            if k == ceil || toks[k].is_punct(',') || toks[k].is_punct('.') || toks[k].kind == TokKind::Break {
                let span = Span::new(span.start, toks[k - 1].span.end);
                return Some(Np { kind: NpKind::Anonymous(doc.text(span).to_string()), span });
            }
        }
    }
    np
}

/// "Some in the guild fear", "many within the union say": a share of a group, no one in
/// it named, ending at `toks[end]` and opening its clause: an unidentifiable source.
fn share_of_group(doc: &Document, toks: &[Tok], end: usize, floor: usize) -> Option<Np> {
    let lo = end.saturating_sub(6).max(floor);
    let j = (lo..end).rev().take_while(|&k| toks[k].is_word()).find(|&k| {
        crate::chars::with_lowercase(w(doc, &toks[k]), |q| matches!(q, "some" | "many" | "most" | "others"))
            && matches!(w(doc, &toks[k + 1]), "in" | "within" | "among" | "inside" | "across")
    })?;
    if j > floor && toks[j - 1].is_word() {
        return None;
    }
    let span = Span::new(toks[j].span.start, toks[end].span.end);
    Some(Np { kind: NpKind::Vague(crate::chars::lowercase(doc.text(span))), span })
}

/// The speaker of an inverted speech verb that no list knows as one, read forward:
/// "says a narrator", "said another supporter", "wrote her sister": a determiner, at most
/// two plain words and a lowercase head, which the sentence or a comma closes. An
/// indefinite one is an unnamed source, a possessive one a role to look up.
pub fn unnamed_after(doc: &Document, toks: &[Tok], from: usize, ceil: usize) -> Option<Np> {
    let determiner = w(doc, toks.get(from).filter(|t| t.is_word())?);
    let indefinite = matches!(determiner, "a" | "an" | "another");
    if !indefinite && !matches!(determiner, "his" | "her" | "their") {
        return None;
    }
    let mut k = from + 1;
    while k < ceil && k - from <= 3 && toks[k].is_word() && is_modifier(w(doc, &toks[k])) {
        if lexicon::is_speech_verb(w(doc, &toks[k])) || is_preposition_or_joiner(w(doc, &toks[k])) {
            return None;
        }
        k += 1;
    }
    let closed = k == ceil || toks[k].is_punct(',') || toks[k].is_punct('.') || toks[k].kind == TokKind::Break;
    let last = w(doc, &toks[k - 1]);
    if k == from + 1 || !closed || last.len() <= 3 || last.ends_with("ly") || lexicon::pronoun(last).is_some() {
        return None;
    }
    let span = Span::new(toks[from].span.start, toks[k - 1].span.end);
    if indefinite {
        return Some(Np { kind: NpKind::Anonymous(doc.text(span).to_string()), span });
    }
    let role = toks[from + 1..k].iter().map(|t| w(doc, t).to_string()).collect();
    Some(Np { kind: NpKind::Descriptor(role), span })
}

/// Classify the words `toks[start..end]` as a speaker phrase.
pub fn classify(doc: &Document, toks: &[Tok], start: usize, end: usize) -> Option<Np> {
    if start >= end {
        return None;
    }
    // The phrase's words on the stack when they are few (as nearly all are), and their
    // lowered join in a buffer kept per thread: most phrases are classified without
    // allocating, and only what an `Np` keeps is copied.
    let mut stack = [""; PHRASE_ON_STACK];
    let mut heap = Vec::new();
    let words: &mut [&str] = if end - start <= PHRASE_ON_STACK {
        for (slot, t) in stack.iter_mut().zip(&toks[start..end]) {
            *slot = w(doc, t);
        }
        &mut stack[..end - start]
    } else {
        heap.extend(toks[start..end].iter().map(|t| w(doc, t)));
        &mut heap
    };
    let span = Span::new(toks[start].span.start, toks[end - 1].span.end);
    let mut lower = PHRASE_LOWER.take();
    lower.clear();
    for (i, word) in words.iter().enumerate() {
        if i > 0 {
            lower.push(' ');
        }
        lower.push_str(word);
    }
    // to_lowercase, in place for ASCII.
    if lower.is_ascii() {
        lower.make_ascii_lowercase();
    } else {
        lower = crate::chars::lowercase(&lower);
    }
    let np = classify_words(words, &lower, span, toks, end);
    PHRASE_LOWER.set(lower);
    np
}

/// Words of a phrase [`classify`] keeps on the stack.
const PHRASE_ON_STACK: usize = 16;

thread_local! {
    /// The buffer [`classify`] joins a phrase's lowered words in: taken while in use (a
    /// nested call would take an empty one).
    static PHRASE_LOWER: std::cell::Cell<String> = const { std::cell::Cell::new(String::new()) };
}

/// [`classify`] of the phrase `words` (`toks[..end]` its tokens, `span` its extent),
/// whose words joined by spaces and lowered are `lower`.
fn classify_words<'a>(words: &mut [&'a str], lower: &'a str, span: Span, toks: &[Tok], end: usize) -> Option<Np> {
    // "Officials said", "Diplomats say" opening a sentence: a plural role, not a name.
    if words.len() == 1 && words[0].ends_with('s') && lexicon::is_anonymous_noun(lower) {
        words[0] = lower;
    }
    if let Some(v) = lexicon::vague_phrase(lower) {
        // ("Hune supporters", "Greer's aides": a group the copy ties to someone keeps the
        // name it is tied to.)
        let owned = words.len() >= 2
            && words[0].starts_with(char::is_uppercase)
            && !DETERMINERS.contains(&words[0])
            && (names::is_name_word(words[0]) || words[0].ends_with("'s") || words[0].ends_with("’s"));
        let text = if owned { words.join(" ") } else { v.to_string() };
        return Some(Np { kind: NpKind::Vague(text), span });
    }
    // "some workers", "many economists": an unnumbered share of a plural, no one in it named.
    // ("Some Labour organisers": a party or a people names no one either.)
    let share = words.len() >= 2
        && matches!(words[0], "some" | "Some" | "many" | "Many")
        && words.last().is_some_and(|l| l.ends_with('s') && l.starts_with(char::is_lowercase))
        && !words[1..].iter().any(|w| names::is_name_word(w) && !lexicon::is_group_word(w) && !names::is_demonym(w));
    if share {
        return Some(Np { kind: NpKind::Vague(lower.to_string()), span });
    }
    let last = *words.last()?;
    // "a senior Omani official": a nationality does not name anyone. Nor does a body
    // before an unnamed head after "a": "a Harbour Alliance campaign official" is one of its
    // officials, not a person called Harbour Alliance (a name would follow the head).
    let body_modifier = crate::chars::with_lowercase(words[0], |w| {
        matches!(w, "a" | "an" | "one" | "two" | "three" | "several" | "another")
    }) && lexicon::is_anonymous_noun(last);
    let named = !body_modifier
        && words.iter().any(|w| names::is_name_word(w) && !lexicon::is_title(w) && !names::is_demonym(w));
    let indefinite_role =
        matches!(words[0], "a" | "A" | "an" | "An" | "one" | "One") && lexicon::is_title(last) && words.len() >= 2;
    if (lexicon::is_anonymous_noun(last) || indefinite_role) && !named {
        // "a senior official", "two diplomats", "sources": indefinite, not "the official"
        // (a second reference) nor a bare "officials" (wire shorthand for the body named nearby).
        let indefinite = crate::chars::with_lowercase(words[0], |first| {
            matches!(
                first,
                "a" | "an"
                    | "one"
                    | "two"
                    | "three"
                    | "four"
                    | "five"
                    | "several"
                    | "some"
                    | "senior"
                    | "other"
                    | "another"
            ) || (words.len() == 1 && matches!(first, "sources" | "insiders" | "source" | "officials" | "diplomats"))
        });
        if indefinite {
            return Some(Np { kind: NpKind::Anonymous(words.join(" ")), span });
        }
    }
    // "the 23-year-old said": an age describes the person last named.
    if words.len() == 2 && matches!(words[0], "the" | "The") && words[1].ends_with("-year-old") {
        return Some(Np { kind: NpKind::Descriptor(vec![words[1].to_string()]), span });
    }
    // "the Kenyan", "the Brazilian": a demonym after "the" describes a person.
    // ("the Chinese", "the British" are peoples, not a person: -ese and -ish are plural.)
    if words.len() == 2
        && DETERMINERS.contains(&words[0])
        && names::is_demonym(words[1])
        && !words[1].ends_with("ese")
        && !words[1].ends_with("ish")
    {
        return Some(Np { kind: NpKind::Descriptor(vec![words[1].to_string()]), span });
    }
    // "King says", "Bishop said": a capitalised title alone that is also a surname is the
    // surname (a title needs a name after it; "the Pope" keeps its article).
    if words.len() == 1
        && lexicon::is_title(last)
        && lexicon::is_common_surname(last)
        && last.chars().next().is_some_and(char::is_uppercase)
    {
        return Some(Np { kind: NpKind::Name(last.to_string()), span });
    }
    // A capitalised name at the end of the phrase: the titles before it are dropped.
    // ("Dana Judge said", "Ana Dean said": a title's word after a given name is a surname.)
    let title_surname = words.len() >= 2
        && last.starts_with(char::is_uppercase)
        && lexicon::is_given_name(words[words.len() - 2])
        && !lexicon::is_title(words[words.len() - 2]);
    let name_len = words
        .iter()
        .rev()
        .enumerate()
        .take_while(|(i, w)| *i == 0 || !(w.ends_with("'s") || w.ends_with("’s")))
        .take_while(|(i, w)| {
            (names::is_name_word(w) || names::is_particle(w) || names::is_suffix(w))
                && (!lexicon::is_title(w) || *i == 0 && title_surname)
        })
        .count();
    // "Secretary of State Maria Varga": the words after a title's "of" name its office,
    // and the name opens on a given name.
    let mut name_len = name_len;
    let run = words.len() - name_len;
    if name_len >= 2 && run >= 2 && words[run - 1] == "of" && lexicon::is_title(words[run - 2]) {
        if let Some(k) = (run + 1..words.len()).find(|&k| lexicon::is_given_name(words[k])) {
            name_len = words.len() - k;
        }
    }
    // ("Council President Rose Bank": a title and a given name before a body noun make
    // it a surname.)
    let titled_given = name_len >= 2
        && words.len() > name_len
        && lexicon::is_given_name(words[words.len() - name_len])
        && lexicon::is_title(words[words.len() - name_len - 1]);
    // ("Ms. Bank said": a courtesy title makes any word a person's name.)
    let courtesy = words.len() > name_len
        && matches!(
            words[words.len() - name_len - 1],
            "Mr." | "Ms." | "Mrs." | "Mr" | "Ms" | "Mrs" | "Miss" | "Dr." | "Dr"
        );
    if name_len > 0 && (!lexicon::is_body_noun(last) || titled_given || courtesy) {
        let name_words = &words[words.len() - name_len..];
        let mut name = name_words.join(" ");
        let possessive = name.ends_with("'s") || name.ends_with("’s");
        if !possessive {
            let s = toks[end - name_len].span.start;
            if name_words.len() == 1 && names::is_not_name(&name) {
                return None;
            }
            // (Cut in place: the name is kept, not copied.)
            name.truncate(name.trim_end_matches('.').len());
            if name_words.last().is_some_and(|w| names::is_suffix(w)) {
                name = name_words.join(" ");
            }
            return Some(Np { kind: NpKind::Name(name), span: Span::new(s, span.end) });
        }
    }
    let det_first = DETERMINERS.contains(&words[0]);
    // "a longtime press operator", "a retired carrier": years of service make a worker of a
    // head that may name a business.
    let worker = matches!(words[0], "a" | "A" | "an" | "An")
        && words[1..].iter().any(|w| matches!(*w, "longtime" | "long-serving" | "veteran" | "retired"))
        && !last.ends_with('s');
    if worker && lexicon::is_body_noun(last) {
        return Some(Np { kind: NpKind::Anonymous(words.join(" ")), span });
    }
    if lexicon::is_body_noun(last) || lexicon::is_document_noun(last) {
        let text = if det_first { words[1..].join(" ") } else { words.join(" ") };
        return Some(Np { kind: NpKind::Body(text), span });
    }
    // "the organizers", "the researchers": a group that speaks together, named by its role.
    if words.len() == 2
        && matches!(words[0], "the" | "The")
        && last.len() > 4
        && last.ends_with('s')
        && !last.ends_with("ss")
        && last.chars().all(|c| c.is_ascii_lowercase())
    {
        return Some(Np { kind: NpKind::Body(last.to_string()), span });
    }
    // "the person added", "the official said": a second reference to someone unnamed.
    let unnamed_again = matches!(words[0], "the" | "The") && lexicon::is_anonymous_noun(last) && !last.ends_with('s');
    if (lexicon::is_title(last) || unnamed_again) && (det_first || words.len() > 1) {
        let from = usize::from(det_first);
        return Some(Np { kind: NpKind::Descriptor(words[from..].iter().map(|s| s.to_string()).collect()), span });
    }
    None
}

/// The vague group before a preposition whose object is the phrase read back from a verb
/// (see `before`): "some economists" in "Some economists in Lisbon", "critics" in "Critics
/// of the county's permit rules". The group's span ends at its head, so the rule that
/// reads the words up to the verb still sees a name among them.
fn vague_before_preposition(
    doc: &Document,
    toks: &[Tok],
    start: usize,
    floor: usize,
    object: Option<&Np>,
) -> Option<Np> {
    if start < floor + 2 || !toks[start - 1].is_word() || !toks[start - 2].is_word() {
        return None;
    }
    let head = start - 2;
    // Where the group is, by a place's name: "in Lisbon", "across Peru" (not "locals in
    // three states", branches of a union); or what the group opposes or backs: "critics of
    // the plan" (not "residents of the hotel", a defined whole).
    let place = |n: &Np| match &n.kind {
        NpKind::Name(text) | NpKind::Body(text) => lexicon::is_any_place(text),
        _ => false,
    };
    let opinion = crate::chars::with_lowercase(w(doc, &toks[head]), |h| {
        matches!(h, "critics" | "opponents" | "supporters" | "skeptics" | "sceptics" | "detractors")
    });
    let fits = match w(doc, &toks[start - 1]) {
        "in" | "across" | "around" | "outside" | "from" => object.is_some_and(place),
        "of" => opinion && object.is_none_or(|n| !matches!(n.kind, NpKind::Name(_))),
        _ => false,
    };
    if !fits {
        return None;
    }
    // (A quantifier alone is no group: "Many of her supporters" reads on from "supporters".)
    if crate::chars::with_lowercase(w(doc, &toks[head]), |h| matches!(h, "some" | "many" | "most" | "all")) {
        return None;
    }
    // The head's own modifiers and quantifier, at most three words back: "Three-in-five
    // party insiders across the states", "some veteran strategists in the capital".
    let mut from = head;
    while from > floor && head - from < 3 && toks[from - 1].is_word() {
        let prev = w(doc, &toks[from - 1]);
        let quantifier = crate::chars::with_lowercase(prev, |q| matches!(q, "some" | "many" | "most"));
        if !quantifier && (DETERMINERS.contains(&prev) || !(is_phrase_word(prev) || is_modifier(prev))) {
            break;
        }
        from -= 1;
        if quantifier {
            break;
        }
    }
    (from..=head).find_map(|f| classify(doc, toks, f, head + 1).filter(|n| matches!(n.kind, NpKind::Vague(_))))
}

/// Whether a token is the word `word`.
pub fn is(doc: &Document, t: &Tok, word: &str) -> bool {
    t.kind == TokKind::Word && w(doc, t).eq_ignore_ascii_case(word)
}
