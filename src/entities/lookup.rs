//! The indexes `Entities` keeps (name forms, mention positions, roles) and the look-ups
//! attribution makes on them: a person by name or misspelt surname, by descriptor ("the
//! minister"), or by position for a pronoun (the last person before, the subject of the
//! latest sentence).

use super::clauses::{
    asked_between, closes_quote, main_clause_start, mentions_pronoun, role_between, starts_with_pronoun,
    topic_opener_end,
};
use super::names;
use super::{Entities, Entity, EntityKind, Mention, MentionKind};
use crate::document::{Document, Span};
use crate::lexicon::{self, Pronoun};
use crate::quotes::narrative::BlockTokens;
use crate::quotes::Quote;

impl Entities {
    /// "the judge", "the senior prosecutor": a role the article gave one person stands for
    /// them wherever it appears, so "The judge paused. “…,” she said." finds her. These
    /// go into the position index only; the person's own mentions stay names.
    pub(super) fn index_descriptors(&mut self, doc: &Document, quotes: &[Quote], tokens: &BlockTokens) {
        let before = self.index.len();
        let mut buf = Vec::new();
        for bi in 0..doc.blocks.len() {
            let toks = tokens.get(doc, bi, quotes, &mut buf);
            for (i, t) in toks.iter().enumerate() {
                if !t.is_word() || !matches!(doc.text(t.span), "the" | "The") {
                    continue;
                }
                // Up to two lowercase words after "the"; the last is the role. (On the
                // stack, and the role looked up as a slice: this runs at every "the".)
                let mut next = [t; 2];
                let mut count = 0;
                for w in toks[i + 1..].iter().take(2).take_while(|t| t.is_word()) {
                    next[count] = w;
                    count += 1;
                }
                let words = &next[..count];
                let found = (1..=words.len()).rev().find_map(|n| {
                    let mut phrase = [""; 2];
                    for (p, t) in phrase.iter_mut().zip(&words[..n]) {
                        *p = doc.text(t.span);
                    }
                    let phrase = &phrase[..n];
                    if !phrase.iter().all(|w| w.chars().all(|c| c.is_lowercase() || c == '-')) {
                        return None;
                    }
                    let last = expanded_title(phrase[n - 1]);
                    // A role many people share ("the minister" in an archive of stories)
                    // names no one in particular; it also keeps this pass linear.
                    let few = self.roles.get(last).is_some_and(|ids| ids.len() <= 8);
                    if !few || !lexicon::is_title(last) || lexicon::is_body_noun(last) {
                        return None;
                    }
                    let id = self.by_descriptor(phrase, t.span.start)?;
                    (self.entities[id].kind == EntityKind::Person).then_some((id, words[n - 1].span.end))
                });
                if let Some((id, end)) = found {
                    self.index.push((t.span.start, end, id, bi));
                }
            }
        }
        if self.index.len() > before {
            self.index.sort_unstable();
        }
    }

    /// The person a name refers to at `offset`: by full name, or by surname form; with
    /// two people sharing a surname, the one mentioned most recently before.
    pub fn person_for(&self, name: &str, offset: usize) -> Option<usize> {
        self.person_for_gendered(name, offset, None)
    }

    /// As [`person_for`](Self::person_for), preferring among people of one name those an
    /// honorific fits ("Mrs. Ruiz" when a husband and a wife share the surname).
    pub fn person_for_gendered(&self, name: &str, offset: usize, gender: Option<Pronoun>) -> Option<usize> {
        let ids = crate::chars::with_lowercase(name, |lower| self.forms.get(lower))?;
        // Most names are one person's: that person, without building the pool.
        if let [id] = ids[..] {
            return Some(id);
        }
        let fitting = |id: &usize| gender.is_none_or(|g| self.entities[*id].gender.is_none_or(|e| e == g));
        // (One known to be of that gender before one whose gender is unknown.)
        let exact = |id: &usize| gender.is_some() && self.entities[*id].gender == gender;
        let pool: Vec<usize> = if ids.iter().any(exact) {
            ids.iter().copied().filter(exact).collect()
        } else if ids.iter().any(fitting) {
            ids.iter().copied().filter(fitting).collect()
        } else {
            ids.clone()
        };
        // A surname alone that two people share is the one the article has already called
        // by it ("Greer" is the coach the profile is about, not his wife introduced
        // since; nor a daughter the article calls by her given name); then the one
        // mentioned last.
        let bare = !name.contains(' ') && pool.len() > 1;
        let called = |id: usize| {
            bare && {
                let e = &self.entities[id];
                e.surname.as_deref().is_some_and(|s| s.eq_ignore_ascii_case(name)) && {
                    let idx = e.mentions.partition_point(|m| m.start < offset);
                    e.mentions[..idx].iter().any(|m| m.kind == MentionKind::Surname)
                }
            }
        };
        pool.into_iter().max_by_key(|&id| {
            (called(id), last_start(&self.entities[id], offset).map_or(0, |s| s + 1), std::cmp::Reverse(id))
        })
    }

    /// The person whose surname this lone word misspells ("Okafur said" after Chidi
    /// Okafor), when exactly one person fits.
    pub fn person_by_variant(&self, name: &str) -> Option<usize> {
        if name.contains(' ') {
            return None;
        }
        // The surname, or any later part of the name: the article may use either of two
        // family names ("Marisol Carvajal Prado" → "Carvajal").
        let fits = |e: &Entity| {
            e.kind == EntityKind::Person
                && (e.surname.as_deref().is_some_and(|s| names::is_variant(s, name))
                    || e.parts.iter().skip(1).any(|p| names::is_variant(p, name)))
        };
        // `is_variant` asks for the same first letter and at most two letters' difference
        // in length, so only those buckets of the index can hold a fit.
        let lower = crate::chars::lowercase(name);
        let (Some(first), n) = (lower.chars().next(), lower.chars().count()) else { return None };
        let mut candidates: Vec<usize> = (n.saturating_sub(2)..=n + 2)
            .filter_map(|len| self.variants.get(&(first, len)))
            .flatten()
            .filter(|(_, w)| names::is_variant(w, &lower))
            .map(|&(id, _)| id)
            .collect();
        candidates.sort_unstable();
        candidates.dedup();
        candidates.extend(self.variants_upto..self.entities.len());
        let mut found = candidates.into_iter().filter(|&id| fits(&self.entities[id]));
        let first = found.next();
        if found.next().is_some() {
            return None;
        }
        first
    }

    /// Index the words `person_by_variant` compares: each person's surname and later name
    /// parts, lowercase, by first letter and length.
    fn index_variants(&mut self) {
        self.variants.clear();
        for (id, e) in self.entities.iter().enumerate().filter(|(_, e)| e.kind == EntityKind::Person) {
            let mut words: Vec<String> =
                e.surname.iter().chain(e.parts.iter().skip(1)).map(|w| w.to_lowercase()).collect();
            words.sort_unstable();
            words.dedup();
            for w in words {
                if let Some(first) = w.chars().next() {
                    self.variants.entry((first, w.chars().count())).or_default().push((id, w));
                }
            }
        }
        self.variants_upto = self.entities.len();
    }

    /// Index every form a person's name takes: the full name, each shorter ending of it
    /// ("Ruiz Ortega", "Ortega"), and the surname the article uses (which may come first).
    pub(super) fn index_forms(&mut self) {
        self.index_variants();
        self.forms.clear();
        for (id, e) in self.entities.iter().enumerate().filter(|(_, e)| e.kind == EntityKind::Person) {
            let lower = crate::chars::lowercase(&e.name);
            let mut forms = vec![lower.clone()];
            forms.extend(lower.match_indices(' ').map(|(i, _)| lower[i + 1..].to_string()));
            if let Some(s) = &e.surname {
                forms.push(s.to_lowercase());
            }
            forms.sort();
            forms.dedup();
            for f in forms {
                self.forms.entry(f).or_default().push(id);
            }
        }
    }

    /// The writer of a first-person piece, from its byline: found, or made a person with
    /// the byline as the full mention, the first time the narrator speaks.
    pub fn author(&mut self) -> Option<usize> {
        let (span, name, block) = self.byline.clone()?;
        let lower = crate::chars::lowercase(&name);
        if let Some(id) = self.forms.get(&lower).and_then(|ids| ids.first().copied()) {
            return Some(id);
        }
        let id = self.entities.len();
        let mut e = Entity::new(name.clone(), EntityKind::Person);
        e.parts = name.split(' ').map(str::to_string).collect();
        e.surname = e.parts.last().cloned();
        e.narrator = true;
        e.mentions.push(Mention {
            start: span.start,
            end: span.end,
            kind: MentionKind::Full,
            intro: None,
            in_heading: false,
            block,
        });
        self.entities.push(e);
        // (The full name only: a source who shares the surname keeps it.)
        self.forms.entry(lower).or_default().push(id);
        let pos = self.index.partition_point(|m| m.0 < span.start);
        self.index.insert(pos, (span.start, span.end, id, block));
        Some(id)
    }

    /// Index mentions and roles once every name mention is known.
    pub(super) fn index_mentions(&mut self) {
        self.index.clear();
        self.roles.clear();
        for (id, e) in self.entities.iter().enumerate() {
            self.index.extend(
                e.mentions.iter().filter(|m| m.kind != MentionKind::Pronoun).map(|m| (m.start, m.end, id, m.block)),
            );
            for word in e.titles.iter().chain(&e.descriptors).flat_map(|d| d.split(' ')) {
                let word = word.to_lowercase();
                let word = crate::chars::trim_possessive(&word);
                let ids = self.roles.entry(expand_title(word)).or_default();
                if !ids.contains(&id) {
                    ids.push(id);
                }
            }
        }
        self.index.sort_unstable();
    }

    /// The body last mentioned in block `block` before `offset` ("they", "it").
    pub fn last_body_before(&self, offset: usize, block: usize) -> Option<usize> {
        let idx = self.index.partition_point(|m| m.1 <= offset);
        self.index[..idx]
            .iter()
            .rev()
            .take_while(|m| m.3 == block)
            .map(|m| ((), m.2))
            .find(|&(_, id)| self.entities[id].kind == EntityKind::Organization)
            .map(|(_, id)| id)
    }

    /// The person a pronoun most likely refers to: among the fitting people named in the
    /// latest sentence (of this paragraph or the one before) that names any, the first
    /// named — the subject position — rather than the last; with where its main clause starts.
    pub fn sentence_subject_before(&self, doc: &Document, offset: usize, pronoun: Pronoun) -> Option<(usize, usize)> {
        let here = doc.sentence_at(offset).or_else(|| doc.sentences.iter().rposition(|s| s.span.end <= offset))?;
        let block_before = |at: usize| doc.block_at(at).map_or(0, |b| doc.blocks[b.saturating_sub(1)].span.start);
        let mut floor = block_before(offset);
        let mut chain = 0;
        // (At most MAX_SENTENCES_BACK sentences: the search stays linear in the article.)
        for si in (0..=here).rev().take(MAX_SENTENCES_BACK) {
            let span = doc.sentences[si].span;
            if span.end < floor {
                break;
            }
            // A sentence whose subject is the same pronoun ("She appeared to imply that
            // Trump … than Clinton") is about the same person: its objects are not
            // candidates; look further back, to the paragraph before it too ("Ruiz spoke
            // first. ¶ She skirted … ¶ She also … ¶ “…,” she said."), over a few of them.
            // "Asked about her vote in the event that Greer …, she replied": the main
            // clause starts after an opening participle or subordinate clause, and a name
            // inside that opener is not the subject. ("Although he did not mention Greer,
            // he was blunt …": a pronoun subject after the opener chains the same way.)
            // "Of the criticism aimed at Ruiz, he said", "Asked about Ruiz, she said": in
            // the pronoun's own sentence, a name inside a prepositional or participial
            // opener right before it is what the sentence is about, not who speaks.
            let subject_at = if si < here { main_clause_start(doc, span) } else { topic_opener_end(doc, span, offset) };
            if si < here
                && (starts_with_pronoun(doc, span, pronoun)
                    || subject_at > span.start && starts_with_pronoun(doc, Span::new(subject_at, span.end), pronoun))
            {
                chain += 1;
                if chain <= MAX_PRONOUN_CHAIN {
                    floor = floor.min(block_before(span.start));
                }
                continue;
            }
            // (At most 3,000 bytes before the pronoun: a sentence longer than that is no
            // prose, and the scan stays linear.)
            let lo = self.index.partition_point(|m| m.0 < subject_at.max(span.end.min(offset).saturating_sub(3000)));
            // ("“…” -- that Greer is … -- “…,” he says": a pronoun that closes a quote
            // speaks it; a name in its sentence after the first quote opens is inside what
            // was said, or an aside, and no subject. "Hune saw it otherwise: “…,” he said"
            // keeps Hune.)
            let hi = if si == here && closes_quote(doc, offset) {
                // (At most 3,000 bytes back, as below: linear in a sentence of thousands.)
                let end = offset.clamp(span.start, span.end);
                let mut from = span.start.max(end.saturating_sub(3000));
                while !doc.prose().is_char_boundary(from) {
                    from += 1;
                }
                doc.prose()[from..end].find(['“', '"']).map_or(offset, |i| from + i)
            } else {
                offset
            };
            let hi = hi.min(span.end);
            let fitting: Vec<(usize, usize, usize)> = self.index[lo..]
                .iter()
                .take_while(|m| m.0 < hi)
                .filter(|m| m.1 <= hi && fits(&self.entities[m.2], pronoun))
                .take(2)
                .map(|m| (m.2, m.0, m.1))
                .collect();
            // "Obama consultant Cornell Belcher": a name modifying a role before the
            // person's own name is not the subject.
            // "Ruiz's campaign chairman, Tomas Greer, said": a possessive name before a role
            // and the name of who holds it is no subject ("Ruiz's article attacked Greer" keeps
            // Ruiz).
            let possessive = |at: usize, end: usize| {
                let name = doc.text(Span::new(at, end));
                name.ends_with("'s") || name.ends_with("’s")
            };
            let first = match fitting.as_slice() {
                [(_, _, end), (id2, at2, _), ..] if role_between(doc.text(Span::new(*end, *at2))) => Some((*id2, *at2)),
                [(_, at, end), (id2, at2, _), ..]
                    if possessive(*at, *end) && role_between(&doc.text(Span::new(*end, *at2)).replace(',', " ")) =>
                {
                    Some((*id2, *at2))
                }
                // "Hune asked Greer whether the fares would rise. “…,” he said": who was
                // asked answers.
                [(_, _, end), (id2, at2, _), ..] if si < here && asked_between(doc.text(Span::new(*end, *at2))) => {
                    Some((*id2, *at2))
                }
                [(id, at, _), ..] => Some((*id, *at)),
                [] => None,
            };
            if let Some((id, at)) = first {
                // "Asked about her own vote in the event that Greer …, she replied": a
                // pronoun of the same gender before the name already points back past it.
                if si == here && mentions_pronoun(&doc.prose()[span.start..at], pronoun) {
                    continue;
                }
                return Some((id, subject_at));
            }
        }
        None
    }

    /// Whether an entity is a person the pronoun can stand for.
    pub fn fits_pronoun(&self, id: usize, pronoun: Pronoun) -> bool {
        fits(&self.entities[id], pronoun)
    }

    /// The person last mentioned between `floor` and `offset` who fits a pronoun.
    pub fn last_person_before(&self, floor: usize, offset: usize, pronoun: Pronoun) -> Option<usize> {
        let idx = self.index.partition_point(|m| m.1 <= offset);
        // (The last 500 mentions: a pronoun does not reach further back, and the search
        // stays bounded when nobody fits.)
        self.index[idx.saturating_sub(500)..idx]
            .iter()
            .rev()
            .take_while(|m| m.0 >= floor)
            .map(|m| m.2)
            .find(|&id| fits(&self.entities[id], pronoun))
    }

    /// The first person who fits the pronoun with a mention inside `from..to`, and where.
    pub fn first_person_between(&self, from: usize, to: usize, pronoun: Pronoun) -> Option<(usize, usize)> {
        let lo = self.index.partition_point(|m| m.0 < from);
        self.index[lo..]
            .iter()
            .take_while(|m| m.0 < to)
            .find(|m| m.1 <= to && fits(&self.entities[m.2], pronoun))
            .map(|m| (m.2, m.0))
    }

    /// People with a mention inside `from..to` who fit the pronoun, in order of mention.
    pub fn people_between(&self, from: usize, to: usize, pronoun: Pronoun) -> Vec<usize> {
        let lo = self.index.partition_point(|m| m.0 < from);
        let mut out = Vec::new();
        for &(_, end, id, _) in self.index[lo..].iter().take_while(|m| m.0 < to) {
            if end <= to && fits(&self.entities[id], pronoun) && !out.contains(&id) {
                out.push(id);
            }
        }
        out
    }

    /// The person a descriptor ("the Kenyan leader", "the spokeswoman") refers to.
    pub fn by_descriptor(&self, words: &[&str], offset: usize) -> Option<usize> {
        let head = expand_title(&words.last()?.to_lowercase());
        let mods: Vec<String> = words[..words.len() - 1].iter().map(|w| expand_title(&w.to_lowercase())).collect();
        // "the Kenyan" for a person introduced as "Kenya's …": a demonym of a place word.
        let demonym = || {
            ["ian", "an", "ese", "ish", "i"].iter().find_map(|suffix| {
                let stem = head.strip_suffix(suffix)?;
                self.roles
                    .iter()
                    .find(|(k, _)| {
                        // Kenya/Kenyan, Brazil/Brazilian, Japan/Japanese, Iraq/Iraqi.
                        k.len() >= 4
                            && stem.len() >= 3
                            && k.len().abs_diff(stem.len()) <= 2
                            && (k.starts_with(stem) || stem.starts_with(k.as_str()))
                    })
                    .map(|(_, v)| v)
            })
        };
        // "the 23-year-old said": an age alone points at the person last named.
        if head.ends_with("-year-old") && mods.is_empty() {
            let before = self.index.partition_point(|m| m.0 < offset);
            return self.index[..before]
                .iter()
                .rev()
                .take(8)
                .map(|m| m.2)
                .find(|&id| self.entities[id].kind == EntityKind::Person);
        }
        let ids = self.roles.get(&head).or_else(demonym)?;
        ids.iter()
            .copied()
            .filter(|&id| mods.iter().all(|m| self.roles.get(m).is_some_and(|r| r.contains(&id))))
            .filter_map(|id| last_start(&self.entities[id], offset).map(|s| (id, s)))
            .max_by_key(|&(_, s)| s)
            .map(|(id, _)| id)
    }
}

/// Sentences opening on the same pronoun that a pronoun's search for its person looks
/// back over, each letting it reach one paragraph further.
const MAX_PRONOUN_CHAIN: usize = 6;

/// Sentences a pronoun's search for its person reads back at most.
const MAX_SENTENCES_BACK: usize = 40;

/// Start of the entity's last mention (pronouns excluded) at or before `offset`.
/// (Of the name mentions and those attribution has added so far.)
fn last_start(e: &Entity, offset: usize) -> Option<usize> {
    let idx = e.mentions.partition_point(|m| m.start <= offset);
    let named = e.mentions[..idx].iter().rev().find(|m| m.kind != MentionKind::Pronoun).map(|m| m.start);
    let added = e.added_named[..e.added_named.partition_point(|&s| s <= offset)].last().copied();
    named.max(added)
}

/// A person fits a pronoun when the gender is unknown or agrees.
fn fits(e: &Entity, pronoun: Pronoun) -> bool {
    e.kind == EntityKind::Person && !e.narrator && e.gender.is_none_or(|g| g == pronoun || pronoun == Pronoun::They)
}

/// Abbreviated titles stand for the role word a second reference uses ("Sen." → "senator").
fn expand_title(word: &str) -> String {
    expanded_title(word).to_string()
}

/// [`expand_title`] as a slice: the full role word, or `word` without its final periods.
fn expanded_title(word: &str) -> &str {
    match word.trim_end_matches('.') {
        "sen" => "senator",
        "rep" => "representative",
        "gov" => "governor",
        "gen" => "general",
        "dr" => "doctor",
        "prof" => "professor",
        "lt" => "lieutenant",
        "col" => "colonel",
        "capt" => "captain",
        "sgt" => "sergeant",
        "adm" => "admiral",
        "pres" => "president",
        "supt" => "superintendent",
        "insp" => "inspector",
        "det" => "detective",
        "amb" => "ambassador",
        "atty" => "attorney",
        "cmdr" => "commander",
        "maj" => "major",
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `person_by_variant` as a scan of every person, as it was before the index.
    fn by_scan(ents: &Entities, name: &str) -> Option<usize> {
        if name.contains(' ') {
            return None;
        }
        let mut fits = ents.entities.iter().enumerate().filter(|(_, e)| {
            e.kind == EntityKind::Person
                && (e.surname.as_deref().is_some_and(|s| names::is_variant(s, name))
                    || e.parts.iter().skip(1).any(|p| names::is_variant(p, name)))
        });
        let first = fits.next().map(|(id, _)| id);
        if fits.next().is_some() {
            return None;
        }
        first
    }

    #[test]
    fn the_variant_index_finds_what_a_scan_finds() {
        let people = [
            "Chidi Okafor",
            "Ana Ruiz",
            "Maria Varga",
            "Tomas Greer",
            "Lena Ortiz",
            "Dana Hollis",
            "Marisol Carvajal Prado",
            "Park Ji-hoon",
            "Dale Hune",
            "Ines Wierzbicki-Hall",
            "Kofi Mensah-Bright",
            "Rachel Ostrowski",
            "Greta Ostrowska",
            "Ömer Çelikkaya",
        ];
        let mut ents = Entities::default();
        for name in people {
            let mut e = Entity::new(name.to_string(), EntityKind::Person);
            e.parts = name.split(' ').map(str::to_string).collect();
            e.surname = e.parts.last().cloned();
            ents.entities.push(e);
        }
        ents.entities.push(Entity::new("Harbor Ledger".into(), EntityKind::Organization));
        ents.index_forms();
        // A narrator added after the index is still found.
        let mut late = Entity::new("Vera Stanislawski".into(), EntityKind::Person);
        late.parts = vec!["Vera".into(), "Stanislawski".into()];
        late.surname = Some("Stanislawski".into());
        ents.entities.push(late);
        // Every one- and two-letter edit of every word (deletions, substitutions with a
        // few letters, insertions, swaps), and the words themselves.
        let mut queries: Vec<String> = Vec::new();
        for e in &ents.entities {
            for w in e.name.split(' ') {
                let c: Vec<char> = w.chars().collect();
                queries.push(w.to_string());
                for i in 0..c.len() {
                    let mut d = c.clone();
                    d.remove(i);
                    queries.push(d.iter().collect());
                    for x in ['a', 'e', 'o', 'z'] {
                        let mut s = c.clone();
                        s[i] = x;
                        queries.push(s.iter().collect());
                        let mut ins = c.clone();
                        ins.insert(i, x);
                        queries.push(ins.iter().collect());
                        for j in i + 1..c.len() {
                            let mut two = s.clone();
                            two[j] = x;
                            queries.push(two.iter().collect());
                        }
                    }
                    if i + 1 < c.len() {
                        let mut t = c.clone();
                        t.swap(i, i + 1);
                        queries.push(t.iter().collect());
                    }
                }
            }
        }
        let mut hits = 0;
        for q in &queries {
            let want = by_scan(&ents, q);
            hits += usize::from(want.is_some());
            assert_eq!(ents.person_by_variant(q), want, "{q}");
        }
        assert!(hits > 500, "the queries should exercise the index ({hits} hits)");
    }

    /// Mentions added during attribution, kept apart and merged at the end, give what
    /// inserting each into the sorted `mentions` at once gave: the same order, the same
    /// skipped starts, and the same last mention before an offset on the way.
    #[test]
    fn added_mentions_merge_as_sorted_inserts() {
        let mention =
            |start: usize, kind| Mention { start, end: start + 2, kind, intro: None, in_heading: false, block: 0 };
        let mut ents = Entities::default();
        let mut e = Entity::new("Ana Ruiz".into(), EntityKind::Person);
        e.mentions = [10, 50, 90, 130].iter().map(|&s| mention(s, MentionKind::Full)).collect();
        ents.entities.push(e);
        let mut reference = ents.entities[0].mentions.clone();
        let adds = [
            (20, MentionKind::Pronoun),
            (40, MentionKind::Descriptor),
            (50, MentionKind::Pronoun),
            (60, MentionKind::Pronoun),
            (40, MentionKind::Pronoun),
            (100, MentionKind::Pronoun),
            (30, MentionKind::Descriptor),
        ];
        for (start, kind) in adds {
            ents.add_mention(0, Span::new(start, start + 2), kind, 0, Some(Pronoun::She));
            let pos = reference.partition_point(|m| m.start < start);
            if reference.get(pos).is_none_or(|m| m.start != start) {
                reference.insert(pos, mention(start, kind));
            }
            for offset in [0, 25, 45, 65, 105, 200] {
                let idx = reference.partition_point(|m| m.start <= offset);
                let want = reference[..idx].iter().rev().find(|m| m.kind != MentionKind::Pronoun).map(|m| m.start);
                assert_eq!(last_start(&ents.entities[0], offset), want, "after {start}, at {offset}");
            }
        }
        ents.settle_mentions();
        let got: Vec<(usize, MentionKind)> = ents.entities[0].mentions.iter().map(|m| (m.start, m.kind)).collect();
        let want: Vec<(usize, MentionKind)> = reference.iter().map(|m| (m.start, m.kind)).collect();
        assert_eq!(got, want);
        assert_eq!(ents.entities[0].gender, Some(Pronoun::She));
    }
}
