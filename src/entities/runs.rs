//! Runs of capitalised words in the narrative and what each one is: where the name
//! starts after its titles, the appositive after it, and the evidence that it names a
//! person, a body, a place or a group (`Run`, built by `find_runs`).

use super::names;
use crate::document::{BlockKind, Document, Span};
use crate::lexicon;
use crate::quotes::narrative::{BlockTokens, Tok, TokKind};
use crate::quotes::Quote;

/// A capitalised run of words in the narrative, with the titles before it.
#[derive(Clone, Debug)]
pub(super) struct Run {
    /// A place, party, people or acronym: never a person, never a misspelt surname.
    pub(super) non_person: bool,
    pub(super) block: usize,
    /// Span of title and descriptor words before the name, if any.
    pub(super) title: Option<Span>,
    pub(super) title_words: Vec<String>,
    pub(super) person_evidence: bool,
    pub(super) has_person_title: bool,
    /// Next to a speech verb ("Ruiz said", "said Ruiz").
    pub(super) speaks: bool,
    pub(super) body_like: bool,
    /// The last word names a body or a place ("Center", "Ministry"), whatever precedes.
    pub(super) body_noun: bool,
    /// An age in apposition or a "who" clause follows: "Amina, 34, who …".
    pub(super) age_or_who: bool,
    /// Set off by commas after a body noun: "a contractor, Corvane Hidráulica, …".
    pub(super) named_body: bool,
    pub(super) appositive: Option<(Span, String)>,
    /// The role set off by a comma before the name ("The guild's chairman, Tomas Greer"):
    /// a descriptor a later "the chairman" refers by.
    pub(super) role_before: Option<String>,
    pub(super) span: Span,
    pub(super) text: String,
}

fn word<'a>(doc: &'a Document, t: &Tok) -> &'a str {
    doc.text(t.span)
}

/// An appositive whose head is a person's role, near its start: "Kolade, the Afrobeats
/// singer", not "Northrail, the private operator of the commuter network".
pub(super) fn role_appositive(doc: &Document, r: &Run) -> bool {
    r.appositive.as_ref().is_some_and(|(span, head)| {
        doc.text(*span)
            .split(|c: char| c.is_whitespace() || c == ',')
            .filter(|w| !w.is_empty())
            .take(3)
            .any(|w| Some(w) == head.rsplit(' ').next())
    })
}

/// Find capitalised name runs in every block's narrative.
pub(super) fn find_runs(doc: &Document, quotes: &[Quote], tokens: &BlockTokens) -> Vec<Run> {
    let mut runs = Vec::with_capacity(doc.prose().len() / 128 + 8); // (a run per 128 bytes: wire copy's rate)
    let courtesy = super::article::courtesy_surnames(doc);
    let mut buf = Vec::new();
    // A heading in title case capitalises every word, so its runs run names and verbs
    // together ("Ruiz Slams Ortiz Over Budget"): its runs are read after the body's, as
    // the names the body knows.
    let title_case: Vec<usize> = (0..doc.blocks.len())
        .filter(|&bi| doc.blocks[bi].kind == BlockKind::Heading && is_title_case(doc.text(doc.blocks[bi].span)))
        .collect();
    for bi in 0..doc.blocks.len() {
        if title_case.binary_search(&bi).is_ok() {
            continue;
        }
        block_runs(doc, bi, tokens.get(doc, bi, quotes, &mut buf), &mut runs, &courtesy);
    }
    if title_case.is_empty() {
        return runs;
    }
    // Every name the body knows, and every shorter form it ends in ("Ana Ruiz", "Ruiz").
    let mut known = super::HashSet::default();
    for r in &runs {
        let lower = crate::chars::lowercase(&r.text);
        known.extend(lower.match_indices(' ').map(|(i, _)| lower[i + 1..].to_string()));
        known.insert(lower);
    }
    let mut heading = Vec::new();
    for &bi in &title_case {
        heading.clear();
        let toks = tokens.get(doc, bi, quotes, &mut buf);
        block_runs(doc, bi, toks, &mut heading, &courtesy);
        for run in heading.drain(..) {
            if known.contains(&run.text.to_lowercase()) {
                runs.push(run);
                continue;
            }
            // The longest stretches of the run that the body names, left to right, with
            // a given name before one ("Chris Matthews" where the body says "Matthews").
            let first = toks.partition_point(|t| t.span.start < run.span.start);
            let end = toks.partition_point(|t| t.span.start < run.span.end);
            let known_at = |i: usize, j: usize| {
                toks[i..j].iter().all(Tok::is_word) && {
                    let words: Vec<&str> = toks[i..j].iter().map(|t| word(doc, t)).collect();
                    known.contains(&words.join(" ").to_lowercase())
                }
            };
            let mut i = first;
            while i < end {
                let found = (i + 1..=end).rev().find(|&j| {
                    known_at(i, j)
                        || j > i + 1
                            && toks[i].is_word()
                            && lexicon::is_given_name(word(doc, &toks[i]))
                            && known_at(i + 1, j)
                });
                match found.and_then(|j| make_run(doc, toks, bi, i, j, &courtesy).map(|r| (j, r))) {
                    Some((j, r)) => {
                        runs.push(r);
                        i = j;
                    }
                    None => i += 1,
                }
            }
        }
    }
    runs.sort_by_key(|r| r.span.start);
    runs
}

/// A line in title case: three words or more, nearly all capitalised ("Ruiz Slams Ortiz
/// Over Budget", "Council Votes To Close the Library"), not a sentence-case headline.
fn is_title_case(line: &str) -> bool {
    let words: Vec<&str> =
        line.split_whitespace().filter(|w| w.chars().next().is_some_and(char::is_alphabetic)).collect();
    let capital = words.iter().filter(|w| w.chars().next().is_some_and(char::is_uppercase)).count();
    words.len() >= 3 && capital * 5 >= words.len() * 4
}

/// The runs of block `bi`, whose tokens are `toks`, appended to `runs`.
fn block_runs(doc: &Document, bi: usize, toks: &[Tok], runs: &mut Vec<Run>, courtesy: &super::HashSet<&str>) {
    {
        let mut i = 0;
        while i < toks.len() {
            let t = &toks[i];
            let w = if t.is_word() { word(doc, t) } else { "" }; // (a punctuation token's text is not read)
            let starts = t.is_word() && (names::is_name_word(w) || names::is_particle(w) && next_is_name(doc, toks, i));
            if !starts {
                i += 1;
                continue;
            }
            let mut j = i + 1;
            while j < toks.len() {
                // "Pardee & Lowe": an ampersand joins two names of one firm.
                if toks[j].is_punct('&')
                    && toks.get(j + 1).is_some_and(|t| t.is_word() && names::is_name_word(word(doc, t)))
                {
                    j += 2;
                    continue;
                }
                if !toks[j].is_word() {
                    break;
                }
                let w = word(doc, &toks[j]);
                if names::is_name_word(w)
                    || names::is_suffix(w)
                    || (names::is_particle(w) && next_is_name(doc, toks, j))
                {
                    j += 1;
                    // "Ted Cruz's Super PAC", "North Carolina's Ada Fisher": a possessive
                    // after the first word ends the name; what follows is another.
                    if w.ends_with("'s") || w.ends_with("’s") {
                        break;
                    }
                } else {
                    // "Khin Lay May, 52, a ferry pilot": a capitalised word no list takes for a
                    // name (a month) still ends one that an age follows.
                    let age = |k: usize| {
                        toks.get(k).is_some_and(|t| t.is_punct(','))
                            && toks.get(k + 1).is_some_and(|t| {
                                let d = word(doc, t);
                                t.is_word() && d.len() <= 3 && d.bytes().all(|b| b.is_ascii_digit())
                            })
                            && toks.get(k + 2).is_some_and(|t| t.is_punct(','))
                    };
                    if w.chars().next().is_some_and(char::is_uppercase) && w.len() > 2 && age(j + 1) {
                        j += 1;
                    }
                    break;
                }
            }
            if let Some(run) = make_run(doc, toks, bi, i, j, courtesy) {
                runs.push(run);
            }
            i = j;
        }
    }
}

fn next_is_name(doc: &Document, toks: &[Tok], i: usize) -> bool {
    toks.get(i + 1)
        .is_some_and(|t| t.is_word() && (names::is_name_word(word(doc, t)) || names::is_particle(word(doc, t))))
}

/// Strip leading titles from a run, gather descriptor words before it and an appositive
/// after it, and weigh the evidence that it names a person.
fn make_run(
    doc: &Document,
    toks: &[Tok],
    bi: usize,
    start: usize,
    end: usize,
    courtesy: &super::HashSet<&str>,
) -> Option<Run> {
    // A common word capitalised only because it starts the sentence ("Leading Democrats
    // said", "Even Latino voters") is not part of a name.
    let sentence_start = start == 0 || toks[start - 1].kind == TokKind::Break;
    let start = if sentence_start
        && end - start >= 2
        && is_common_opener_before(word(doc, &toks[start]), word(doc, &toks[start + 1]))
    {
        start + 1
    } else {
        start
    };
    let words: Vec<&str> = toks[start..end].iter().map(|t| word(doc, t)).collect();
    // Titles, possessives ("Kenya's") and a leading nationality ("the American Rachel
    // Ostrowski") come before the name. A demonym counts only at the start of a run
    // that still has two words after it, so "Lars Danish" keeps its surname.
    let last_title = words.iter().enumerate().rposition(|(i, w)| {
        // "Los Angeles-based Carter Whitfield III": the place is a descriptor.
        // ("Dana King": a title word after a given name is the surname.)
        w.ends_with("-based")
            || lexicon::is_title(w) && !(i >= 1 && i + 1 == words.len() && lexicon::is_given_name(words[i - 1]))
            || ((w.ends_with("'s") || w.ends_with("’s")) && i + 1 < words.len())
            || (i == 0 && words.len() >= 3 && names::is_demonym(w))
    });
    // "Secretary of State Maria Varga": after a title's "of", the run's first words name
    // the office and the name opens on a given name ("mayor of Port Alden" names a place).
    let office_words = (start >= 2
        && toks[start - 1].is_word()
        && word(doc, &toks[start - 1]) == "of"
        && toks[start - 2].is_word()
        && lexicon::is_title(word(doc, &toks[start - 2])))
    .then(|| words.iter().position(|w| lexicon::is_given_name(w)))
    .flatten()
    .unwrap_or(0);
    let office = office_words > 0;
    let name_start = start + last_title.map_or(0, |k| k + 1).max(place_or_group_prefix(&words)).max(office_words);
    if name_start >= end {
        return None;
    }
    // Possessives are not names of speakers ("Japan's military").
    let name_words: &[&str] = &words[name_start - start..];
    let mut text = name_words.join(" ");
    if text.ends_with("'s") {
        text.truncate(text.len() - "'s".len());
    } else if text.ends_with("’s") {
        text.truncate(text.len() - "’s".len());
    }
    // Title and descriptor words: those inside the run, then lowercase titles before it.
    let mut title_start = if office {
        Some(start - 2)
    } else if name_start > start {
        Some(start)
    } else {
        None
    };
    let mut k = if office { start - 2 } else { start };
    while k > 0 && toks[k - 1].is_word() && start - (k - 1) <= 5 {
        let w = word(doc, &toks[k - 1]);
        if lexicon::is_title(w)
            || lexicon::is_body_noun(w)
            || (title_start.is_some() || lexicon::is_title(word(doc, &toks[k]))) && names::is_name_word(w)
        {
            k -= 1;
            title_start = Some(k);
        } else {
            break;
        }
    }
    let (title, title_words) = match title_start {
        Some(ts) => {
            let words: Vec<String> = toks[ts..name_start].iter().map(|t| word(doc, t).to_string()).collect();
            // "Mr. Obama": a courtesy title is the house's second reference, not an
            // introduction.
            let courtesy = words.iter().all(|w| names::is_courtesy_title(w));
            let span = (!courtesy).then(|| Span::new(toks[ts].span.start, toks[name_start - 1].span.end));
            (span, if courtesy { Vec::new() } else { words })
        }
        None => (None, Vec::new()),
    };
    // "Hesse's social affairs minister, Rüdiger von Bernstorff, met …": a role set off
    // by a comma right before the name.
    let role_before_comma = start >= 2
        && toks[start - 1].is_punct(',')
        && toks[start - 2].is_word()
        && {
            let w = word(doc, &toks[start - 2]);
            lexicon::is_title(w) && !lexicon::is_body_noun(w) && w.chars().all(char::is_lowercase)
        }
        // (Or closing the sentence: "from my first athletic director, Walt Brennan.")
        && toks.get(end).is_none_or(|t| t.is_punct(',') || t.is_punct('.') || t.kind == TokKind::Break);
    // The role set off before the name is its title for the introduction: "Hanbit
    // Turbine's chief executive, Park Ji-hoon, said" introduces him as much as a title.
    let title = match (title, role_before_comma) {
        (None, true) => {
            let first = (start.saturating_sub(8)..start - 1)
                .rev()
                .take_while(|&k| toks[k].is_word())
                .last()
                .unwrap_or(start - 2);
            Some(Span::new(toks[first].span.start, toks[start - 1].span.end))
        }
        (title, _) => title,
    };
    let has_person_title = role_before_comma
        || title_words.iter().any(|w| {
            (lexicon::is_title(w) && !lexicon::is_body_noun(w)) || (names::is_demonym(w) && end - name_start >= 2)
        });
    let appositive = appositive(doc, toks, end);
    let next_verb = toks[end..].iter().take(3).filter(|t| t.is_word()).any(|t| lexicon::is_speech_verb(word(doc, t)));
    let prev_verb = start > 0 && toks[start - 1].is_word() && lexicon::is_speech_verb(word(doc, &toks[start - 1]));
    // A name after "the" or a preposition ("the Stimson Center", "Centre for Power
    // Policy", "in Busan") is a place or a body unless a title makes it a person.
    // (Compared case-blind in place: the word lowered to ASCII is one of these.)
    let prev_word = (start > 0 && toks[start - 1].is_word()).then(|| word(doc, &toks[start - 1]));
    let after_function_word = prev_word.is_some_and(|p| {
        ["the", "for", "of", "at", "in", "from", "to", "into", "near", "by"].iter().any(|f| p.eq_ignore_ascii_case(f))
    });
    let body_like = name_words.last().is_some_and(|w| {
        let w = crate::chars::trim_possessive(w);
        lexicon::is_body_noun(w) || is_place_noun(w)
    });
    // ", who …" is said of people; "Dieter Kram of the Association of …" introduces one.
    let relative = toks.get(end).is_some_and(|t| t.is_punct(','))
        && toks.get(end + 1).is_some_and(|t| t.is_word() && matches!(word(doc, t), "who" | "whose"));
    let of_body = end - name_start >= 2
        && toks.get(end).is_some_and(|t| t.is_word() && matches!(word(doc, t), "of" | "at"))
        && toks[end + 1..].iter().take(2).any(|t| t.is_word() && names::is_name_word(word(doc, t)));
    // "Kang Mi-ok, 67, said": an age in apposition.
    let age = toks.get(end).is_some_and(|t| t.is_punct(','))
        && toks.get(end + 1).is_some_and(|t| {
            let w = word(doc, t);
            t.is_word() && w.len() <= 3 && w.chars().all(|c| c.is_ascii_digit())
        })
        && toks.get(end + 2).is_some_and(|t| t.is_punct(','))
        // "Rusmini, a 47-year-old rice farmer, said"
        || toks.get(end).is_some_and(|t| t.is_punct(','))
            && toks.get(end + 1).is_some_and(|t| t.is_word() && matches!(word(doc, t), "a" | "an"))
            && toks.get(end + 2).is_some_and(|t| t.is_word() && word(doc, t).ends_with("-year-old"));
    // After "the" or a preposition, only a title, an appositive, an age or a "who"
    // clause makes the name a person's.
    // "Cricket Scotland said", "Athletics Kenya said": a body named after its country
    // speaks; a verb beside it does not make it a person (a given name still would).
    // (Country names are at most three words: only the run's last three are tried.)
    let n = name_words.len();
    // (The tails are the suffixes of one joined string that start after a space.)
    let tail = crate::chars::joined(&name_words[n.saturating_sub(3).max(1).min(n)..]);
    let country_tail = !tail.is_empty()
        && (lexicon::is_country(&tail) || tail.match_indices(' ').any(|(i, _)| lexicon::is_country(&tail[i + 1..])));
    let weak = !after_function_word && (next_verb || prev_verb || of_body) && !country_tail;
    // "Mustafa Ağırbaş waited": a run opening with a common given name, in two or more
    // words, is a person's name even with no title or verb beside it.
    // So does the shape of an East Asian name: a family name first, then a hyphenated
    // given name ("Huang Shu-fen", "Park Ji-hoon").
    let given = name_words.len() >= 2 && lexicon::is_given_name(name_words[0])
        || name_words.len() == 2
            && lexicon::is_family_first(name_words[0])
            && name_words[1].contains('-')
            && name_words[1].chars().next().is_some_and(char::is_uppercase);
    // "an outside contractor, Corvane Hidráulica, whose owner …": a name set off by
    // commas after a body noun is that body's name ("whose" is said of bodies too).
    // Not a place ("in Ha Nam province, Dao Van Tuan said") and not a role's body
    // ("a spokeswoman for the agency, Idunn Bakketun-Sæther, said").
    let body_before_comma = start >= 2
        && toks[start - 1].is_punct(',')
        && toks[start - 2].is_word()
        && {
            let w = word(doc, &toks[start - 2]);
            lexicon::is_body_noun(w) && w.chars().all(char::is_lowercase) && !LOCALITIES.contains(&w)
        }
        && toks[..start - 2]
            .iter()
            .rev()
            .take(5)
            .take_while(|t| t.is_word())
            .map(|t| word(doc, t))
            .take_while(|w| !matches!(*w, "a" | "an"))
            .all(|w| {
                w.chars().all(char::is_lowercase)
                    && !matches!(w, "for" | "of" | "at" | "with" | "from" | "by" | "to" | "in")
                    && !lexicon::is_title(w)
            })
        && !given;
    // "Joel Park", "Maya Hall": a given name and a surname that is also a place word.
    // ("Ana Banks": a plural is no body's head, "Ana Bank" may be one.)
    let surname_place = given
        && name_words.len() <= 3
        && name_words.last().is_some_and(|w| lexicon::is_common_surname(w))
        && !name_words.last().is_some_and(|w| lexicon::is_body_noun(w) && !w.ends_with('s'));
    // "Council President Rose Bank, who …": a given name with a person's title or a "who"
    // clause is a person whose surname is also a body noun.
    // ("Nell Bank" where the article also says "Ms. Bank": the courtesy title settles it.)
    let titled_person =
        given && (has_person_title || relative || age || name_words.last().is_some_and(|w| courtesy.contains(w)));
    let body_like = (body_like && !surname_place && !titled_person) || body_before_comma;
    // "Dawn Hollis-Grant": a double-barrelled surname after one capitalised word.
    let double_barrelled = name_words.len() == 2
        && name_words[1].split_once('-').is_some_and(|(a, b)| {
            [a, b].iter().all(|p| {
                p.len() >= 2
                    && p.chars().next().is_some_and(char::is_uppercase)
                    && p.chars().skip(1).all(char::is_lowercase)
                    && !lexicon::is_place(p)
                    && !names::is_demonym(p)
            })
        });
    let person_evidence = !body_like
        && (has_person_title || appositive.is_some() || relative || age || weak || given || double_barrelled);
    let body_noun = body_like;
    let body_like = body_like || (after_function_word && !person_evidence);
    // A body's name keeps its capitalised words: "Omani Foreign Ministry", not "Ministry".
    let located = toks[start..name_start].iter().any(|t| word(doc, t).ends_with("-based"));
    let (span_start, text) = if body_like && name_start > start && !person_evidence && !located {
        let whole: Vec<&str> = toks[start..end].iter().map(|t| word(doc, t)).collect();
        let whole = whole.join(" ");
        let whole = whole.strip_suffix("'s").or_else(|| whole.strip_suffix("’s")).unwrap_or(&whole).to_string();
        (toks[start].span.start, whole)
    } else {
        (toks[name_start].span.start, text)
    };
    // A place, a party, a people or an acronym is never a person ("North Korea",
    // "Senate Republicans", "GOP", "Virginia Democratic").
    // A run ending in a group ("Senate Republicans", "House GOP", "Nagorno-Karabakh
    // Armenians") names the group, whatever comes before it.
    let group_last = name_words.len() >= 2
        && name_words.last().is_some_and(|w| {
            let bare = crate::chars::trim_possessive(w);
            !names::is_suffix(bare)
                && (lexicon::is_group_word(bare) || bare.len() >= 2 && bare.chars().all(|c| c.is_ascii_uppercase()))
        });
    // "Cleveland Browns", "Dallas Cowboys": a place and a plural that is no surname of its own
    // is a team or a group, not a person. (A plural of a surname, "Browns", is no surname either.)
    // "Harbor Teachers", "Coastal Decisions", "Faith Republicans": a run ending in a common
    // plural noun names a group, not a person (a surname like "Sanders" is listed as one).
    let plural_noun = name_words.len() >= 2
        && name_words.last().is_some_and(|w| {
            w.len() > 4
                && w.ends_with('s')
                && !w.ends_with("ss")
                && !w.contains(['\'', '’'])
                && !lexicon::is_common_surname(w)
                && !lexicon::is_given_name(w)
                && lexicon::per_million(&w.to_lowercase()) >= 5.0
                // "Ana Banks" is a person; "Faith Republicans" still a group.
                && (!given || lexicon::is_group_word(w))
        });
    // "Harbor Week", "Coastal Review": a run ending in a common English word that is no
    // surname or given name names a thing (a newsletter, a paper), not a person.
    let common_last = name_words.len() >= 2
        && !given
        && name_words.last().is_some_and(|w| {
            w.len() > 2
                && !w.contains(['\'', '’', '.', '-'])
                && !lexicon::is_common_surname(w)
                && !lexicon::is_given_name(w)
                && !names::is_suffix(w)
                && lexicon::per_million(w) >= 100.0
        });
    let team = name_words.len() >= 2
        && !relative // (nor one "who" is said of, nor a double-barrelled "Jordan Okafor-Barnes")
        && name_words.last().is_some_and(|w| {
            let singular = w.strip_suffix('s').filter(|b| b.len() >= 3 && !b.ends_with('s') && !b.contains('-'));
            singular.is_some()
                && !lexicon::is_common_surname(w)
                && !lexicon::is_given_name(w)
                && (lexicon::is_place(name_words[0])
                    || lexicon::is_common_surname(name_words[0])
                        && !lexicon::is_given_name(name_words[0])
                        && singular.is_some_and(lexicon::is_common_surname))
        });
    // ("New Hampshire" whole is a place even when "New" was read as a title.)
    let whole_run: Vec<&str> = toks[start..end].iter().map(|t| word(doc, t)).collect();
    let non_person = team
        || plural_noun
        || common_last
        || !given && (group_last || name_words.iter().all(|w| is_non_person_word(w)))
        || lexicon::is_place(&text)
        || lexicon::is_place(&crate::chars::joined(&whole_run));
    Some(Run {
        non_person,
        block: bi,
        title,
        title_words,
        person_evidence,
        has_person_title,
        speaks: next_verb || prev_verb,
        body_like,
        body_noun,
        // Not a people ("The Japanese, who …", "British, who …"): no plural demonym, no
        // "the" before it. The singular ones ("Kenyan") share their endings with names
        // (Purnomo, Rusmini) and do not stand alone as a subject.
        // Nor a country's team ("Scotland, who resumed on 80 for three, …").
        age_or_who: (age || relative)
            && !(text.ends_with("ese") || text.ends_with("ish"))
            && !lexicon::is_country(&text)
            && !prev_word.is_some_and(|p| p.eq_ignore_ascii_case("the")),
        named_body: body_before_comma,
        appositive,
        role_before: role_before_comma.then(|| word(doc, &toks[start - 2]).to_string()),
        span: Span::new(span_start, toks[end - 1].span.end),
        text,
    })
}

/// A capitalised common word at a sentence start that is no part of a name: frequent in
/// English text and not a given name or a title ("Leading", "Plus", "Even"). Before a
/// given name a less frequent common word is no part of it either ("Writers Ana
/// Ruiz, …").
fn is_common_opener_before(w: &str, next: &str) -> bool {
    let threshold = if lexicon::is_given_name(next) { 1.0 } else { 20.0 };
    !lexicon::is_given_name(w)
        && !lexicon::is_common_surname(w)
        && !lexicon::is_family_first(w)
        && !lexicon::is_title(w)
        && !names::is_particle(&if w.is_ascii() { crate::chars::ascii_lowercase(w) } else { w.to_lowercase().into() })
        && lexicon::per_million(w) >= threshold
}

/// How many leading words of a run are a place or a group before a name ("Virginia
/// Democratic", "South Carolina Republican Tim Scott", "Latino Republicans"): at most all
/// but the last. A given name followed by a name is a name ("Virginia Foxx").
fn place_or_group_prefix(words: &[&str]) -> usize {
    let mut k = 0;
    'outer: while k + 1 < words.len() {
        for n in (1..=3.min(words.len() - 1 - k)).rev() {
            let phrase = crate::chars::joined(&words[k..k + n]);
            let given = n == 1 && lexicon::is_given_name(words[k]) && !is_non_person_word(words[k + 1]);
            if lexicon::is_place(&phrase) && !given {
                k += n;
                continue 'outer;
            }
        }
        if lexicon::is_group_word(words[k]) {
            k += 1;
            continue;
        }
        break;
    }
    k
}

/// A word that never names a person: a group, a place, a demonym or an acronym.
fn is_non_person_word(w: &str) -> bool {
    let bare = crate::chars::trim_possessive(w);
    lexicon::is_group_word(bare)
        || lexicon::is_place(bare)
        || lexicon::country_of(bare).is_some()
        || bare.strip_suffix('s').is_some_and(|b| lexicon::country_of(b).is_some())
        || (bare.chars().count() >= 2 && bare.chars().all(|c| c.is_ascii_uppercase() || c == '.'))
}

/// Local government nouns that name places as often as the bodies that run them.
const LOCALITIES: &[&str] =
    &["city", "town", "county", "municipality", "borough", "township", "village", "province", "prefecture", "district"];

fn is_place_noun(w: &str) -> bool {
    lexicon::is_place_noun(w)
}

/// ", director of the China program at …" or ", a spokeswoman for …": the words of an
/// appositive after a name, up to the next comma or sentence end.
fn appositive(doc: &Document, toks: &[Tok], end: usize) -> Option<(Span, String)> {
    if !toks.get(end).is_some_and(|t| t.is_punct(',')) {
        return None;
    }
    // ("Ana Ruiz, 63, a retired welder": an age first.)
    let age = toks.get(end + 2).is_some_and(|t| t.is_punct(','))
        && toks.get(end + 1).is_some_and(|t| t.is_word() && word(doc, t).bytes().all(|b| b.is_ascii_digit()));
    let (comma, end) = (end, if age { end + 2 } else { end });
    let first = toks.get(end + 1).filter(|t| t.is_word())?;
    let fw = word(doc, first);
    let possessive = (fw.ends_with("'s") || fw.ends_with("’s"))
        && toks[end + 2..].iter().take(3).any(|t| t.is_word() && lexicon::is_title(word(doc, t)));
    let opener = possessive
        || matches!(fw, "a" | "an" | "the" | "who" | "one")
        || lexicon::is_title(fw) && fw.chars().next().is_some_and(char::is_lowercase);
    if !opener {
        return None;
    }
    let mut last = end + 1;
    let mut head = None;
    for (k, t) in toks.iter().enumerate().skip(end + 1) {
        if !t.is_word() {
            break;
        }
        let w = word(doc, t);
        if head.is_none() && lexicon::is_title(w) && w.chars().next().is_some_and(char::is_lowercase) {
            // ("a former mayor of Kellan": "the former mayor" names the person too.)
            let modifier = k > end + 1
                && toks[k - 1].is_word()
                && matches!(word(doc, &toks[k - 1]), "former" | "deputy" | "acting" | "interim" | "retired");
            head = Some(if modifier { format!("{} {w}", word(doc, &toks[k - 1])) } else { w.to_string() });
        }
        last = k;
    }
    let head = head?;
    Some((Span::new(toks[comma].span.start, toks[last].span.end), head))
}

#[cfg(test)]
mod tests {
    use crate::document::{Document, Format};
    use crate::entities::EntityKind;

    fn kinds(text: &str) -> Vec<(String, EntityKind)> {
        let doc = Document::parse("t.txt".as_ref(), text.to_string(), Format::Text);
        crate::analyze(doc).entities.entities.into_iter().map(|e| (e.name, e.kind)).collect()
    }

    #[test]
    fn a_title_case_headline_names_only_the_people_the_body_knows() {
        let found = kinds(
            "Ana Ruiz Slams Tomas Greer Over Harbor Budget\n\nCouncil member Ana Ruiz criticized the budget on Monday, and Greer, the mayor, said it would pass. Ruiz said she would vote no.\n",
        );
        let names: Vec<&str> = found.iter().map(|(n, _)| n.as_str()).collect();
        assert!(names.contains(&"Ana Ruiz") && names.contains(&"Tomas Greer"), "{found:?}");
        assert!(names.iter().all(|n| !n.contains("Slams") && !n.contains("Over")), "{found:?}");
        // a sentence-case headline is read as it stands
        let found = kinds("Ana Ruiz wins council seat\n\nAna Ruiz won the seat on Monday, said Tomas Greer.\n");
        assert!(found.iter().any(|(n, k)| n == "Ana Ruiz" && *k == EntityKind::Person), "{found:?}");
    }

    #[test]
    fn a_run_ending_in_a_group_is_no_person() {
        let found = kinds("Senate Republicans said the vote would wait. House GOP leaders agreed, said Carter Whitfield III and Joel Park.");
        let person = |name: &str| found.iter().any(|(n, k)| n == name && *k == EntityKind::Person);
        assert!(!person("Senate Republicans") && !person("House GOP"), "{found:?}");
        // a suffix and a surname that is also a place word still make a person
        assert!(person("Carter Whitfield III") && person("Joel Park"), "{found:?}");
    }

    #[test]
    fn a_team_and_a_contraction_are_no_person() {
        let found = kinds(
            "The Chicago Bulls lost, said Priya Hollands. And I've not seen a crowd like it, said Joel Marchetti.",
        );
        let person = |name: &str| found.iter().any(|(n, k)| n == name && *k == EntityKind::Person);
        assert!(!person("Chicago Bulls") && person("Priya Hollands"), "{found:?}");
        assert!(found.iter().all(|(n, _)| !n.contains("I've")), "{found:?}");
        assert!(person("Joel Marchetti"), "{found:?}");
        // a run ending in a common plural noun is a group
        let found =
            kinds("Faith Republicans met on Monday, and Harbor Teachers, a union, said Ana Sanders would speak.");
        let person = |name: &str| found.iter().any(|(n, k)| n == name && *k == EntityKind::Person);
        assert!(!person("Faith Republicans") && !person("Harbor Teachers") && person("Ana Sanders"), "{found:?}");
    }

    #[test]
    fn a_run_ending_in_a_common_word_names_a_thing_and_a_titled_bank_a_person() {
        let found = kinds(
            "Harbor Week is written by the staff of the Courier. Council President Rose Bank, who chairs the panel, spoke. Elizabeth Banks and Tomas Greer also spoke.",
        );
        let person = |name: &str| found.iter().any(|(n, k)| n == name && *k == EntityKind::Person);
        assert!(!person("Harbor Week"), "{found:?}");
        assert!(person("Rose Bank") && person("Elizabeth Banks") && person("Tomas Greer"), "{found:?}");
    }
}
