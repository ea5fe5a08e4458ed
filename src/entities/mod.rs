//! People and bodies the article cites, with every mention.
//!
//! Names are found by shape and context: capitalised runs next to titles, appositives
//! and speech verbs. Which part of a name is the surname is learnt from the article (the
//! form it uses alone), so "Park Ji-hoon" → "Park" and "Ana Ruiz Ortega" → "Ruiz Ortega".
//!
//! This file holds the types, building entities and mentions from the runs, and the
//! look-ups attribution uses; `runs.rs` finds the runs and decides their kind, and
//! `names.rs` knows name shapes. (It is over 700 lines because building and the
//! look-ups are still together here; moving the look-ups out is the next step.)

pub mod names;
mod runs;

use crate::attribution::tokens::{block_tokens, Tok};
use crate::document::{BlockKind, Document, Span};
use crate::lexicon::{self, Pronoun};
use crate::quotes::Quote;
use runs::{affiliation, find_runs, role_appositive, Run};
use serde::Serialize;
use std::collections::HashMap;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum EntityKind {
    Person,
    Organization,
    PlaceAsBody,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum MentionKind {
    /// The full name, with or without a title.
    Full,
    /// The surname (or the short form the article uses) alone.
    Surname,
    /// A descriptor learnt from the text ("the Kenyan leader").
    Descriptor,
    /// A pronoun resolved to the entity.
    Pronoun,
}

#[derive(Clone, Debug, Serialize)]
pub struct Mention {
    pub start: usize,
    pub end: usize,
    pub kind: MentionKind,
    /// Title and appositive around a full mention ("President …", "…, director of …").
    pub intro: Option<Span>,
    #[serde(skip)]
    pub in_heading: bool,
    #[serde(skip)]
    pub block: usize,
}

#[derive(Clone, Debug, Serialize)]
pub struct Entity {
    pub name: String,
    pub kind: EntityKind,
    pub surname: Option<String>,
    /// Whether the article itself uses the surname alone (else it is the default guess).
    #[serde(skip)]
    pub surname_learnt: bool,
    pub titles: Vec<String>,
    pub descriptors: Vec<String>,
    /// The body the person speaks for, from the appositive ("… of Silver Basin Lithium",
    /// "the company's vice president" → "the company").
    pub affiliation: Option<String>,
    pub mentions: Vec<Mention>,
    #[serde(skip)]
    pub gender: Option<Pronoun>,
    #[serde(skip)]
    pub parts: Vec<String>,
}

impl Entity {
    fn new(name: String, kind: EntityKind) -> Entity {
        Entity {
            name,
            kind,
            surname: None,
            surname_learnt: false,
            titles: Vec::new(),
            descriptors: Vec::new(),
            affiliation: None,
            mentions: Vec::new(),
            gender: None,
            parts: Vec::new(),
        }
    }
}

#[derive(Clone, Debug, Default)]
pub struct Entities {
    pub entities: Vec<Entity>,
    /// Capitalised words that look like a name but match no entity (a misspelt surname,
    /// a place): the inconsistent-name rule compares them with the people it knows.
    pub loose: Vec<(Span, String)>,
    /// Lowercase forms of people's names (full, surname, shorter suffixes) → people.
    forms: HashMap<String, Vec<usize>>,
    /// Lowercase names of bodies → entity.
    bodies: HashMap<String, usize>,
    /// Every mention except pronouns as (start, end, entity, block), sorted by start.
    index: Vec<(usize, usize, usize, usize)>,
    /// Title and descriptor words (lowercase) → people, for "the minister".
    roles: HashMap<String, Vec<usize>>,
}

impl Entities {
    pub fn build(doc: &Document, quotes: &[Quote]) -> Entities {
        let runs = find_runs(doc, quotes);
        let mut ents = Entities::default();
        let mut by_name: HashMap<String, usize> = HashMap::new();
        let mut suffixes: std::collections::HashSet<String> = std::collections::HashSet::new();
        // Forms used as the subject of a speech verb ("Van der Berg said"): a longer name
        // ending in one of them names a person even without a title or appositive.
        let speaking: std::collections::HashSet<String> =
            runs.iter().filter(|r| r.speaks).map(|r| r.text.to_lowercase()).collect();
        let ends_in_speaker = |text: &str| {
            let lower = text.to_lowercase();
            // "Thomas Whitaker Jr." ends in "Whitaker" for this purpose.
            let lower = ["jr.", "jr", "sr.", "sr", "ii", "iii", "iv"]
                .iter()
                .find_map(|s| lower.strip_suffix(s).and_then(|l| l.strip_suffix(' ')).map(str::to_string))
                .unwrap_or(lower);
            // A country that speaks ("Scotland said") does not make "Cricket Scotland" a person.
            lower
                .match_indices(' ')
                .any(|(i, _)| speaking.contains(&lower[i + 1..]) && !text.get(i + 1..).is_some_and(lexicon::is_country))
        };
        // "Delta Misr" where the article also names "Delta Misr Bank": the body's short
        // form, not a person, unless a title or an appositive says otherwise.
        // Every shorter leading part of a body's name, looked up in constant time.
        let mut body_prefixes: std::collections::HashSet<String> = std::collections::HashSet::new();
        for r in runs.iter().filter(|r| r.body_like && r.text.contains(' ')) {
            let lower = r.text.to_lowercase();
            body_prefixes.extend(lower.match_indices(' ').map(|(i, _)| lower[..i].to_string()));
        }
        // A name the copy sets off after a body noun stays that body's everywhere.
        let named_bodies: std::collections::HashSet<String> =
            runs.iter().filter(|r| r.named_body).map(|r| r.text.to_lowercase()).collect();
        let short_body = |r: &Run| {
            !r.has_person_title
                && r.appositive.is_none()
                && (body_prefixes.contains(&r.text.to_lowercase()) || named_bodies.contains(&r.text.to_lowercase()))
        };
        // Pass 1: people, longest names first so shorter forms fold into them.
        let mut candidates: Vec<&Run> = runs
            .iter()
            .filter(|r| !short_body(r) && !r.non_person)
            .filter(|r| {
                let multi = r.text.contains(' ');
                // One-name people ("Brazilian winger Tavinho") need a person's title,
                // or an appositive role: "Kolade, the singer who …".
                // A name that speaks elsewhere is a person even after "by" ("produced by
                // Carter Whitfield III … Whitfield said").
                (multi && (r.person_evidence || !r.body_noun && ends_in_speaker(&r.text)))
                    || (!multi && (r.has_person_title || role_appositive(doc, r) || r.age_or_who) && !r.body_like)
            })
            .collect();
        candidates.sort_by_key(|r| std::cmp::Reverse(r.text.split(' ').count()));
        for run in candidates {
            let parts: Vec<&str> = run.text.split(' ').collect();
            let lower = run.text.to_lowercase();
            if by_name.contains_key(&lower) {
                continue;
            }
            // A shorter form of a longer name already seen (Ruiz Ortega / Ana Ruiz Ortega).
            if suffixes.contains(&lower) {
                continue;
            }
            for (i, _) in lower.match_indices(' ') {
                suffixes.insert(lower[i + 1..].to_string());
            }
            let id = ents.entities.len();
            by_name.insert(lower, id);
            let mut person = Entity::new(run.text.clone(), EntityKind::Person);
            person.parts = parts.iter().map(|s| s.to_string()).collect();
            ents.entities.push(person);
        }
        // A longer full name seen later absorbs a shorter one seen first.
        learn_surnames(&mut ents, &runs);
        ents.index_forms();
        // Pass 2: every run becomes a mention of a person, or a body.
        for run in &runs {
            // A place or group word still names a person the article introduced with it
            // ("João Vitor Albuquerque" … "Albuquerque said").
            let Some(id) = ents.person_for(&run.text, run.span.start) else {
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
            let kind = if run.text.to_lowercase() == e.name.to_lowercase()
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
                e.gender = run.title_words.iter().find_map(|w| gender_of_title(w));
            }
            // A given name that almost always goes with one pronoun ("Diego Salas").
            if e.gender.is_none() && e.parts.len() >= 2 {
                e.gender = lexicon::given_name_gender(&e.parts[0]);
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
                in_heading: doc.blocks[run.block].kind == BlockKind::Heading,
                block: run.block,
            });
        }
        ents.index_mentions();
        ents.index_descriptors(doc, quotes);
        ents
    }

    /// "the judge", "the senior prosecutor": a role the article gave one person stands for
    /// them wherever it appears, so "The judge paused. “…,” she said." finds her. These
    /// go into the position index only; the person's own mentions stay names.
    fn index_descriptors(&mut self, doc: &Document, quotes: &[Quote]) {
        let before = self.index.len();
        let mut buf = Vec::new();
        for bi in 0..doc.blocks.len() {
            block_tokens(doc, bi, quotes, &mut buf);
            let toks = buf.as_slice();
            for (i, t) in toks.iter().enumerate() {
                if !t.is_word() || !matches!(doc.text(t.span), "the" | "The") {
                    continue;
                }
                // Up to two lowercase words after "the"; the last is the role.
                let words: Vec<&Tok> = toks[i + 1..].iter().take(2).take_while(|t| t.is_word()).collect();
                let found = (1..=words.len()).rev().find_map(|n| {
                    let phrase: Vec<&str> = words[..n].iter().map(|t| doc.text(t.span)).collect();
                    if !phrase.iter().all(|w| w.chars().all(|c| c.is_lowercase() || c == '-')) {
                        return None;
                    }
                    let last = expand_title(phrase[n - 1]);
                    // A role many people share ("the minister" in an archive of stories)
                    // names no one in particular; it also keeps this pass linear.
                    let few = self.roles.get(&last).is_some_and(|ids| ids.len() <= 8);
                    if !few || !lexicon::is_title(&last) || lexicon::is_body_noun(&last) {
                        return None;
                    }
                    let id = self.by_descriptor(&phrase, t.span.start)?;
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
        let ids = self.forms.get(&name.to_lowercase())?;
        let fitting = |id: &usize| gender.is_none_or(|g| self.entities[*id].gender.is_none_or(|e| e == g));
        let pool: Vec<usize> =
            if ids.iter().any(fitting) { ids.iter().copied().filter(fitting).collect() } else { ids.clone() };
        pool.into_iter()
            .max_by_key(|&id| (last_start(&self.entities[id], offset).map_or(0, |s| s + 1), std::cmp::Reverse(id)))
    }

    /// The person whose surname this lone word misspells ("Okafur said" after Chidi
    /// Okafor), when exactly one person fits.
    pub fn person_by_variant(&self, name: &str) -> Option<usize> {
        if name.contains(' ') {
            return None;
        }
        let mut fits = self.entities.iter().enumerate().filter(|(_, e)| {
            // The surname, or any later part of the name: the article may use either of
            // two family names ("Marisol Carvajal Prado" → "Carvajal").
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

    /// Index every form a person's name takes: the full name, each shorter ending of it
    /// ("Ruiz Ortega", "Ortega"), and the surname the article uses (which may come first).
    fn index_forms(&mut self) {
        self.forms.clear();
        for (id, e) in self.entities.iter().enumerate().filter(|(_, e)| e.kind == EntityKind::Person) {
            let lower = e.name.to_lowercase();
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

    /// Index mentions and roles once every name mention is known.
    fn index_mentions(&mut self) {
        self.index.clear();
        self.roles.clear();
        for (id, e) in self.entities.iter().enumerate() {
            self.index.extend(
                e.mentions.iter().filter(|m| m.kind != MentionKind::Pronoun).map(|m| (m.start, m.end, id, m.block)),
            );
            for word in e.titles.iter().chain(&e.descriptors).flat_map(|d| d.split(' ')) {
                let word = word.to_lowercase();
                let word = word.trim_end_matches("'s").trim_end_matches("’s");
                let ids = self.roles.entry(expand_title(word)).or_default();
                if !ids.contains(&id) {
                    ids.push(id);
                }
            }
        }
        self.index.sort_unstable();
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
        let id = match self.bodies.get(&run.text.to_lowercase()).copied() {
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
            in_heading: doc.blocks[run.block].kind == BlockKind::Heading,
            block: run.block,
        });
        true
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
    /// named — the subject position — rather than the last.
    pub fn sentence_subject_before(&self, doc: &Document, offset: usize, pronoun: Pronoun) -> Option<(usize, usize)> {
        let here = doc.sentence_at(offset).or_else(|| doc.sentences.iter().rposition(|s| s.span.end <= offset))?;
        let floor = doc.block_at(offset).map_or(0, |b| doc.blocks[b.saturating_sub(1)].span.start);
        for si in (0..=here).rev() {
            let span = doc.sentences[si].span;
            if span.end < floor {
                break;
            }
            // A sentence whose subject is the same pronoun ("She appeared to imply that
            // Trump … than Clinton") is about the same person: its objects are not
            // candidates; look further back.
            if si < here && starts_with_pronoun(doc, span, pronoun) {
                continue;
            }
            // "Asked about her vote in the event that Clinton …, she replied": the main
            // clause starts after an opening participle or subordinate clause, and a name
            // inside that opener is not the subject.
            let subject_at = if si < here { main_clause_start(doc, span) } else { span.start };
            if subject_at > span.start && starts_with_pronoun(doc, Span::new(subject_at, span.end), pronoun) {
                continue;
            }
            // (At most 3,000 bytes before the pronoun: a sentence longer than that is no
            // prose, and the scan stays linear.)
            let lo = self.index.partition_point(|m| m.0 < subject_at.max(offset.saturating_sub(3000)));
            let hi = offset.min(span.end);
            let fitting: Vec<(usize, usize, usize)> = self.index[lo..]
                .iter()
                .take_while(|m| m.0 < hi)
                .filter(|m| m.1 <= hi && fits(&self.entities[m.2], pronoun))
                .take(2)
                .map(|m| (m.2, m.0, m.1))
                .collect();
            // "Obama consultant Cornell Belcher": a name modifying a role before the
            // person's own name is not the subject.
            let first = match fitting.as_slice() {
                [(_, _, end), (id2, at2, _), ..] if role_between(doc.text(Span::new(*end, *at2))) => Some((*id2, *at2)),
                [(id, at, _), ..] => Some((*id, *at)),
                [] => None,
            };
            if let Some((id, at)) = first {
                // "Asked about her own vote in the event that Clinton …, she replied": a
                // pronoun of the same gender before the name already points back past it.
                if si == here && mentions_pronoun(&doc.prose()[span.start..at], pronoun) {
                    continue;
                }
                return Some((id, span.start));
            }
        }
        None
    }

    /// Whether an entity is a person the pronoun can stand for.
    pub fn fits_pronoun(&self, id: usize, pronoun: Pronoun) -> bool {
        fits(&self.entities[id], pronoun)
    }

    /// The person last mentioned before `offset` who fits a pronoun.
    pub fn last_person_before(&self, offset: usize, pronoun: Pronoun) -> Option<usize> {
        let idx = self.index.partition_point(|m| m.1 <= offset);
        // (The last 500 mentions: a pronoun does not reach further back, and the search
        // stays bounded when nobody fits.)
        self.index[idx.saturating_sub(500)..idx].iter().rev().map(|m| m.2).find(|&id| fits(&self.entities[id], pronoun))
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

    /// Record a resolved mention (pronoun or descriptor) and learn gender from pronouns.
    pub fn add_mention(&mut self, id: usize, span: Span, kind: MentionKind, block: usize, pronoun: Option<Pronoun>) {
        let e = &mut self.entities[id];
        // Mentions stay sorted; resolution runs in document order, so this appends.
        let pos = e.mentions.partition_point(|m| m.start < span.start);
        if e.mentions.get(pos).is_some_and(|m| m.start == span.start) {
            return;
        }
        if let Some(p @ (Pronoun::He | Pronoun::She)) = pronoun {
            e.gender.get_or_insert(p);
        }
        e.mentions
            .insert(pos, Mention { start: span.start, end: span.end, kind, intro: None, in_heading: false, block });
    }
}

/// Whether a sentence opens with `pronoun` as its subject (after a short introductory
/// phrase set off by a comma at most).
fn starts_with_pronoun(doc: &Document, span: Span, pronoun: Pronoun) -> bool {
    let text = doc.text(span);
    let text = text.trim_start_matches(|c: char| !c.is_alphanumeric());
    let first = text.split(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
    lexicon::pronoun(first) == Some(pronoun)
}

/// Where a sentence's main clause starts: after the first comma when the sentence opens
/// with a participle ("Asked about …,") or a subordinate clause ("When …,", "If …,").
fn main_clause_start(doc: &Document, span: Span) -> usize {
    let text = doc.text(span);
    let first = text.split(|c: char| !c.is_alphanumeric()).find(|w| !w.is_empty()).unwrap_or("");
    let opener = matches!(
        first,
        "When" | "If" | "After" | "Although" | "Though" | "While" | "Because" | "Since" | "Before" | "Once" | "Unless"
    ) || first.len() > 4
        && first.chars().next().is_some_and(char::is_uppercase)
        && (first.ends_with("ed") || first.ends_with("ing"))
        && !lexicon::is_given_name(first);
    match text.find(',') {
        Some(i) if opener && i < 200 => span.start + i + 1,
        _ => span.start,
    }
}

/// Whether the words between two names are a role the second name holds: "Obama
/// consultant", "Clinton campaign manager" (lowercase, ending in a title).
fn role_between(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    (1..=3).contains(&words.len())
        && words.iter().all(|w| {
            w.chars().all(|c| c.is_lowercase() || c == '-')
                && !matches!(
                    *w,
                    "and" | "or" | "nor" | "with" | "by" | "for" | "of" | "to" | "the" | "a" | "an" | "than"
                )
        })
        && words.last().is_some_and(|w| lexicon::is_title(w))
}

/// Whether a stretch of text holds a form of the pronoun ("her", "his", "him").
fn mentions_pronoun(text: &str, pronoun: Pronoun) -> bool {
    let forms: &[&str] = match pronoun {
        Pronoun::He => &["he", "him", "his", "himself"],
        Pronoun::She => &["she", "her", "hers", "herself"],
        _ => return false,
    };
    text.split(|c: char| !c.is_alphabetic()).any(|w| forms.iter().any(|f| w.eq_ignore_ascii_case(f)))
}

/// Start of the entity's last mention (pronouns excluded) at or before `offset`.
fn last_start(e: &Entity, offset: usize) -> Option<usize> {
    let idx = e.mentions.partition_point(|m| m.start <= offset);
    e.mentions[..idx].iter().rev().find(|m| m.kind != MentionKind::Pronoun).map(|m| m.start)
}

/// A person fits a pronoun when the gender is unknown or agrees.
fn fits(e: &Entity, pronoun: Pronoun) -> bool {
    e.kind == EntityKind::Person && e.gender.is_none_or(|g| g == pronoun || pronoun == Pronoun::They)
}

/// Abbreviated titles stand for the role word a second reference uses ("Sen." → "senator").
fn expand_title(word: &str) -> String {
    let full = match word.trim_end_matches('.') {
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
    };
    full.to_string()
}

fn gender_of_title(word: &str) -> Option<Pronoun> {
    match word.to_lowercase().trim_end_matches('.') {
        "mr" | "spokesman" | "chairman" | "king" | "prince" | "father" | "sheikh" | "emir" | "sultan" => {
            Some(Pronoun::He)
        }
        "mrs" | "ms" | "spokeswoman" | "chairwoman" | "queen" | "princess" | "sister" => Some(Pronoun::She),
        _ => None,
    }
}

/// Learn each person's surname: the shortest form of the name the article uses alone
/// (a suffix such as "Ruiz Ortega", or the first part in family-name-first order: "Xi").
fn learn_surnames(ents: &mut Entities, runs: &[Run]) {
    let mut counts: HashMap<String, usize> = HashMap::new();
    for run in runs {
        *counts.entry(run.text.to_lowercase()).or_default() += 1;
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
        for c in candidates {
            let n = counts.get(&c.to_lowercase()).copied().unwrap_or(0);
            if n > 0 && best.as_ref().is_none_or(|(_, bn)| n > *bn) {
                best = Some((c, n));
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
