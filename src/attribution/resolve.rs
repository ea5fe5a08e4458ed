//! Resolving a speaker phrase to a speaker: a name to its fullest form, a pronoun to the
//! person it stands for, a descriptor to whom it describes; with the source type.

use super::np::{Np, NpKind};
use super::{Cue, SourceType};
use crate::document::Document;
use crate::entities::{Entities, EntityKind, MentionKind};
use crate::lexicon::{self, Pronoun};

/// Resolve a speaker phrase to a canonical speaker name, entity and source type.
pub(super) fn resolve(
    doc: &Document,
    np: Option<&Np>,
    bi: usize,
    ents: &mut Entities,
    cues: &[Cue],
) -> (Option<String>, Option<usize>, SourceType) {
    let Some(np) = np else {
        return (None, None, SourceType::Unattributed);
    };
    if let NpKind::Name(name) = &np.kind {
        if let Some(id) = elder_or_younger(doc, np.span, name, ents) {
            return (Some(ents.entities[id].name.clone()), Some(id), SourceType::NamedPerson);
        }
    }
    match &np.kind {
        NpKind::Name(name) => match ents.person_for_gendered(
            name,
            np.span.start,
            honorific(doc, np.span).or_else(|| pronoun_after_verb(doc, np.span.end)),
        ) {
            Some(id) => (Some(ents.entities[id].name.clone()), Some(id), SourceType::NamedPerson),
            None => {
                // A misspelt surname still names its person (the rule reports the spelling).
                if let Some(id) = ents.person_by_variant(name) {
                    return (Some(ents.entities[id].name.clone()), Some(id), SourceType::NamedPerson);
                }
                // A capital or a people speaking for its government: the country.
                if let Some(country) = lexicon::country_of(name) {
                    return (Some(country.to_string()), None, SourceType::Organization);
                }
                // "Mr. Greer wrote": a courtesy title names a person, known or not.
                if honorific(doc, np.span).is_some() && !lexicon::is_place(name) {
                    return (Some(name.clone()), None, SourceType::NamedPerson);
                }
                let id = ents.entities.iter().position(|e| &e.name == name);
                // "Perhaps …", "Early in the race, …", "Likewise, …": an ordinary word
                // capitalised only because it opens the sentence names no one the article
                // knows.
                if id.is_none()
                    && !name.contains(' ')
                    && sentence_initial(doc, np.span.start)
                    && ordinary_word(name)
                    && !speaks_next(doc, np.span.start + name.len())
                {
                    return (None, None, SourceType::Unattributed);
                }
                (Some(name.clone()), id, SourceType::Organization)
            }
        },
        NpKind::Pronoun(p) => {
            if matches!(p, Pronoun::They | Pronoun::It) {
                // A body speaking in this paragraph ("the ministry said … it said").
                if let Some(c) = cues.iter().rev().take_while(|c| c.block == bi).take(50).find(|c| {
                    c.block == bi
                        && c.verb.start < np.span.start
                        && c.speaker.is_some()
                        && matches!(c.source_type, SourceType::Organization | SourceType::Document)
                }) {
                    return (c.speaker.clone(), c.entity, c.source_type);
                }
                // "The memo she sent was shorter. “…,” it said.": a document that
                // opens the sentence before is what "it" says.
                if *p == Pronoun::It {
                    if let Some(noun) = document_subject_before(doc, np.span.start) {
                        return (Some(noun.to_string()), None, SourceType::Document);
                    }
                }
                if let Some(id) = ents.last_body_before(np.span.start, bi) {
                    return (Some(ents.entities[id].name.clone()), Some(id), SourceType::Organization);
                }
                return (None, None, SourceType::Unattributed);
            }
            // An unnamed source speaking earlier in this paragraph or the one before, with
            // nobody named since: "Another member of staff … said morale had fallen. ‘…,’
            // she said."
            if let Some(c) = cues.iter().rev().take_while(|c| c.block + 1 >= bi).take(50).find(|c| {
                c.verb.start < np.span.start
                        && c.speaker.is_some()
                        && c.source_type == SourceType::Anonymous
                        // (In the paragraph before, only an indefinite one: "the candidate"
                        // is someone the article named.)
                        // ("the northern governor" is someone named, though not found: not
                        // an unnamed one for a pronoun to continue, even in this paragraph.)
                        && c.subject.as_ref().is_some_and(|n| {
                            matches!(n.kind, NpKind::Anonymous(_))
                                || c.block == bi
                                    && !(matches!(n.kind, NpKind::Descriptor(_))
                                        && doc.text(n.span).split(' ').next().is_some_and(|d| d.eq_ignore_ascii_case("the")))
                        })
                        // (Whoever asked is not who answers: "after a caller asked about the levy";
                        // but one who asked not to be named speaks.)
                        && (!doc.text(c.verb).to_ascii_lowercase().starts_with("ask")
                            || doc.prose()[c.verb.end..].trim_start().starts_with("not ")
                            || doc.prose()[c.verb.end..].trim_start().starts_with("for anonymity"))
            }) {
                if ents.people_between(c.verb.end, np.span.start, Pronoun::They).is_empty() {
                    return (c.speaker.clone(), None, SourceType::Anonymous);
                }
            }
            match salient_person(doc, cues, bi, np.span.start, *p, ents) {
                Some(id) => {
                    // Learn the person's gender from the pronoun only when nobody else was
                    // named since the previous sentence: a guess must not become a fact.
                    let from = doc
                        .sentence_at(np.span.start)
                        .and_then(|s| s.checked_sub(1))
                        .map_or(0, |s| doc.sentences[s].span.start);
                    // (At most 2,000 bytes back: a "sentence" longer than that is no prose.)
                    let from = from.max(np.span.start.saturating_sub(2000));
                    let alone = ents.people_between(from, np.span.start, Pronoun::They).len() <= 1;
                    ents.add_mention(id, np.span, MentionKind::Pronoun, bi, alone.then_some(*p));
                    (Some(ents.entities[id].name.clone()), Some(id), SourceType::NamedPerson)
                }
                None => (None, None, SourceType::Unattributed),
            }
        }
        NpKind::Descriptor(words) => {
            let refs: Vec<&str> = words.iter().map(String::as_str).collect();
            // "the 52-year-old said": an age alone is the person the text is about, as a
            // pronoun would be (whoever spoke last, in this paragraph or the one before),
            // not whoever was named last ("… said she and her husband, Corran, had rebuilt").
            // (Someone named earlier in the same paragraph is still the one: "The prosecution's
            // first witness, Dana Hollis, … The 29-year-old told the court".)
            let age = matches!(refs.as_slice(), [a] if a.ends_with("-year-old"));
            let last_named = ents.by_descriptor(&refs, np.span.start);
            let here = doc.blocks[bi].span.start;
            let in_paragraph = last_named.is_some_and(|id| {
                ents.entities[id].mentions.iter().any(|m| m.start >= here && m.start < np.span.start)
            });
            let salient = (age && !in_paragraph)
                .then(|| subject_before(doc, cues, bi, np.span.start, Pronoun::They, ents))
                .flatten()
                .map(|(id, _)| id);
            match salient.or(last_named) {
                Some(id) => {
                    ents.add_mention(id, np.span, MentionKind::Descriptor, bi, None);
                    let kind = if ents.entities[id].kind == EntityKind::Person {
                        SourceType::NamedPerson
                    } else {
                        SourceType::Organization
                    };
                    (Some(ents.entities[id].name.clone()), Some(id), kind)
                }
                None => {
                    // "the person said" after "a person close to the family said": the
                    // same unnamed source, in this paragraph or the few before.
                    let head = refs.last().map(|h| h.to_lowercase()).unwrap_or_default();
                    let earlier = cues.iter().rev().take_while(|c| c.block + 3 >= bi).take(100).find(|c| {
                        c.verb.start < np.span.start
                            && c.source_type == SourceType::Anonymous
                            && c.subject.as_ref().is_some_and(|n| {
                                // ("one of them": any group of unnamed sources.)
                                matches!(&n.kind, NpKind::Anonymous(t) if t.to_lowercase().split_whitespace().any(|w| w == head)
                                    || head == "them" && t.ends_with('s'))
                            })
                    });
                    if let Some(c) = earlier {
                        return (c.speaker.clone(), None, SourceType::Anonymous);
                    }
                    (Some(doc.text(np.span).to_string()), None, SourceType::Anonymous)
                }
            }
        }
        NpKind::Body(text) => {
            let last = text.rsplit(' ').next().unwrap_or("");
            let kind = if lexicon::is_document_noun(last) { SourceType::Document } else { SourceType::Organization };
            // "Nell Bank said": a name whose last word is a body's noun is the person's
            // when the article knows a person by it.
            if text.starts_with(char::is_uppercase) && text.contains(' ') {
                if let Some(id) = ents.person_for_gendered(text, np.span.start, None) {
                    if ents.entities[id].kind == EntityKind::Person {
                        return (Some(ents.entities[id].name.clone()), Some(id), SourceType::NamedPerson);
                    }
                }
            }
            // "the company said", "the union said": the body the article named.
            let definite = doc.text(np.span).starts_with("the ") || doc.text(np.span).starts_with("The ");
            if kind == SourceType::Organization && definite && !text.contains(' ') {
                if let Some(c) = body_for_head(doc, text, np.span.start, bi, cues) {
                    return (c.speaker.clone(), c.entity, kind);
                }
            }
            (Some(text.clone()), None, kind)
        }
        NpKind::Anonymous(text) => (Some(text.clone()), None, SourceType::Anonymous),
        NpKind::Vague(text) => (Some(text.clone()), None, SourceType::Vague),
    }
}

/// The body "the company", "the union", "the ministry" stands for: the latest body that
/// spoke by name in this paragraph or the ten before, when its name holds the head ("the
/// ministry", the Ministry of Fisheries; "the union", the Dockers' Union) or, for a head
/// any firm may go by ("the company", "the airline"), holds no noun of an office or a
/// group (a ministry, a court, a union is not "the company").
fn body_for_head<'c>(doc: &Document, head: &str, at: usize, bi: usize, cues: &'c [Cue]) -> Option<&'c Cue> {
    let head = head.to_lowercase();
    let office = |w: &str| {
        matches!(
            w,
            "ministry"
                | "government"
                | "department"
                | "office"
                | "agency"
                | "council"
                | "committee"
                | "commission"
                | "court"
                | "police"
                | "army"
                | "military"
                | "navy"
                | "embassy"
                | "administration"
                | "board"
                | "authority"
                | "parliament"
                | "congress"
                | "senate"
                | "cabinet"
                | "institute"
                | "university"
                | "school"
                | "hospital"
                | "bureau"
                | "directorate"
                | "secretariat"
                | "tribunal"
                | "presidency"
                | "museum"
                | "library"
                | "consulate"
                | "delegation"
                | "city"
                | "county"
                | "state"
                | "union"
                | "club"
                | "party"
                | "association"
                | "federation"
                | "alliance"
                | "coalition"
                | "caucus"
                | "campaign"
                | "house"
        )
    };
    let any_firm = !office(&head)
        && matches!(
            head.as_str(),
            "company"
                | "firm"
                | "corporation"
                | "carrier"
                | "airline"
                | "lender"
                | "insurer"
                | "retailer"
                | "manufacturer"
                | "maker"
                | "carmaker"
                | "automaker"
                | "drugmaker"
                | "chipmaker"
                | "developer"
                | "operator"
                | "utility"
                | "publisher"
        );
    // (The last 200 cues: bounded, whatever the cast.)
    cues.iter().rev().filter(|c| c.verb.start < at).take(200).take_while(|c| c.block + 10 >= bi).find(|c| {
        let Some(name) = c.speaker.as_deref() else { return false };
        if c.source_type != SourceType::Organization
            || !c.states
            // (Not a thing named: "the glasses, called Halo, …".)
            || super::phrases::is_naming_verb(&doc.text(c.verb).to_lowercase())
            || !c.subject.as_ref().is_some_and(|n| matches!(n.kind, NpKind::Name(_)))
            || lexicon::is_place(name)
            || lexicon::country_of(name).is_some()
            // (A people or a party's members is no firm: "Democrats", "the Dutchman"; nor
            // is an initial or an abbreviation.)
            || !name.contains(' ') && (lexicon::is_group_word(name) || crate::entities::names::is_demonym(name))
            || name.len() < 3
            || name.contains('.')
        {
            return false;
        }
        let words: Vec<String> = name.split_whitespace().map(str::to_lowercase).collect();
        let holds = words.iter().any(|w| w.trim_end_matches('s') == head.trim_end_matches('s'));
        holds || any_firm && !words.iter().any(|w| office(w))
    })
}

/// The person a pronoun (or an unknown definite role, with `They`) stands for: the last
/// speaker, unless a later sentence names someone else first; with nobody named close
/// by, the last person who fits to speak, before the last one merely mentioned.
fn salient_person(doc: &Document, cues: &[Cue], bi: usize, at: usize, p: Pronoun, ents: &Entities) -> Option<usize> {
    let speaker = subject_before(doc, cues, bi, at, p, ents);
    let named = ents.sentence_subject_before(doc, at, p);
    match (speaker, named) {
        (Some((sid, s)), Some((nid, sentence))) => Some(if sentence > s { nid } else { sid }),
        (Some((sid, _)), None) => Some(sid),
        (None, Some((nid, _))) => Some(nid),
        // (Not across a live blog's items: each one introduces its people afresh.)
        (None, None) => {
            let section = doc.blocks[bi].section;
            let first = (bi.saturating_sub(64)..=bi).find(|&b| doc.blocks[b].section == section).unwrap_or(bi);
            cues.iter()
                .rev()
                .take_while(|c| c.block + 8 >= bi && c.block >= first)
                .take(200)
                .filter(|c| c.verb.start < at)
                .filter_map(|c| c.entity)
                .find(|&id| ents.fits_pronoun(id, p))
                .or_else(|| ents.last_person_before(doc.blocks[first].span.start, at, p))
        }
    }
}

/// The person who spoke last in this paragraph or the one before, if they fit the
/// pronoun and were mentioned after every other fitting person's latest subject use:
/// "he" continues the current speaker rather than the last name in an object position.
fn subject_before(
    doc: &Document,
    cues: &[Cue],
    bi: usize,
    offset: usize,
    p: Pronoun,
    ents: &Entities,
) -> Option<(usize, usize)> {
    let cue =
        cues.iter().rev().take_while(|c| c.block + 1 >= bi).find(|c| c.verb.start < offset && c.entity.is_some())?;
    let id = cue.entity?;
    // (Whoever asked is not who answers: "Hune asked Greer about the fares. “…,” he said.")
    if cue.subject.is_some() && doc.text(cue.verb).starts_with("ask") {
        return None;
    }
    let e = &ents.entities[id];
    let at = cue.subject.as_ref().map_or(cue.verb.start, |s| s.span.start);
    (e.kind == EntityKind::Person && !e.narrator && e.gender.is_none_or(|g| g == p || p == Pronoun::They))
        .then_some((id, at))
}

/// The document noun that opens the sentence before the one at `at` ("The memo she
/// sent …", "A statement from the club …"): a determiner and at most two words before
/// it, in the same paragraph.
fn document_subject_before(doc: &Document, at: usize) -> Option<&str> {
    let here = doc.sentence_at(at)?;
    let prev = doc.sentences.get(here.checked_sub(1)?)?;
    if doc.block_at(prev.span.start) != doc.block_at(at) {
        return None;
    }
    let text = doc.text(prev.span).trim_start();
    let mut words = text.split_whitespace().take(4);
    let det = words.next()?;
    if !matches!(det, "The" | "A" | "An" | "Its" | "Their" | "His" | "Her") {
        return None;
    }
    // (The phrase from after the determiner to the noun: "harbour memo".)
    let noun = words.find(|w| lexicon::is_document_noun(w))?;
    let from = det.len() + text[det.len()..].len() - text[det.len()..].trim_start().len();
    let end = noun.as_ptr() as usize - text.as_ptr() as usize + noun.len();
    Some(&text[from..end])
}

/// Whether `at` opens a sentence: only spaces, an opening mark or a bracket between it and
/// the end of the sentence before (or the paragraph's start).
fn sentence_initial(doc: &Document, at: usize) -> bool {
    let before = doc.prose()[..at].trim_end_matches([' ', '\t', '“', '"', '‘', '\'', '(']);
    // (After a closing mark, only when the quote ended its sentence: not “…,” Church said.)
    // (A closing mark written as a character reference is padded before it.)
    let before = before.trim_end_matches(['”', '’']).trim_end_matches(' ');
    before.is_empty() || before.ends_with(['.', '!', '?', '\n', ':'])
}

/// Whether a speech verb or a colon follows right after `at` ("Bush said", "Bush:"): a
/// name the article uses as a speaker, whatever else the word means.
fn speaks_next(doc: &Document, at: usize) -> bool {
    let rest = doc.prose()[at..].trim_start_matches([' ', '\t']);
    rest.starts_with(':') || rest.split(|c: char| !c.is_alphabetic()).next().is_some_and(lexicon::is_speech_verb)
}

/// A word English uses mostly in lower case: common as a lowercase word, and no given name
/// (a surname the article introduced was found before this is asked).
/// (Not a plural: "Attorneys for the family said" names a group that speaks; "Perhaps" is
/// no plural.)
fn ordinary_word(word: &str) -> bool {
    word.chars().skip(1).all(|c| c.is_lowercase())
        && !word.strip_suffix('s').is_some_and(|one| lexicon::per_million(one) >= 5.0)
        && !word.ends_with("one")
        // ("Some chanted …", "Many said …": a quantifier stands for a group that speaks.)
        && !matches!(word, "Some" | "Many" | "Most" | "Few" | "All" | "Both" | "Multiple" | "Numerous" | "People")
        && !lexicon::is_given_name(word)
        && lexicon::per_million(word) >= 20.0
}

/// "the elder Mr. Greer", "the younger Greer": of two relatives who share the surname, the
/// one the article calls Sr. or Jr.
fn elder_or_younger(doc: &Document, span: crate::document::Span, name: &str, ents: &Entities) -> Option<usize> {
    let before = doc.prose()[..span.start].trim_end();
    let before = ["Mr.", "Ms.", "Mrs.", "Dr.", "Mr", "Ms", "Mrs", "Dr"]
        .iter()
        .find_map(|t| before.strip_suffix(t))
        .map_or(before, str::trim_end);
    let word = before.rsplit(char::is_whitespace).next()?;
    let elder = match word {
        "elder" => true,
        "younger" => false,
        _ => return None,
    };
    let suffixes: &[&str] = if elder { &["Sr.", "Sr"] } else { &["Jr.", "Jr"] };
    let surname = name.rsplit(' ').next()?;
    // (Bounded: only a name right after "elder" or "younger" asks, and each asks once.)
    ents.entities.iter().position(|e| {
        e.kind == EntityKind::Person && {
            let mut words = e.name.split(' ').rev();
            words.next().is_some_and(|last| suffixes.contains(&last)) && words.next() == Some(surname)
        }
    })
}

/// "Woods said she …": the pronoun that opens the reported clause right after a name and
/// its speech verb, a hint of whom the name means when relatives share it.
fn pronoun_after_verb(doc: &Document, end: usize) -> Option<Pronoun> {
    let mut words = doc.prose()[end..].split_whitespace().take(3);
    if !words.next().is_some_and(lexicon::is_speech_verb) {
        return None;
    }
    let next = words.next()?;
    let next = if next == "that" { words.next()? } else { next };
    match next {
        "he" => Some(Pronoun::He),
        "she" => Some(Pronoun::She),
        _ => None,
    }
}

/// The gender an honorific at or right before a name gives ("Mrs. Ruiz", "Mr. Ruiz").
fn honorific(doc: &Document, span: crate::document::Span) -> Option<Pronoun> {
    let first = doc.text(span).split_whitespace().next().unwrap_or("");
    let before = doc.prose()[..span.start].trim_end();
    let word = before.rsplit(char::is_whitespace).next().unwrap_or("");
    let of = |word: &str| match word {
        "Mr." | "Mr" => Some(Pronoun::He),
        "Mrs." | "Mrs" | "Ms." | "Ms" | "Miss" => Some(Pronoun::She),
        _ => None,
    };
    of(first).or_else(|| of(word))
}
