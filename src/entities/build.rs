//! Building `Entities` from the runs: people first (longest names first, so shorter
//! forms fold into them), then each person's surname, then every run as a mention of a
//! person or a body, or as a loose name-like word; and `add_mention`, with which
//! attribution records the pronoun and descriptor mentions it resolves.

use super::article;
use super::runs::{find_runs, role_appositive, Run};
use super::{names, Entities, Entity, EntityKind, Mention, MentionKind};
use super::{HashMap, HashSet};
use crate::document::{BlockKind, Document, Span};
use crate::lexicon::{self, Pronoun};
use crate::quotes::narrative::BlockTokens;
use crate::quotes::Quote;

impl Entities {
    pub fn build(doc: &Document, quotes: &[Quote], tokens: &BlockTokens) -> Entities {
        let runs = find_runs(doc, quotes, tokens);
        // Every run's text lowered once, for the sets below that compare names case-blind:
        // all into one string (an ASCII name lowered in place), each a slice of it.
        let mut arena = String::with_capacity(runs.iter().map(|r| r.text.len()).sum());
        let mut ends = Vec::with_capacity(runs.len());
        for r in &runs {
            if r.text.is_ascii() {
                let at = arena.len();
                arena.push_str(&r.text);
                arena[at..].make_ascii_lowercase();
            } else {
                arena.push_str(&crate::chars::lowercase(&r.text));
            }
            ends.push(arena.len());
        }
        let lowers: Vec<&str> = ends
            .iter()
            .scan(0, |start, &end| {
                let lower = &arena[*start..end];
                *start = end;
                Some(lower)
            })
            .collect();
        let lowered = || runs.iter().zip(lowers.iter().copied());
        let mut ents = Entities::default();
        let mut by_name: HashMap<&str, usize> = HashMap::default();
        let mut suffixes: HashSet<&str> = HashSet::default();
        // Forms used as the subject of a speech verb ("Van der Berg said"): a longer name
        // ending in one of them names a person even without a title or appositive.
        let speaking: HashSet<&str> = lowered().filter(|(r, _)| r.speaks).map(|(_, lower)| lower).collect();
        let ends_in_speaker = |text: &str| {
            crate::chars::with_lowercase(text, |lower| {
                // "Thomas Whitaker Jr." ends in "Whitaker" for this purpose.
                let lower = ["jr.", "jr", "sr.", "sr", "ii", "iii", "iv"]
                    .iter()
                    .find_map(|s| lower.strip_suffix(s).and_then(|l| l.strip_suffix(' ')))
                    .unwrap_or(lower);
                // A country that speaks ("Scotland said") does not make "Cricket Scotland" a
                // person.
                lower.match_indices(' ').any(|(i, _)| {
                    speaking.contains(&lower[i + 1..]) && !text.get(i + 1..).is_some_and(lexicon::is_country)
                })
            })
        };
        // "Delta Misr" where the article also names "Delta Misr Bank": the body's short
        // form, not a person, unless a title or an appositive says otherwise.
        // Every shorter leading part of a body's name, looked up in constant time.
        let mut body_prefixes: HashSet<&str> = HashSet::default();
        for (_, lower) in lowered().filter(|(r, _)| r.body_like && r.text.contains(' ')) {
            body_prefixes.extend(lower.match_indices(' ').map(|(i, _)| &lower[..i]));
        }
        // A name the copy sets off after a body noun stays that body's everywhere.
        let named_bodies: HashSet<&str> = lowered().filter(|(r, _)| r.named_body).map(|(_, lower)| lower).collect();
        let short_body = |r: &Run| {
            !r.has_person_title
                && r.appositive.is_none()
                && crate::chars::with_lowercase(&r.text, |lower| {
                    body_prefixes.contains(lower) || named_bodies.contains(lower)
                })
        };
        // The first words of every longer name: "Tomas" alone may be Tomas Greer's. (The
        // first word of the lowered text is the first word lowered: lowering maps a space to
        // itself and nothing else to a space, and a final sigma before a space is final.)
        let given_firsts: HashSet<&str> =
            lowered().filter_map(|(_, lower)| lower.split_once(' ').map(|(first, _)| first)).collect();
        // "Tomas rows every morning. “…,” Tomas said": a lone given name that speaks, no ordinary word or place and no
        // part of a longer name in the article, is a person known by that name alone. So is a
        // lone surname that speaks ("Greer said"), or any lone name a person's pronoun
        // follows in its sentence; not when "it" or "its" does ("Ford said its …").
        // ("Bill said" where the article also writes "the bill": the word, not a name.)
        let lone_given_names: HashSet<&str> = {
            let mut seen: HashSet<&str> = HashSet::default();
            for r in runs.iter().filter(|r| {
                r.speaks
                    && !r.text.contains(' ')
                    && !lexicon::is_place(&r.text)
                    && !lexicon::is_country(&r.text)
                    && !lexicon::is_group_word(&r.text)
                    && !names::is_demonym(&r.text)
                    && !r.body_like
                    && {
                        let named = lexicon::is_given_name(&r.text)
                            && !crate::chars::with_lowercase(&r.text, |lower| given_firsts.contains(lower))
                            || lexicon::is_common_surname(&r.text) && !lexicon::is_given_name(&r.text);
                        match article::pronoun_after(doc, r.span) {
                            // "Ford said its …": a body.
                            Some(false) => false,
                            // "Brannagh cheerfully told the jury that his vote …": a person's pronoun
                            // follows a rare word, and a verb follows it at once (not
                            // "Perhaps, he said", nor "Allies say he …").
                            Some(true) => {
                                named
                                    || lexicon::per_million(&r.text) < 1.0
                                        && !r.text.ends_with('s')
                                        && doc.prose()[r.span.end..].starts_with(' ')
                            }
                            None => named,
                        }
                    }
            }) {
                // (At most eight names, each one pass over the prose: linear.)
                if seen.len() < 8 {
                    seen.insert(r.text.as_str());
                }
            }
            seen.retain(|name| !article::has_lowercase_word(doc.prose(), name));
            // ("Greer" beside "Dana Greeer": a misspelt surname, which the name rule reports,
            // not a second person.)
            if !seen.is_empty() {
                // (Any word after the first, suffixes aside: "Villanueva" in "Ernesto
                // Villanueva Jr.", either family name of "Marisol Carvajal Prado".)
                let lasts: HashSet<&str> =
                    runs.iter().flat_map(|r| r.text.split(' ').skip(1).filter(|w| !names::is_suffix(w))).collect();
                seen.retain(|name| !lasts.iter().any(|last| names::is_variant(name, last)));
            }
            seen
        };
        let lone_given = |r: &Run| lone_given_names.contains(r.text.as_str());
        // Pass 1: people, longest names first so shorter forms fold into them.
        // (Each with its number of words, the sort's key, counted once.)
        let mut candidates: Vec<(&Run, &str, usize)> = lowered()
            .filter(|(r, _)| !short_body(r) && !r.non_person)
            .filter(|(r, _)| {
                let multi = r.text.contains(' ');
                // One-name people ("Brazilian winger Tavinho") need a person's title,
                // or an appositive role: "Kolade, the singer who …".
                // A name that speaks elsewhere is a person even after "by" ("produced by
                // Carter Whitfield III … Whitfield said").
                (multi && (r.person_evidence || !r.body_noun && ends_in_speaker(&r.text)))
                    || (!multi
                        && (r.has_person_title || role_appositive(doc, r) || r.age_or_who || lone_given(r))
                        && !r.body_like)
            })
            .map(|(r, lower)| (r, lower, r.text.split(' ').count()))
            .collect();
        candidates.sort_by_key(|&(_, _, words)| std::cmp::Reverse(words));
        for (run, lower, _) in candidates {
            let parts: Vec<&str> = run.text.split(' ').collect();
            if by_name.contains_key(lower) {
                continue;
            }
            // A shorter form of a longer name already seen (Ruiz Ortega / Ana Ruiz Ortega).
            if suffixes.contains(lower) {
                continue;
            }
            for (i, _) in lower.match_indices(' ') {
                suffixes.insert(&lower[i + 1..]);
            }
            let id = ents.entities.len();
            by_name.insert(lower, id);
            let mut person = Entity::new(run.text.clone(), EntityKind::Person);
            person.parts = parts.iter().map(|s| s.to_string()).collect();
            ents.entities.push(person);
        }
        // A longer full name seen later absorbs a shorter one seen first.
        learn_surnames(&mut ents, &lowers);
        ents.index_forms();
        // Pass 2: every run becomes a mention of a person, or a body.
        for run in &runs {
            // A place or group word still names a person the article introduced with it
            // ("João Vitor Albuquerque" … "Albuquerque said").
            // ("Mr. Kang" is not the daughter introduced since as "his daughter, Kang …".)
            let honorific = run.title_words.iter().find_map(|w| gender_of_title(w)).or_else(|| {
                let before = doc.prose()[..run.span.start].trim_end();
                before.rsplit(char::is_whitespace).next().and_then(|w| match w {
                    "Mr." | "Mr" => Some(Pronoun::He),
                    "Mrs." | "Mrs" | "Ms." | "Ms" | "Miss" => Some(Pronoun::She),
                    _ => None,
                })
            });
            let Some(id) = ents.person_for_gendered(&run.text, run.span.start, honorific) else {
                // A lone capitalised word that matches no one may misspell a surname,
                // unless it is an ordinary word, a place or a group.
                if !ents.add_body(doc, run)
                    && !run.text.contains(' ')
                    && !run.non_person
                    && lexicon::per_million(&run.text) < 10.0
                {
                    ents.loose.push((run.span, run.text.clone()));
                }
                continue;
            };
            let e = &mut ents.entities[id];
            let kind = if crate::chars::eq_lowercase(&run.text, &e.name)
                || run.text.split(' ').count() > 1 && e.name.ends_with(&run.text) && run.title.is_some()
            {
                MentionKind::Full
            } else {
                MentionKind::Surname
            };
            if !run.title_words.is_empty() {
                let title = run.title_words.join(" ");
                if !e.titles.contains(&title) {
                    e.titles.push(title);
                }
            }
            if e.gender.is_none() {
                e.gender = honorific.or_else(|| kin_before(doc, run.span.start));
            }
            // A given name that almost always goes with one pronoun ("Diego Salas").
            if e.gender.is_none() && (e.parts.len() >= 2 || lexicon::is_given_name(&e.parts[0])) {
                e.gender = lexicon::given_name_gender(&e.parts[0]);
            }
            // "Brenwyth Dollard, who farms near Kellan, said she and her husband …": the
            // speaker's own family shows the speaker's gender (before a courtesy title on a
            // later mention, "Mr Dollard", can name her husband).
            if e.gender.is_none() && kind == MentionKind::Full && run.text.contains(' ') {
                e.gender = pronoun_after_saying(doc.prose(), run.span.end);
            }
            if let Some(d) = run.role_before.as_ref().filter(|d| !e.descriptors.contains(d)) {
                e.descriptors.push(d.clone());
            }
            if let Some((span, d)) = &run.appositive {
                if e.affiliation.is_none() {
                    e.affiliation = affiliation(doc.text(*span));
                }
                if !e.descriptors.contains(d) {
                    e.descriptors.push(d.clone());
                }
                if e.gender.is_none() {
                    e.gender = d.split(' ').find_map(gender_of_title);
                }
            }
            let intro = match (run.title, run.appositive.as_ref()) {
                (Some(t), Some((a, _))) => Some(t.cover(*a)),
                (Some(t), None) => Some(t.cover(run.span)),
                (None, Some((a, _))) => Some(run.span.cover(*a)),
                (None, None) => None,
            };
            e.mentions.push(Mention {
                start: run.span.start,
                end: run.span.end,
                kind,
                intro,
                in_heading: matches!(doc.blocks[run.block].kind, BlockKind::Heading | BlockKind::Caption),
                block: run.block,
            });
        }
        ents.index_mentions();
        ents.index_descriptors(doc, quotes, tokens);
        ents.byline = super::article::byline(doc);
        ents
    }

    fn add_body(&mut self, doc: &Document, run: &Run) -> bool {
        let last = run.text.rsplit(' ').next().unwrap_or("");
        let kind = if run.text.split(' ').all(lexicon::is_capital) {
            EntityKind::PlaceAsBody
        } else if lexicon::is_body_noun(last) || run.text.split(' ').count() > 1 {
            EntityKind::Organization
        } else {
            return false;
        };
        let id = match crate::chars::with_lowercase(&run.text, |lower| self.bodies.get(lower).copied()) {
            Some(id) => id,
            None => {
                self.bodies.insert(run.text.to_lowercase(), self.entities.len());
                self.entities.push(Entity::new(run.text.clone(), kind));
                self.entities.len() - 1
            }
        };
        self.entities[id].mentions.push(Mention {
            start: run.span.start,
            end: run.span.end,
            kind: MentionKind::Full,
            intro: None,
            in_heading: matches!(doc.blocks[run.block].kind, BlockKind::Heading | BlockKind::Caption),
            block: run.block,
        });
        true
    }

    /// Record a resolved mention (pronoun or descriptor) and learn gender from pronouns.
    /// It is kept apart from the name mentions until [`Entities::settle_mentions`].
    pub fn add_mention(&mut self, id: usize, span: Span, kind: MentionKind, block: usize, pronoun: Option<Pronoun>) {
        let e = &mut self.entities[id];
        let taken = |ms: &[Mention]| {
            let pos = ms.partition_point(|m| m.start < span.start);
            (pos, ms.get(pos).is_some_and(|m| m.start == span.start))
        };
        // Resolution runs in document order, so this appends.
        let (pos, added) = taken(&e.added);
        if added || taken(&e.mentions).1 {
            return;
        }
        if let Some(p @ (Pronoun::He | Pronoun::She)) = pronoun {
            e.gender.get_or_insert(p);
        }
        e.added.insert(pos, Mention { start: span.start, end: span.end, kind, intro: None, in_heading: false, block });
        if kind != MentionKind::Pronoun {
            let at = e.added_named.partition_point(|&s| s < span.start);
            e.added_named.insert(at, span.start);
        }
    }

    /// Merge the mentions attribution added into each entity's `mentions`, which stay
    /// sorted by start (no two share a start: `add_mention` skips a taken one).
    pub(crate) fn settle_mentions(&mut self) {
        for e in self.entities.iter_mut().filter(|e| !e.added.is_empty()) {
            let names = std::mem::take(&mut e.mentions);
            let added = std::mem::take(&mut e.added);
            e.added_named = Vec::new();
            let mut merged = Vec::with_capacity(names.len() + added.len());
            let (mut names, mut added) = (names.into_iter().peekable(), added.into_iter().peekable());
            while let (Some(n), Some(a)) = (names.peek(), added.peek()) {
                let next = if n.start < a.start { names.next() } else { added.next() };
                merged.extend(next);
            }
            merged.extend(names);
            merged.extend(added);
            e.mentions = merged;
        }
    }
}

fn gender_of_title(word: &str) -> Option<Pronoun> {
    crate::chars::with_lowercase(word, |lower| match lower.trim_end_matches('.') {
        "mr" | "spokesman" | "chairman" | "king" | "prince" | "father" | "sheikh" | "emir" | "sultan" => {
            Some(Pronoun::He)
        }
        "mrs" | "ms" | "spokeswoman" | "chairwoman" | "queen" | "princess" | "sister" => Some(Pronoun::She),
        _ => None,
    })
}

/// The gender a kinship word right before a name gives: "his daughter, Kang Eun-ji",
/// "her husband Tomas Greer".
/// The gender a name ending at `end` shows by what it says of its own family: "X said
/// she and her husband …", "X, a potter, told reporters he and his son …", maybe past one
/// comma-bounded appositive or relative clause (a speech verb with an object other than
/// "reporters" stops the reading).
fn pronoun_after_saying(prose: &str, end: usize) -> Option<Pronoun> {
    let rest = prose.get(end..)?;
    let rest = match rest.strip_prefix(',') {
        // (The appositive's closing comma, within 200 bytes and the sentence.)
        Some(inner) => {
            let close = inner
                .char_indices()
                .take_while(|&(i, _)| i < 200)
                .find(|&(_, c)| matches!(c, ',' | '.' | '"' | '“' | '”' | '\n'))?;
            if close.1 != ',' {
                return None;
            }
            &inner[close.0 + 1..]
        }
        None => rest,
    };
    let mut words = rest.split(' ').filter(|w| !w.is_empty());
    let verb = words.next()?;
    if !lexicon::is_speech_verb(verb) || !verb.ends_with('d') && !verb.ends_with('s') {
        return None;
    }
    let mut next = words.next()?;
    if verb == "told" && next == "reporters" {
        next = words.next()?;
    }
    if next == "that" {
        next = words.next()?;
    }
    // Only with the family the speaker names as their own: "said she and her husband",
    // "said he and his daughter". A bare "said she was exacting" may be about someone
    // else (an obituary's subject).
    let after: Vec<&str> = words.take(3).collect();
    let own = |possessive: &str| {
        after.first() == Some(&"and")
            && after.get(1) == Some(&possessive)
            && after.get(2).is_some_and(|kin| {
                let kin = kin.trim_end_matches([',', '.']);
                matches!(
                    kin,
                    "husband"
                        | "wife"
                        | "partner"
                        | "son"
                        | "sons"
                        | "daughter"
                        | "daughters"
                        | "children"
                        | "family"
                        | "brother"
                        | "sister"
                        | "mother"
                        | "father"
                        | "parents"
                        | "kids"
                )
            })
    };
    match next {
        "she" if own("her") => Some(Pronoun::She),
        "he" if own("his") => Some(Pronoun::He),
        _ => None,
    }
}

fn kin_before(doc: &Document, start: usize) -> Option<Pronoun> {
    let prose = doc.prose();
    let from = (start.saturating_sub(40)..start).find(|&i| prose.is_char_boundary(i)).unwrap_or(start);
    let before = prose[from..start].trim_end().trim_end_matches(',');
    let word = before.rsplit(|c: char| !c.is_alphabetic()).next().unwrap_or("");
    match word {
        "son" | "husband" | "father" | "brother" | "widower" | "uncle" | "nephew" | "grandson" | "grandfather"
        | "stepson" | "stepfather" => Some(Pronoun::He),
        "daughter" | "wife" | "mother" | "sister" | "widow" | "aunt" | "niece" | "granddaughter" | "grandmother"
        | "stepdaughter" | "stepmother" => Some(Pronoun::She),
        _ => None,
    }
}

/// Learn each person's surname: the shortest form of the name the article uses alone
/// (a suffix such as "Ruiz Ortega", or the first part in family-name-first order: "Xi").
/// A family's surname gives way, for a member the article also calls by their given name
/// ("Dana" beside Tomas Greer Sr. and Jr.), to that name, when the article
/// uses it alone about as often as the shared surname per member: the lone surname then
/// means the others. `lowers`: every run's text, lowered.
fn learn_surnames(ents: &mut Entities, lowers: &[&str]) {
    let mut counts: HashMap<&str, usize> = HashMap::default();
    for &lower in lowers {
        *counts.entry(lower).or_default() += 1;
    }
    // How many people's names hold each word (lowercased), for the family test.
    let mut holders: HashMap<String, usize> = HashMap::default();
    for e in ents.entities.iter().filter(|e| e.kind == EntityKind::Person) {
        let mut words: Vec<String> = e.parts.iter().map(|p| p.to_lowercase()).collect();
        words.sort();
        words.dedup();
        for w in words {
            *holders.entry(w).or_default() += 1;
        }
    }
    for e in &mut ents.entities {
        let all: Vec<&str> = e.parts.iter().map(String::as_str).collect();
        // Suffixes are not part of the surname: "Tobias Grünewald Jr." → "Grünewald".
        let mut n = all.len();
        while n > 2 && names::is_suffix(all[n - 1]) {
            n -= 1;
        }
        let parts = &all[..n];
        let mut best: Option<(String, usize)> = None;
        let mut candidates: Vec<String> = (1..parts.len()).map(|k| parts[k..].join(" ")).collect();
        candidates.push(parts[0].to_string());
        // A middle part used alone: the first of two Spanish surnames ("Loayza" for
        // Carmen Loayza Paredes).
        candidates
            .extend(parts.get(1..parts.len().saturating_sub(1)).unwrap_or_default().iter().map(|p| p.to_string()));
        let person = e.kind == EntityKind::Person;
        // Each form's lone uses, and how many people's names hold it (a form of several
        // words: the fewest that hold any of its words).
        let scored: Vec<(String, usize, usize)> = candidates
            .into_iter()
            .map(|c| {
                let n = crate::chars::with_lowercase(&c, |lower| counts.get(lower).copied()).unwrap_or(0);
                let people = c
                    .split(' ')
                    .map(|w| crate::chars::with_lowercase(w, |l| holders.get(l).copied()).unwrap_or(0))
                    .min()
                    .unwrap_or(0);
                (c, n, if person { people } else { 1 })
            })
            .collect();
        // The shared form's lone uses per holder: an own form used as often wins.
        // (Only for a member of a family the article calls by its surname alone.)
        let family = scored.iter().any(|s| s.2 >= 2 && s.1 > 0);
        let shared = scored.iter().filter(|s| s.2 >= 2).map(|s| s.1 / s.2).max().unwrap_or(0);
        let mut best_own = false;
        for (c, n, people) in scored {
            // (A given name: a word of a resort's or a firm's name is no one's own form.)
            let mine = family && people < 2 && n > 0 && n >= shared && c == parts[0] && lexicon::is_given_name(&c);
            if n > 0 && best.as_ref().is_none_or(|(_, bn)| (mine, n) > (best_own, *bn)) {
                best = Some((c, n));
                best_own = mine;
            }
        }
        e.surname_learnt = best.is_some();
        // Not shown by the article: "Lin Mei", "Park Ji-hoon" put the family name first
        // when the first part is a family name of those traditions and the last is not.
        // Names that are also Western given names (Kim Davis, Lee Harris) count only with
        // a hyphenated given name (Kim Yeon-woo).
        let ambiguous = matches!(
            parts[0],
            "Kim"
                | "Lee"
                | "Min"
                | "Mai"
                | "Long"
                | "Song"
                | "Ha"
                | "Do"
                | "Le"
                | "Ma"
                | "Ho"
                | "Chang"
                | "Han"
                | "Dong"
        );
        let family_first = parts.len() == 2
            && lexicon::is_family_first(parts[0])
            && !lexicon::is_family_first(parts[1])
            && (!ambiguous || parts[1].contains('-'));
        let default =
            if family_first { parts[0].to_string() } else { parts[names::default_surname(parts)..].join(" ") };
        e.surname = Some(best.map(|(c, _)| c).unwrap_or(default));
    }
}

/// The body named in an appositive: the capitalised name after "of", "at", "for" or
/// "with" ("director of the China program at the Stimson Center" → "Stimson Center"
/// is not reached: the first one wins, "China"), or a possessive body noun ("the
/// company's vice president" → "the company").
fn affiliation(appositive: &str) -> Option<String> {
    let words: Vec<&str> =
        appositive.split(|c: char| c.is_whitespace() || c == ',').filter(|w| !w.is_empty()).collect();
    let mut candidates: Vec<String> = Vec::new();
    for (i, w) in words.iter().enumerate() {
        if let Some(stem) = w.strip_suffix("'s").or_else(|| w.strip_suffix("’s")) {
            if lexicon::is_body_noun(stem) && stem.chars().all(char::is_lowercase) {
                return Some(format!("the {stem}"));
            }
        }
        if matches!(*w, "of" | "at" | "for" | "with") {
            // "a researcher at the institute": the body named by its noun.
            if let (Some(&"the"), Some(noun)) = (words.get(i + 1), words.get(i + 2)) {
                let noun = noun.trim_end_matches(|c: char| !c.is_alphanumeric());
                if lexicon::is_body_noun(noun) && noun.chars().all(char::is_lowercase) {
                    candidates.push(format!("the {noun}"));
                    continue;
                }
            }
            // Past "the", "-based" and a few lowercase words: "at the Washington-based
            // think tank Stimson Center" → "Stimson Center".
            let rest = words[i + 1..]
                .iter()
                .enumerate()
                .skip_while(|(k, w)| {
                    *k < 5
                        && (**w == "the" || w.ends_with("-based") || w.chars().next().is_some_and(char::is_lowercase))
                })
                .map(|(_, w)| w);
            let name: Vec<&str> = rest.take_while(|w| names::is_name_word(w) || **w == "&").copied().collect();
            if !name.is_empty() {
                candidates.push(name.join(" "));
            }
        }
    }
    // "director of the China program at the Stimson Center": the name that is a body
    // (its last word an organisation word) wins over a topic; else the last one named.
    let body = |c: &String| c.rsplit(' ').next().is_some_and(|w| lexicon::is_place_noun(w) || lexicon::is_body_noun(w));
    candidates.iter().find(|c| body(c)).or(candidates.last()).cloned()
}
