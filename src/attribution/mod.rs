//! Who said each quote, and what else the article credits to whom.
//!
//! For every speech verb in the narrative the stage reads its speaker phrase (a cue);
//! each quote takes the cue of its sentence (`“…,” X said`, `X said: “…”`, `X said …
//! “…”`), else the speaker of the quote before it in the paragraph, else the speaker of
//! the paragraph before. "according to X" is the speaker when there is no other, and
//! the relay (`via`) when there is. Speaker phrases resolve to entities: names to the
//! fullest name, pronouns to the last fitting person, descriptors to whom they describe.

// The steps, in pipeline order (`attribute` below: tokens per block, the rest per sentence):
//   (a block's narrative tokens, words outside quotes, one token per quote and breaks, come
//   from `quotes::narrative`, built once per article in `analysis`)
//   cues.rs       speech verbs and their speaker phrases (`find_cues`)
//   np.rs         reading a speaker phrase before or after a verb (`Np`)
//   resolve.rs    a speaker phrase to a speaker, an entity and a source type
//   according.rs  "according to X", "in the words of X", "quoted X as saying"
//   quote.rs      the decision for one quote: its cue, a relay, a title, or the speaker before
//   pull.rs       a page's pull quotes: the attribution of the story's quote they repeat
// `credit_line` (a "— Name, role" paragraph under a quote) is read here, in `attribute`.
mod according;
mod choose;
mod cues;
pub mod np;
mod phrases;
mod pull;
mod quote;
mod resolve;
mod subject;

use crate::document::{BlockKind, Document, Span};
use crate::entities::Entities;
use crate::lexicon;
use crate::quotes::narrative::{BlockTokens, Tok, TokKind};
use crate::quotes::Quote;
use according::{find_according, resolve_according};
use cues::find_cues;
use np::{w, Np, NpKind};
pub use pull::attribute_pull_quotes;
use quote::attribute_quote;
use resolve::resolve;
use serde::Serialize;

/// The kind of source behind a quote or claim (see DESIGN.md, Source types).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SourceType {
    NamedPerson,
    Organization,
    Document,
    SocialMedia,
    Anonymous,
    Vague,
    Unattributed,
}

impl SourceType {
    pub fn as_str(self) -> &'static str {
        match self {
            SourceType::NamedPerson => "named-person",
            SourceType::Organization => "organization",
            SourceType::Document => "document",
            SourceType::SocialMedia => "social-media",
            SourceType::Anonymous => "anonymous",
            SourceType::Vague => "vague",
            SourceType::Unattributed => "unattributed",
        }
    }
}

/// How a quote got its speaker.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Link {
    /// A cue in the quote's own sentence.
    Sentence,
    /// The quote before it in the paragraph.
    Continuation,
    /// The paragraph before.
    Adjacent,
    /// A title, a scare quote: no speaker expected.
    Mention,
    None,
}

/// A speech verb in the narrative and the phrase that names its speaker.
#[derive(Clone, Debug)]
pub struct Cue {
    pub verb: Span,
    pub subject: Option<Np>,
    pub block: usize,
    /// Token index of the verb within its block.
    pub tok: usize,
    /// Token index where the verb's sentence starts.
    pub unit: usize,
    pub speaker: Option<String>,
    pub entity: Option<usize>,
    pub source_type: SourceType,
    /// The cue carries a direct quote in its sentence.
    pub quoted: bool,
    /// It reports something said: not a request or a negated verb (see [`states`](cues::states)).
    pub states: bool,
    /// The word right before the verb is a form of "be" ("it was claimed", "has been
    /// admitted"): a passive (the cue finder drops most passives: see `cues::passive`).
    pub passive: bool,
    /// What the words right after the verb are.
    pub object: ObjectKind,
}

/// What the words right after a cue's verb are (up to eight, to the first token that is
/// not a word), read once here so the rules need not read them again.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ObjectKind {
    /// A noun phrase and nothing more, a determiner or a number first and no verb of a
    /// clause after it ("claimed the biggest win in its history", "had admitted 31
    /// injured miners"): a thing taken or let in, not a statement.
    Thing,
    /// Anything else: a clause, a preposition, a quote, nothing.
    Other,
}

/// The attribution of one quote.
#[derive(Clone, Debug)]
pub struct Attribution {
    pub speaker: Option<String>,
    pub entity: Option<usize>,
    pub speaker_span: Option<Span>,
    pub cue: Option<String>,
    pub cue_span: Option<Span>,
    pub source_type: SourceType,
    pub via: Option<String>,
    pub via_span: Option<Span>,
    pub link: Link,
    /// A short quote inside a sentence (a phrase, not a statement).
    pub partial: bool,
}

impl Attribution {
    fn none(partial: bool, link: Link) -> Attribution {
        Attribution {
            speaker: None,
            entity: None,
            speaker_span: None,
            cue: None,
            cue_span: None,
            source_type: SourceType::Unattributed,
            via: None,
            via_span: None,
            link,
            partial,
        }
    }
}

/// "according to X" in a sentence.
#[derive(Clone, Debug)]
pub struct According {
    pub span: Span,
    pub source: Np,
    pub block: usize,
    pub tok: usize,
    /// "according to a statement from the ministry": a document, `source` is its body.
    pub document: bool,
}

/// A statement credited to a source outside quotation marks: "Lin said the remarks were
/// …", "according to the ministry, …", "critics say …".
#[derive(Clone, Debug)]
pub struct Claim {
    /// From the source's mention to the verb ("the ministry said"), or the whole
    /// "according to …" phrase.
    pub span: Span,
    pub source: Option<String>,
    pub entity: Option<usize>,
    pub source_type: SourceType,
    pub cue: Span,
}

/// The result of the attribution stage.
#[derive(Clone, Debug, Default)]
pub struct Attributions {
    /// One per quote, same order as the quote list.
    pub quotes: Vec<Attribution>,
    pub cues: Vec<Cue>,
    pub according: Vec<According>,
    /// Paraphrased claims in article order.
    pub claims: Vec<Claim>,
    /// One per pull quote of the document ([`Document::pull_quotes`]), in its order.
    pub pull_quotes: Vec<Attribution>,
}

/// A request is no claim, as "asked the court to …" is none: "urged the council to …",
/// "demanded an apology", "called for a recount", "called on the board to …". (The verb
/// still carries a quote in its sentence.)
/// Nor is a plea or a call of a race an account of what is so: "pleaded not guilty",
/// "has called the race".
fn requests(doc: &Document, cue: &Cue) -> bool {
    let verb = doc.text(cue.verb).to_ascii_lowercase();
    let mut after = doc.prose()[cue.verb.end..].split_whitespace();
    let next = after.next().unwrap_or("");
    let then = after.next().unwrap_or("").trim_end_matches([',', '.', ';']);
    verb.starts_with("urg")
        || verb.starts_with("demand")
        || verb.starts_with("call") && matches!(next, "for" | "on" | "upon")
        || (verb.starts_with("plead") || verb == "pled")
            && (matches!(next, "guilty" | "innocent")
                || next == "no" && then == "contest"
                || next == "not" && then == "guilty")
        || verb.starts_with("call")
            && next == "the"
            && matches!(then, "race" | "election" | "contest" | "seat" | "state")
}

/// Attribute every quote of the article.
/// The named subject of a paragraph's last sentence when the paragraph ends in a colon.
fn colon_introduction(
    doc: &Document,
    toks: &[Tok],
    bi: usize,
    ents: &mut Entities,
    cues: &[Cue],
) -> Option<Attribution> {
    let last = toks.iter().rposition(|t| t.kind != TokKind::Break)?;
    if !toks[last].is_punct(':') || toks.iter().any(|t| matches!(t.kind, TokKind::Quote(_))) {
        return None;
    }
    let start = toks[..last].iter().rposition(|t| t.kind == TokKind::Break).map_or(0, |i| i + 1);
    let np = np::clause_subject(doc, toks, start, last)
        .filter(|n| matches!(n.kind, NpKind::Name(_) | NpKind::Descriptor(_)))?;
    let (speaker, entity, source_type) = resolve(doc, Some(&np), bi, ents, cues);
    if source_type != SourceType::NamedPerson || speaker.is_none() {
        return None;
    }
    let social = toks[start..last].iter().any(|t| t.is_word() && lexicon::is_social_media(w(doc, t)));
    Some(Attribution {
        speaker,
        entity,
        speaker_span: Some(np.span),
        cue: Some(":".into()),
        cue_span: Some(toks[last].span),
        source_type: if social { SourceType::SocialMedia } else { source_type },
        via: None,
        via_span: None,
        link: Link::Sentence,
        partial: false,
    })
}

pub fn attribute(doc: &Document, quotes: &[Quote], store: &BlockTokens, ents: &mut Entities) -> Attributions {
    // (Room for about as many cues as there are quotes, and more: a cue is large, and
    // growing the vector a cue at a time copies it again at each doubling.)
    let mut out = Attributions {
        quotes: vec![Attribution::none(false, Link::None); quotes.len()],
        cues: Vec::with_capacity(2 * quotes.len() + 16),
        ..Default::default()
    };
    // One block's tokens and the previous block's: the kept ones, or (an article too long
    // to keep them as they are) unpacked or rebuilt in two buffers.
    let (mut cur, mut before): (Vec<Tok>, Vec<Tok>) = (Vec::new(), Vec::new());
    // The speaker of the previous paragraph.
    let mut last_speaker: Option<Attribution> = None;
    // Who answers a bare quote after an exchange: "“…,” Hollis said." then "“So you paid
    // him?” Greer asked." then "“Yes, sir.”" is Hollis's answer, not Greer's.
    let mut answerer: Option<Attribution> = None;
    // The quotes of the previous paragraph that found no speaker, for a credit line.
    let (mut unclaimed, mut unclaimed_now): (Vec<usize>, Vec<usize>) = (Vec::new(), Vec::new());
    // The cues of one sentence, a buffer kept from sentence to sentence.
    let mut cues: Vec<usize> = Vec::new();
    for bi in 0..doc.blocks.len() {
        std::mem::swap(&mut cur, &mut before);
        std::mem::swap(&mut unclaimed, &mut unclaimed_now);
        unclaimed_now.clear();
        let (toks, before): (&[Tok], &[Tok]) = match store.kept(bi) {
            Some(toks) => (toks, bi.checked_sub(1).and_then(|b| store.kept(b)).unwrap_or(&[])),
            None => {
                store.fill(doc, bi, quotes, &mut cur);
                (&cur, &before)
            }
        };
        // "— Gov. Ana Ruiz, in a post after the vote": a credit line under a quote
        // paragraph names its speaker.
        if !unclaimed.is_empty() {
            if let Some(credit) = credit(doc, toks, bi, ents, &out.cues) {
                for &qi in &unclaimed {
                    out.quotes[qi] = Attribution { partial: out.quotes[qi].partial, ..credit.clone() };
                }
            }
        }
        let heading = doc.blocks[bi].kind == BlockKind::Heading;
        let mut para_speaker: Option<Attribution> = None;
        // The named subject of a sentence of this paragraph with no speech (see `action_beat`).
        let mut beat: Option<Attribution> = None;
        // A quote that ended the previous sentence of this paragraph with no speaker.
        let mut ended_unclaimed: Option<usize> = None;
        let mut unit_start = 0;
        for ui in 0..=toks.len() {
            if ui < toks.len() && toks[ui].kind != TokKind::Break {
                continue;
            }
            let unit = unit_start..ui;
            unit_start = ui + 1;
            let prev = if bi > 0 { before } else { &[] };
            find_cues(doc, toks, prev, unit.clone(), bi, ents, &mut out, &mut cues);
            let according = find_according(doc, toks, unit.clone(), bi, &mut out);
            // "“We will fix the roads.” Mayor Ana Ruiz said.": a sentence that is only a
            // speaker and a verb (and a few words of time or place) reports the quote
            // that ended the sentence before it.
            let ended = ended_unclaimed.take();
            // "“Is the bridge safe?” Dale Tanner persisted. “…”": a name and a verb no list knows
            // (past or present tense), and little after them, read the same way.
            if let (Some(qi), [], true) = (ended, cues.as_slice(), unit.start > 0) {
                let bare = quote::unread_tail(doc, toks, unit.start - 1, unit.end).filter(|(_, verb)| {
                    let at = unit.clone().find(|&k| toks[k].span == *verb).unwrap_or(unit.end);
                    toks[at..unit.end].iter().filter(|t| t.is_word()).count() <= 4
                        && !toks[unit.clone()].iter().any(|t| matches!(t.kind, TokKind::Quote(_)))
                });
                if let Some((np, verb)) = bare {
                    let (speaker, entity, source_type) = resolve(doc, Some(&np), bi, ents, &out.cues);
                    if speaker.is_some() && source_type == SourceType::NamedPerson {
                        let a = Attribution {
                            speaker,
                            entity,
                            speaker_span: Some(np.span),
                            cue: Some(doc.text(verb).to_string()),
                            cue_span: Some(verb),
                            source_type,
                            via: None,
                            via_span: None,
                            link: Link::Adjacent,
                            partial: out.quotes[qi].partial,
                        };
                        para_speaker = Some(Attribution { link: Link::Sentence, ..a.clone() });
                        out.quotes[qi] = a;
                    }
                }
            }
            if let (Some(qi), [c]) = (ended, cues.as_slice()) {
                let cue = &out.cues[*c];
                let subject_first = cue.subject.as_ref().is_some_and(|n| {
                    toks[unit.start..cue.tok]
                        .iter()
                        .all(|t| t.span.start >= n.span.start || t.is_word() && np::is_phrase_word(w(doc, t)))
                });
                // ("said pleasantly into the phone": adverbs are no tail.)
                let tail =
                    toks[cue.tok + 1..unit.end].iter().filter(|t| t.is_word() && !np::is_adverb(w(doc, t))).count();
                let no_quote = !toks[unit.clone()].iter().any(|t| matches!(t.kind, TokKind::Quote(_)));
                if cue.speaker.is_some() && subject_first && tail <= 3 && no_quote {
                    let partial = out.quotes[qi].partial;
                    out.quotes[qi] = Attribution { partial, ..from_cue(doc, cue, Link::Adjacent) };
                    out.cues[*c].quoted = true;
                    para_speaker = Some(from_cue(doc, &out.cues[*c], Link::Sentence));
                }
            }
            let mut according_used = false;
            let mut quoted = false;
            let first_word = unit.clone().find(|&k| toks[k].is_word());
            for qt in unit.clone() {
                let TokKind::Quote(qi) = toks[qt].kind else {
                    continue;
                };
                let a = attribute_quote(
                    doc,
                    toks,
                    unit.clone(),
                    qt,
                    &quotes[qi],
                    &cues,
                    according.as_ref(),
                    // (A beat speaks only a quote that opens its own sentence.)
                    // (The sentence's first word is found once: linear in a sentence of
                    // thousands of quotes.)
                    if para_speaker.is_some() || first_word.is_some_and(|f| f < qt) { &para_speaker } else { &beat },
                    &last_speaker,
                    heading,
                    ents,
                    &out.cues,
                );
                let a = match &answerer {
                    Some(ans)
                        if a.link == Link::Adjacent
                            && last_speaker.as_ref().is_some_and(|l| l.speaker == a.speaker) =>
                    {
                        Attribution { partial: a.partial, link: Link::Adjacent, ..ans.clone() }
                    }
                    _ => a,
                };
                if a.speaker.is_some() {
                    quoted = true;
                    para_speaker = Some(a.clone());
                }
                according_used |=
                    according.as_ref().is_some_and(|acc| a.cue_span == Some(acc.span) || a.via_span == Some(acc.span));
                if (a.speaker.is_none() || a.link == Link::Adjacent) && a.link != Link::Mention && !a.partial {
                    unclaimed_now.push(qi);
                }
                out.quotes[qi] = a;
            }
            ended_unclaimed =
                unit.clone().rev().find(|&i| toks[i].kind != TokKind::Break).and_then(|i| match toks[i].kind {
                    // (Or only carried from the paragraph before: the next sentence may say.)
                    TokKind::Quote(qi)
                        if (out.quotes[qi].speaker.is_none() || out.quotes[qi].link == Link::Adjacent)
                            && out.quotes[qi].link != Link::Mention =>
                    {
                        Some(qi)
                    }
                    _ => None,
                });
            if quoted {
                for c in &cues {
                    out.cues[*c].quoted = true;
                }
            }
            // "according to X, the talks …" with no quote to carry: a claim of X's.
            if let Some(acc) = according.as_ref().filter(|_| !according_used) {
                let (source, entity, source_type) = resolve_according(doc, acc, ents);
                if source.is_some() {
                    out.claims.push(Claim { span: acc.span, source, entity, source_type, cue: acc.span });
                }
            }
            // "Greer shrugged. “Only the night shift.”": a sentence about a named person, with
            // no speech and no quote, makes them the speaker of a quote later in the
            // paragraph that no one else is credited with (not of the next paragraph's).
            let has_quote = unit.clone().any(|i| matches!(toks[i].kind, TokKind::Quote(_)));
            if para_speaker.is_none() && beat.is_none() && cues.is_empty() && according.is_none() && !has_quote {
                beat = action_beat(doc, toks, unit.clone(), bi, ents, &out.cues);
            }
            // A speech verb with a speaker makes that speaker current for following quotes.
            if let Some(&c) = cues.last() {
                let cue = &out.cues[c];
                if cue.speaker.is_some() && !unit.clone().any(|i| matches!(toks[i].kind, TokKind::Quote(_))) {
                    para_speaker = Some(from_cue(doc, cue, Link::Sentence));
                }
            }
        }
        // "“We will bid.” ― Ana Ruiz, chief executive": a credit after the quote in its own
        // paragraph, on the same line or the next.
        for (k, t) in toks.iter().enumerate() {
            let TokKind::Quote(qi) = t.kind else { continue };
            // (A credit right after the quote outranks a speaker carried over from the
            // paragraph before; not a cue in the quote's own sentence.)
            if out.quotes[qi].speaker.is_some() && out.quotes[qi].link == Link::Sentence
                || out.quotes[qi].link == Link::Mention
            {
                continue;
            }
            let Some(dash) = (k + 1..toks.len()).find(|&j| toks[j].kind != TokKind::Break) else { continue };
            if let Some(credit) = credit(doc, &toks[dash..], bi, ents, &out.cues) {
                out.quotes[qi] = Attribution { partial: out.quotes[qi].partial, ..credit };
                unclaimed_now.retain(|&u| u != qi);
            }
        }
        // "Ana Ruiz made her frustration plain in a post on Tuesday:" closing a paragraph
        // introduces the quote that opens the next one, with or without a speech verb.
        if para_speaker.is_none() {
            para_speaker = colon_introduction(doc, toks, bi, ents, &out.cues);
        }
        if let Some(p) = para_speaker {
            // A paragraph that ends on a question its own speaker asks, right after another
            // speaker's paragraph: that one answers a bare quote next.
            let question = toks.iter().rev().find_map(|t| match t.kind {
                TokKind::Quote(qi) => Some(qi),
                _ => None,
            });
            let question = question.is_some_and(|qi| {
                let words = doc.text(quotes[qi].span).trim_end_matches(['”', '"', '’', '\'', ' ']);
                words.ends_with('?') && out.quotes[qi].link == Link::Sentence && out.quotes[qi].speaker == p.speaker
            });
            answerer = last_speaker.take().filter(|older| {
                question && older.speaker.is_some() && older.speaker != p.speaker && older.entity.is_some()
            });
            last_speaker = Some(p);
        } else if !toks.is_empty() {
            last_speaker = None;
            answerer = None;
        }
    }
    // Coordinated verbs share one subject ("X announced …, said … and added …"): one claim.
    // A speech verb inside what another one reports ("X said the union had warned …") is
    // part of that claim, not a claim of its own.
    let mut last_subject = None;
    for (ci, cue) in out.cues.iter().enumerate() {
        let embedded = ci > 0 && {
            let prev = &out.cues[ci - 1];
            // A verb that states nothing ("who asked not to be named") reports nothing
            // for a later verb to sit inside.
            prev.block == cue.block && prev.unit == cue.unit && prev.speaker.is_some() && prev.states
        };
        // (A caption tells what a picture shows: "Ana Ruiz leaves the court after
        // testifying" reports nothing she said.)
        let heading = matches!(doc.blocks[cue.block].kind, BlockKind::Heading | BlockKind::Caption);
        if cue.quoted
            || cue.speaker.is_none()
            || embedded
            || heading
            || !cue.states
            || in_question(doc, cue)
            || requests(doc, cue)
        {
            continue;
        }
        let subject = cue.subject.as_ref().map(|np| np.span);
        if subject.is_some() && subject == last_subject {
            continue;
        }
        last_subject = subject;
        let span = match &cue.subject {
            Some(np) => Span::new(np.span.start.min(cue.verb.start), np.span.end.max(cue.verb.end)),
            None => cue.verb,
        };
        let claim = Claim {
            span,
            source: cue.speaker.clone(),
            entity: cue.entity,
            source_type: cue.source_type,
            cue: cue.verb,
        };
        out.claims.push(claim);
    }
    out.claims.sort_by_key(|c| c.span.start);
    ents.settle_mentions();
    // Kept for the whole check: give back what their growth left over.
    out.cues.shrink_to_fit();
    out.claims.shrink_to_fit();
    out.according.shrink_to_fit();
    out
}

/// The named person (a name, not a pronoun) a sentence is about, as a speaker for the
/// quotes after it in its paragraph.
fn action_beat(
    doc: &Document,
    toks: &[Tok],
    unit: std::ops::Range<usize>,
    bi: usize,
    ents: &mut Entities,
    cues: &[Cue],
) -> Option<Attribution> {
    let np = np::clause_subject(doc, toks, unit.start, unit.end).filter(|n| matches!(n.kind, NpKind::Name(_)))?;
    let (speaker, entity, source_type) = resolve(doc, Some(&np), bi, ents, cues);
    (source_type == SourceType::NamedPerson && speaker.is_some()).then_some(Attribution {
        speaker,
        entity,
        speaker_span: Some(np.span),
        cue: None,
        cue_span: None,
        source_type,
        via: None,
        via_span: None,
        link: Link::Sentence,
        partial: false,
    })
}

/// Whether the cue's sentence is a question ("Did the kiln board tell the
/// states?"): what it asks about is no one's claim.
fn in_question(doc: &Document, cue: &Cue) -> bool {
    let range = doc.blocks[cue.block].sentences.clone();
    let sentences = &doc.sentences[range];
    let at = sentences.partition_point(|s| s.span.end <= cue.verb.start);
    sentences.get(at).is_some_and(|s| {
        s.span.start <= cue.verb.start
            && doc.text(s.span).trim_end().trim_end_matches(['”', '"', '’', '\'', ')']).trim_end().ends_with('?')
            && !doc.text(Span::new(s.span.start, cue.verb.start)).contains(['“', '"'])
    })
}

fn from_cue(doc: &Document, cue: &Cue, link: Link) -> Attribution {
    Attribution {
        speaker: cue.speaker.clone(),
        entity: cue.entity,
        speaker_span: cue.subject.as_ref().map(|n| n.span),
        cue: Some(doc.text(cue.verb).to_string()),
        cue_span: Some(cue.verb),
        source_type: cue.source_type,
        via: None,
        via_span: None,
        link,
        partial: false,
    }
}

/// The attribution a credit line (see [`credit_line`]) gives the quotes it credits: a
/// person or a body, by a post when the line says so.
fn credit(doc: &Document, toks: &[Tok], bi: usize, ents: &mut Entities, cues: &[Cue]) -> Option<Attribution> {
    let np = credit_line(doc, toks)?;
    let (speaker, entity, source_type) = resolve(doc, Some(&np), bi, ents, cues);
    if speaker.is_none() || !matches!(source_type, SourceType::NamedPerson | SourceType::Organization) {
        return None;
    }
    // "— Ana Ruiz, in a post on X", "— Ruiz, tweeting after the vote".
    let end = toks.iter().position(|t| t.kind == TokKind::Break).unwrap_or(toks.len());
    let posted = toks[..end].iter().any(|t| {
        t.is_word() && {
            let word = w(doc, t);
            lexicon::is_social_media(word.strip_suffix('.').unwrap_or(word))
                || matches!(word, "tweeting" | "posting" | "tweeted" | "posted")
        }
    });
    Some(Attribution {
        speaker,
        entity,
        speaker_span: Some(np.span),
        cue: Some(doc.text(toks[0].span).to_string()),
        cue_span: Some(toks[0].span),
        source_type: if posted { SourceType::SocialMedia } else { source_type },
        via: None,
        via_span: None,
        link: Link::Adjacent,
        partial: false,
    })
}

/// A paragraph that is only a dash and a name, with an optional role or circumstance
/// after a comma: the credit line of the quote above it.
fn credit_line(doc: &Document, toks: &[Tok]) -> Option<Np> {
    let first = toks.first()?;
    if !matches!(first.kind, TokKind::Punct('—' | '–' | '―' | '-')) || toks.len() > 30 {
        return None;
    }
    if toks.iter().any(|t| matches!(t.kind, TokKind::Quote(_))) {
        return None;
    }
    let end = toks.iter().position(|t| t.kind == TokKind::Break).unwrap_or(toks.len());
    let np = np::after(doc, toks, 1, end)?;
    let after = toks[1..end].iter().position(|t| t.span.start >= np.span.end).map(|p| p + 1);
    let closed = after.is_none_or(|k| toks[k].is_punct(',') || toks[k].is_punct('.'));
    (matches!(np.kind, NpKind::Name(_)) && closed).then_some(np)
}

#[cfg(test)]
mod tests;
