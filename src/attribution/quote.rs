//! The decision for one quote: a title or scare quote, the cue of its sentence, a relay,
//! a colon or a sentence subject, else the speaker of the quote or paragraph before.

use super::according::{quoted_as_saying, resolve_according};
use super::choose::choose_cue;
use super::np::{self, w, Np, NpKind};
use super::phrases::{claimant, namer, new_clause};
use super::resolve::resolve;
use super::{from_cue, According, Attribution, Cue, Link, SourceType};
use crate::document::{Document, Span};
use crate::entities::Entities;
use crate::lexicon::{self, Pronoun};
use crate::quotes::narrative::{Tok, TokKind};
use crate::quotes::Quote;

#[allow(clippy::too_many_arguments)]
pub(super) fn attribute_quote(
    doc: &Document,
    toks: &[Tok],
    unit: std::ops::Range<usize>,
    qt: usize,
    quote: &Quote,
    cues: &[usize],
    according: Option<&According>,
    para: &Option<Attribution>,
    prev_para: &Option<Attribution>,
    heading: bool,
    ents: &mut Entities,
    all_cues: &[Cue],
) -> Attribution {
    let text = doc.text(quote.inner()).trim();
    // Only `words >= 3` is asked: a long quote's words are not all counted.
    let words = count_words(text, 3);
    // ("Instead, “…”", "But “…”": a sentence adverb before the quote leaves it the
    // sentence's whole content.)
    let adverb = |k: usize| toks[k].is_word() && super::subject::is_sentence_adverb(w(doc, &toks[k]));
    let at_start = qt == unit.start
        || (qt == unit.start + 1 && (!toks[unit.start].is_word() || adverb(unit.start)))
        || (qt == unit.start + 2 && adverb(unit.start) && toks[unit.start + 1].is_punct(','));
    let after_colon = qt > unit.start && (toks[qt - 1].is_punct(':') || toks[qt - 1].is_punct(','));
    let sentence_like =
        (at_start || after_colon) && text.chars().next().is_some_and(|c| c.is_uppercase()) && words >= 3;
    let partial = !sentence_like;
    if heading || is_title_or_scare(doc, toks, qt, text) {
        return Attribution::none(partial, Link::Mention);
    }
    let chosen = choose_cue(doc, toks, qt, text, at_start, cues, all_cues);
    // "Khoa told Takeda that Vietnam “…,” the statement said": the person speaks, the
    // statement (or the body that issued it) relays.
    let relay =
        chosen
            .filter(|&c| {
                !at_start
                    && all_cues[c].tok > qt
                    && matches!(all_cues[c].source_type, SourceType::Document | SourceType::Organization)
            })
            .and_then(|c| {
                let before = cues.partition_point(|&b| all_cues[b].tok < qt);
                let person =
                    cues[..before].iter().copied().rev().take(50).find(|&b| {
                        all_cues[b].source_type == SourceType::NamedPerson && all_cues[b].speaker.is_some()
                    })?;
                Some((person, c))
            });
    // "The readout said Trung had asked for the ban to be lifted “within weeks”": a person
    // reported inside a document's or a body's account speaks, the account relays.
    let relay = relay.or_else(|| {
        let c = chosen.filter(|&c| {
            all_cues[c].tok < qt && matches!(all_cues[c].source_type, SourceType::Document | SourceType::Organization)
        })?;
        let person = cues.iter().copied().find(|&b| {
            all_cues[b].tok > all_cues[c].tok
                && all_cues[b].tok < qt
                && all_cues[b].unit == all_cues[c].unit
                && all_cues[b].source_type == SourceType::NamedPerson
                && all_cues[b].speaker.is_some()
        })?;
        Some((person, c))
    });
    // "The memo said Ruiz had met the growers, assuring them that prices would
    // “…”": the person's own cue sits inside the document's report, which relays it.
    let relay = relay.or_else(|| {
        let c = chosen.filter(|&c| all_cues[c].tok < qt && all_cues[c].source_type == SourceType::NamedPerson)?;
        let subject = all_cues[c].subject.as_ref()?.span;
        // (The nearest 50 cues of the same sentence, back from the person's: bounded, so
        // a sentence of thousands of cues stays linear.)
        let at = cues.partition_point(|&b| all_cues[b].tok < all_cues[c].tok);
        let doc_cue = cues[..at]
            .iter()
            .copied()
            .rev()
            .take(50)
            .take_while(|&b| all_cues[b].unit == all_cues[c].unit && all_cues[b].block == all_cues[c].block)
            .filter(|&b| all_cues[b].verb.end <= subject.start)
            .find(|&b| all_cues[b].source_type == SourceType::Document && all_cues[b].states)
            // ("an audit found …, and she has since called …": her own clause, not the
            // audit's report.)
            .filter(|&b| !new_clause(doc, toks, all_cues[b].tok, all_cues[c].tok))
            // ("Ruiz told the house that an audit had found …, and that … what he called
            // “…”": the document is inside her report, not she in its.)
            .filter(|&b| {
                !cues[..at].iter().rev().take(50).any(|&p| {
                    all_cues[p].tok < all_cues[b].tok
                        && all_cues[p].unit == all_cues[c].unit
                        && all_cues[p].block == all_cues[c].block
                        && all_cues[p].entity.is_some()
                        && all_cues[p].entity == all_cues[c].entity
                })
            })?;
        Some((c, doc_cue))
    });
    // "Ruiz mocked Greer's claim that the kiln “…,” saying …": the words are the
    // claimant's, not those of the subject whose participle follows.
    let chosen = chosen.filter(|&c| {
        let cue = &all_cues[c];
        let participle = cue.tok > qt && cue.subject.as_ref().is_some_and(|s| s.span.end <= quote.span.start);
        !(participle && !at_start && claimant(doc, toks, unit.clone(), qt).is_some())
    });
    let mut a = match (relay, chosen) {
        (Some((person, relay)), _) => {
            let mut a = from_cue(doc, &all_cues[person], Link::Sentence);
            if let Some(np) = &all_cues[relay].subject {
                a.via = Some(doc.text(np.span).trim_start_matches("the ").trim_start_matches("The ").to_string());
                a.via_span = Some(np.span.cover(all_cues[relay].verb));
            }
            a
        }
        (None, Some(c)) => from_cue(doc, &all_cues[c], Link::Sentence),
        (None, None) => Attribution::none(partial, Link::None),
    };
    a.partial = partial;
    if let Some(acc) = according {
        let (speaker, entity, kind) = resolve_according(doc, acc, ents);
        if a.speaker.is_some() {
            if a.speaker != speaker {
                a.via = Some(doc.text(acc.source.span).trim_start_matches("the ").to_string());
                a.via_span = Some(acc.span);
            }
        } else {
            a.speaker = speaker;
            a.entity = entity;
            a.source_type = kind;
            a.speaker_span = Some(acc.source.span);
            a.cue = Some("according to".into());
            a.cue_span = Some(acc.span);
            a.link = Link::Sentence;
        }
    }
    // "The readout quoted her as telling them: “…”", "state media quoted Li as saying
    // “…”": the person speaks, the document or outlet relays (whatever cue was chosen).
    if let Some((person, relay)) = quoted_as_saying(doc, toks, unit.start, qt) {
        let (speaker, entity, kind) = resolve(doc, Some(&person), quote.first_block, ents, all_cues);
        if speaker.is_some() && kind == SourceType::NamedPerson {
            a.speaker = speaker;
            a.entity = entity;
            a.source_type = kind;
            a.speaker_span = Some(person.span);
            a.cue = Some("quoted".into());
            a.cue_span = Some(relay.1);
            a.link = Link::Sentence;
            if let Some(np) = relay.0 {
                a.via = Some(doc.text(np.span).trim_start_matches("the ").trim_start_matches("The ").to_string());
                a.via_span = Some(np.span.cover(relay.1));
            }
        }
    }
    // "Party leader Ana Ruiz went further in a post on Facebook: “…”": no speech verb,
    // but the named subject of the sentence the colon ends introduces the quote.
    // "The timing does not surprise pollster Lena Ortiz: “…”": a name right before the
    // colon is the speaker it introduces. "The Daily Ledger focuses on …: “…”": a named
    // body as the subject introduces its own words.
    // "Ruiz issued a statement, “…”": a comma after the statement she issued does what
    // a colon does.
    let statement_comma = sentence_like
        && qt > unit.start + 1
        && toks[qt - 1].is_punct(',')
        && toks[qt - 2].is_word()
        && matches!(w(doc, &toks[qt - 2]), "statement" | "post" | "tweet" | "message" | "letter" | "note");
    // "Ruiz gave one reason — “…”": a dash that sets the quote off introduces it.
    let dash = qt > unit.start + 1 && (toks[qt - 1].is_punct('—') || toks[qt - 1].is_punct('–'));
    // "Greer closed the meeting with a promise, “We will be back.”": a sentence-like quote
    // after a comma that ends its sentence is the words of the clause's subject, a person.
    let person_comma = sentence_like
        && !statement_comma
        && qt > unit.start + 1
        && toks[qt - 1].is_punct(',')
        // ("Greer was asked, “…”": a passive's subject is spoken to.)
        && !(qt > unit.start + 2
            && toks[qt - 3].is_word()
            && matches!(w(doc, &toks[qt - 3]), "was" | "were" | "is" | "are" | "been" | "being" | "be"))
        && toks[qt + 1..unit.end].iter().all(|t| !t.is_word() && !matches!(t.kind, TokKind::Quote(_)));
    if a.speaker.is_none() && person_comma {
        let person = |n: &Np| matches!(n.kind, NpKind::Name(_) | NpKind::Pronoun(Pronoun::He | Pronoun::She));
        if let Some(np) = np::clause_subject(doc, toks, unit.start, qt - 1).filter(person) {
            let (speaker, entity, kind) = resolve(doc, Some(&np), quote.first_block, ents, all_cues);
            if kind == SourceType::NamedPerson {
                credit(&mut a, (speaker, entity, kind), np.span);
                return a;
            }
        }
    }
    if a.speaker.is_none() && qt > unit.start && (toks[qt - 1].is_punct(':') || statement_comma || dash) {
        let named = |n: &Np| matches!(n.kind, NpKind::Name(_));
        let last = (qt - 1 > unit.start && toks[qt - 2].is_word())
            .then(|| np::before(doc, toks, qt - 1, unit.start))
            .flatten()
            .filter(|n| named(n) && n.span.start > toks[unit.start].span.start);
        // ("… she kept to a single theme: “…”": a person's pronoun as the subject too.)
        let person = |n: &Np| matches!(n.kind, NpKind::Pronoun(Pronoun::He | Pronoun::She));
        let subject = np::clause_subject(doc, toks, unit.start, qt - 1).filter(|n| named(n) || person(n));
        // ("His reply to the kiln board was short: “…”": the owner of the words before the
        // colon.)
        let owner = || {
            let (first, noun) = (toks.get(unit.start)?, toks.get(unit.start + 1)?);
            let pronoun = match w(doc, first) {
                "Her" => Pronoun::She,
                "His" => Pronoun::He,
                _ => return None,
            };
            let speech = matches!(
                w(doc, noun),
                "answer" | "reply" | "response" | "message" | "verdict" | "advice" | "explanation" | "warning"
            );
            (speech && toks[qt - 1].is_punct(':')).then_some(Np { kind: NpKind::Pronoun(pronoun), span: first.span })
        };
        let subject = subject.or_else(owner);
        // ("From Greer's post on the guild page: “…”": whose words the colon's noun names.)
        let claimed = toks[qt - 1].is_punct(':').then(|| claimant(doc, toks, unit.clone(), qt - 1)).flatten();
        for (np, body) in [(claimed, true), (last, false), (subject, true)] {
            let Some(np) = np else { continue };
            let (speaker, entity, mut kind) = resolve(doc, Some(&np), quote.first_block, ents, all_cues);
            let body_ok = body && kind == SourceType::Organization && sentence_like;
            if kind == SourceType::NamedPerson || body_ok {
                if toks[unit.start..qt].iter().any(|t| t.is_word() && lexicon::is_social_media(w(doc, t))) {
                    kind = SourceType::SocialMedia;
                }
                credit(&mut a, (speaker, entity, kind), np.span);
                return a;
            }
        }
    }
    if a.speaker.is_some() {
        return a;
    }
    if partial && !at_start {
        // A phrase quoted inside a sentence with no speech verb is the words of the
        // sentence's subject: "Moore thanked him for “stepping up”", "He offered “my
        // thoughts and prayers”", "A 2014 House report found “no evidence …”".
        // Not across a colon, a semicolon or a dash (another clause), nor for the title of
        // a work set off by commas ("won the prize for “Het Zoutjaar,” a novel about …").
        // A subject more than 60 tokens before the quote is no longer the phrase's speaker
        // (and the look-back stays bounded on a sentence of a million marks).
        let clause_break = qt - unit.start > 60
            || toks[unit.start..qt].iter().any(|t| t.is_punct(':') || t.is_punct(';') || t.is_punct('—'));
        let appositive_title = (toks.get(qt + 1).is_some_and(|t| t.is_punct(',')) || text.ends_with(','))
            && text
                .split_whitespace()
                .all(|w| w.chars().next().is_some_and(|c| c.is_uppercase() || !c.is_alphabetic()));
        // A person is credited with any phrase but a lone capitalised word (a nickname,
        // "known as “Bel”"); a name the article does not know as a person's is credited
        // with nothing ("Pickets chanted …"); a body, a document or a group with a phrase
        // of three words or more that starts in lower case (not a label, "a “Level 3: Go
        // Now” order").
        let lowercase = text.chars().find(|c| c.is_alphabetic()).is_some_and(char::is_lowercase);
        let pronoun = |n: &Np| matches!(n.kind, NpKind::Pronoun(Pronoun::He | Pronoun::She));
        let name = |n: &Np| matches!(n.kind, NpKind::Name(_));
        // "Ruiz's claim that the kiln was “…”", "the suggestion by Greer that …": the
        // words of the one whose claim it is.
        if let Some(np) = claimant(doc, toks, unit.clone(), qt) {
            let (speaker, entity, kind) = resolve(doc, Some(&np), quote.first_block, ents, all_cues);
            if speaker.is_some() && matches!(kind, SourceType::NamedPerson | SourceType::Organization) {
                credit(&mut a, (speaker, entity, kind), np.span);
                return a;
            }
        }
        // "what critics have dubbed “…”", "labelled a “…” by the union": whoever names the
        // thing the quote names, in a relative clause or as a passive's agent.
        if let Some(np) = namer(doc, toks, unit.clone(), qt) {
            let (speaker, entity, kind) = resolve(doc, Some(&np), quote.first_block, ents, all_cues);
            if speaker.is_some() && kind != SourceType::Unattributed {
                credit(&mut a, (speaker, entity, kind), np.span);
                return a;
            }
        }
        if let Some(np) = np::clause_subject(doc, toks, unit.start, qt).filter(|_| !clause_break && !appositive_title) {
            let (speaker, entity, kind) = resolve(doc, Some(&np), quote.first_block, ents, all_cues);
            let person = kind == SourceType::NamedPerson && (pronoun(&np) || name(&np));
            let credited =
                if person { words >= 2 || lowercase } else { !name(&np) && !pronoun(&np) && words >= 3 && lowercase };
            if speaker.is_some() && credited {
                credit(&mut a, (speaker, entity, kind), np.span);
            }
        }
        return a;
    }
    // "“…,” said the printed slate card": someone else speaks, even if the phrase is not
    // one the speaker finder reads.
    if chosen.is_some_and(|c| all_cues[c].tok > qt && all_cues[c].subject.is_none() && all_cues[c].states) {
        return a;
    }
    // "“…,” Ruiz charged in her remarks": a name and a verb right after the quote say who
    // spoke, even with a verb no list knows; and a sentence that has its own attribution,
    // unread, is not the previous speaker's.
    // ("“This is fantastic!” beamed Ana Ruiz": a question or an exclamation leads as well.)
    let tail = at_start
        && (text.ends_with([',', '!', '?'])
            || text.ends_with("!”")
            || text.ends_with("?”")
            || toks.get(qt + 1).is_some_and(|t| t.is_punct(',')));
    if tail && chosen.is_none() {
        if let Some((np, verb)) = unread_tail(doc, toks, qt, unit.end) {
            let (speaker, entity, kind) = resolve(doc, Some(&np), quote.first_block, ents, all_cues);
            if speaker.is_some() {
                credit(&mut a, (speaker, entity, kind), np.span);
                a.cue = Some(doc.text(verb).to_string());
                a.cue_span = Some(verb);
                return a;
            }
        }
        // (Within a dozen tokens: bounded in a sentence of thousands of quotes.)
        if toks[qt + 1..unit.end.min(qt + 12)].iter().filter(|t| t.is_word()).count() >= 2 {
            return a;
        }
    }
    if let Some(p) = para {
        return Attribution { link: Link::Continuation, partial, via: p.via.clone(), via_span: None, ..p.clone() };
    }
    if at_start {
        if let Some(p) = prev_para {
            return Attribution { link: Link::Adjacent, partial, ..p.clone() };
        }
    }
    a
}

/// A title or scare quote: "so-called “…”", "dubbed “…”", a Title Case name.
fn is_title_or_scare(doc: &Document, toks: &[Tok], qt: usize, text: &str) -> bool {
    if qt > 0 && toks[qt - 1].is_word() {
        let prev = w(doc, &toks[qt - 1]).to_ascii_lowercase();
        if matches!(
            prev.as_str(),
            "so-called"
                | "dubbed"
                | "titled"
                | "entitled"
                | "named"
                | "nicknamed"
                | "word"
                | "term"
                | "phrase"
                | "slogan"
                | "read"
                | "reading"
        ) {
            // ("posted a message on X reading “…”": a message is its writer's words, not a
            // sign's or a title's.)
            let message = (prev == "reading" || prev == "read")
                && toks[qt.saturating_sub(6)..qt - 1].iter().any(|t| {
                    t.is_word() && matches!(w(doc, t), "message" | "post" | "tweet" | "note" | "email" | "text")
                });
            // ("Greer keeps using the term “wharf rats”", "Ruiz coined the phrase “…”":
            // a term someone uses is that person's words, not a name the story gives.)
            let used = matches!(prev.as_str(), "word" | "term" | "phrase" | "slogan")
                && qt >= 3
                && toks[qt - 2].is_word()
                && matches!(w(doc, &toks[qt - 2]), "the" | "a" | "that" | "this")
                && toks[qt - 3].is_word()
                && is_use_verb(w(doc, &toks[qt - 3]))
                // (Not a document's wording, "the press release used the word “…”": a
                // word counted in a text, not anyone's speech.)
                && !toks[qt.saturating_sub(6)..qt - 3].iter().any(|t| t.is_word() && lexicon::is_document_noun(w(doc, t)));
            return !message && !used;
        }
    }
    // "known as “…”", "billed as", "referred to as": a name, not words spoken; but
    // "described the talks as “…”" is the speaker's characterisation.
    if qt > 1
        && toks[qt - 1].is_word()
        && w(doc, &toks[qt - 1]) == "as"
        && toks[qt - 2].is_word()
        && matches!(w(doc, &toks[qt - 2]), "known" | "billed" | "to" | "styled" | "marketed" | "branded" | "listed")
    {
        return true;
    }
    // "the film “Night Train”": a title starts in capitals; "the program “worse than
    // amnesty”" is a characterisation.
    if qt > 0
        && toks[qt - 1].is_word()
        && is_title_noun(w(doc, &toks[qt - 1]))
        && text.chars().find(|c| c.is_alphabetic()).is_some_and(char::is_uppercase)
    {
        return true;
    }
    let text = text.trim_end_matches([',', '.', ';', ':']);
    // Both tests below need a text without sentence punctuation: checked first, so the
    // words of a quote of many sentences are never split.
    // (Bytes, not chars: each is ASCII. memchr2 and a find, not a char-by-char match.)
    if memchr::memchr2(b'.', b'!', text.as_bytes()).is_some() || text.contains('?') {
        return false;
    }
    let words = || text.split_whitespace();
    let capital = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    // "the robot the students call “Big Gus”": a name given, in capitals, after "call".
    let capitalised = (1..=4).contains(&words().take(5).count()) && words().all(capital);
    if capitalised
        && qt > 0
        && toks[qt - 1].is_word()
        && matches!(w(doc, &toks[qt - 1]), "call" | "calls" | "called" | "calling")
    {
        return true;
    }
    let long = || words().filter(|w| w.len() > 3);
    let title_case = !text.contains(',') && words().nth(1).is_some() && long().nth(1).is_some() && long().all(capital);
    // At the start of a sentence only with an appositive after it: "“Bantay Sugbo,” a
    // nightly police programme, broadcast the arrests".
    let appositive = || {
        let mut k = qt + 1;
        if toks.get(k).is_some_and(|t| t.is_punct(',')) {
            k += 1;
        }
        toks.get(k).is_some_and(|t| t.is_word() && matches!(w(doc, t), "a" | "an" | "the"))
    };
    // (Not a quote that opens its sentence, unless an appositive follows: "“Across Kellan
    // Water,” he said." is speech, its short words aside.)
    let opens = qt == 0 || matches!(toks[qt - 1].kind, TokKind::Break);
    // "“Kiln Songs” is out in May", "“Tarrow” opens the second side": a name in
    // capitals, closed with no punctuation, as the subject of the verb right after it.
    let subject = || {
        !punctuated_end(doc, toks, qt)
            && toks.get(qt + 1).is_some_and(|t| {
                t.is_word() && {
                    let next = w(doc, t);
                    next.starts_with(char::is_lowercase)
                        && lexicon::pronoun(next).is_none()
                        && !lexicon::is_speech_verb(next)
                }
            })
    };
    (title_case && (!opens || appositive())) || (opens && capitalised && subject())
}

/// Whether the quote's own text ends in punctuation (`“…,”`, `“…!”`): then it is words
/// spoken, set off from what follows.
fn punctuated_end(doc: &Document, toks: &[Tok], qt: usize) -> bool {
    // (A closing mark written as a character reference, `,&rdquo;`, is padded before it.)
    doc.text(toks[qt].span)
        .trim_end_matches(['”', '"', '’', '\''])
        .trim_end()
        .ends_with([',', '.', '!', '?', ';', ':', '—'])
}

/// Verbs for using a term as one's own: "used the term", "coined the phrase".
fn is_use_verb(word: &str) -> bool {
    matches!(
        word.to_ascii_lowercase().as_str(),
        "use"
            | "uses"
            | "used"
            | "using"
            | "utter"
            | "utters"
            | "uttered"
            | "uttering"
            | "coin"
            | "coins"
            | "coined"
            | "coining"
            | "invoke"
            | "invokes"
            | "invoked"
            | "invoking"
            | "repeat"
            | "repeats"
            | "repeated"
            | "repeating"
            | "prefer"
            | "prefers"
            | "preferred"
            | "adopt"
            | "adopted"
            | "adopting"
            | "employ"
            | "employed"
            | "employing"
    )
}

/// Nouns that announce a title in quotes: the film “…”, the report titled “…”.
fn is_title_noun(word: &str) -> bool {
    matches!(
        word.to_ascii_lowercase().as_str(),
        "film"
            | "movie"
            | "drama"
            | "comedy"
            | "documentary"
            | "book"
            | "novel"
            | "memoir"
            | "song"
            | "single"
            | "album"
            | "play"
            | "musical"
            | "opera"
            | "show"
            | "series"
            | "episode"
            | "poem"
            | "painting"
            | "exhibition"
            | "exhibit"
            | "podcast"
            | "column"
            | "essay"
            | "headline"
            | "hashtag"
            | "slogan"
            | "banner"
            | "sign"
            | "signs"
            | "placard"
            | "motto"
            | "anthem"
            | "hit"
            | "ballad"
            | "track"
            | "title"
            | "program"
            | "programme"
    )
}

/// The speaker and verb of `“…,” Ruiz charged`, `“…,” the mayor countered`: after the
/// quote (and its comma), a name, a pronoun or a definite role, then a lowercase verb in
/// the past or present tense that the speech-verb list does not hold.
pub(super) fn unread_tail(doc: &Document, toks: &[Tok], qt: usize, end: usize) -> Option<(Np, Span)> {
    let mut i = qt + 1;
    if toks.get(i).is_some_and(|t| t.is_punct(',')) {
        i += 1;
    }
    let start = i;
    // Inverted: "“…!” beamed Ana Ruiz of Tarrow": a past-tense verb, then a name.
    if i + 1 < end && toks[i].is_word() && toks[i + 1].is_word() {
        let verb = w(doc, &toks[i]);
        let past = verb.len() > 3 && verb.ends_with("ed") && verb.chars().all(|c| c.is_ascii_lowercase());
        if past && w(doc, &toks[i + 1]).chars().next().is_some_and(char::is_uppercase) {
            if let Some(np) = np::after(doc, toks, i + 1, end).filter(|n| matches!(n.kind, NpKind::Name(_))) {
                return Some((np, toks[i].span));
            }
        }
    }
    while i < end && i - start < 5 && toks[i].is_word() {
        let word = w(doc, &toks[i]);
        let lower = word.chars().next().is_some_and(char::is_lowercase);
        // ("an angry Hollis retaliated": one adjective after the article.)
        let adjective = i == start + 1 && matches!(w(doc, &toks[start]), "a" | "an" | "the" | "A" | "An" | "The");
        if lower && i > start && !matches!(word, "the" | "a") && !np::is_phrase_word(word) && !adjective {
            break;
        }
        i += 1;
    }
    if i == start || i >= end || !toks[i].is_word() {
        return None;
    }
    let verb = w(doc, &toks[i]);
    let tense = (verb.ends_with("ed") || verb.ends_with('s') && !verb.ends_with("ss"))
        && verb.len() > 3
        && verb.chars().all(|c| c.is_ascii_lowercase())
        || matches!(verb, "shot" | "hit" | "struck" | "spoke" | "began" | "broke" | "threw" | "swore" | "sang");
    if !tense {
        return None;
    }
    let np = if i == start + 1 {
        lexicon::pronoun(w(doc, &toks[start])).map(|p| Np { kind: NpKind::Pronoun(p), span: toks[start].span })
    } else {
        None
    };
    let np = np.or_else(|| np::classify(doc, toks, start, i))?;
    match np.kind {
        NpKind::Name(_) | NpKind::Descriptor(_) | NpKind::Pronoun(Pronoun::He | Pronoun::She | Pronoun::They) => {
            Some((np, toks[i].span))
        }
        _ => None,
    }
}

/// Credit a quote to a speaker read in its own sentence.
fn credit(a: &mut Attribution, (speaker, entity, kind): (Option<String>, Option<usize>, SourceType), span: Span) {
    a.speaker = speaker;
    a.entity = entity;
    a.source_type = kind;
    a.speaker_span = Some(span);
    a.link = Link::Sentence;
}

/// `text.split_whitespace().take(most).count()`, reading an ASCII byte as it is and
/// decoding only a non-ASCII char.
pub(super) fn count_words(text: &str, most: usize) -> usize {
    let bytes = text.as_bytes();
    let (mut count, mut in_word, mut i) = (0, false, 0);
    while count < most {
        let Some(&b) = bytes.get(i) else { break };
        let (space, len) = if b.is_ascii() {
            (matches!(b, b'\t'..=b'\r' | b' '), 1)
        } else {
            let c = text[i..].chars().next().unwrap_or(' ');
            (c.is_whitespace(), c.len_utf8())
        };
        if !space && !in_word {
            count += 1;
        }
        in_word = !space;
        i += len;
    }
    count
}
