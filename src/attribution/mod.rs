//! Who said each quote, and what else the article credits to whom.
//!
//! For every speech verb in the narrative the stage reads its speaker phrase (a cue);
//! each quote takes the cue of its sentence (`“…,” X said`, `X said: “…”`, `X said …
//! “…”`), else the speaker of the quote before it in the paragraph, else the speaker of
//! the paragraph before. "according to X" is the speaker when there is no other, and
//! the relay (`via`) when there is. Speaker phrases resolve to entities: names to the
//! fullest name, pronouns to the last fitting person, descriptors to whom they describe.

pub mod np;
pub mod tokens;

use crate::document::{BlockKind, Document, Span};
use crate::entities::{Entities, EntityKind, MentionKind};
use crate::lexicon::{self, Pronoun};
use crate::quotes::Quote;
use np::{is, w, Np, NpKind};
use serde::Serialize;
use tokens::{Tok, TokKind};

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
    /// It reports something said: not a request or a negated verb (see [`states`]).
    pub states: bool,
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
}

/// Attribute every quote of the article.
pub fn attribute(doc: &Document, quotes: &[Quote], ents: &mut Entities) -> Attributions {
    let mut out =
        Attributions { quotes: vec![Attribution::none(false, Link::None); quotes.len()], ..Default::default() };
    let mut last_speaker: Option<Attribution> = None; // of the previous paragraph
                                                      // One block's tokens and the previous block's, rebuilt in two buffers: the article's
                                                      // tokens are never all in memory at once.
    let (mut cur, mut before): (Vec<Tok>, Vec<Tok>) = (Vec::new(), Vec::new());
    // The quotes of the previous paragraph that found no speaker, for a credit line.
    let (mut unclaimed, mut unclaimed_now): (Vec<usize>, Vec<usize>) = (Vec::new(), Vec::new());
    for bi in 0..doc.blocks.len() {
        std::mem::swap(&mut cur, &mut before);
        std::mem::swap(&mut unclaimed, &mut unclaimed_now);
        unclaimed_now.clear();
        tokens::block_tokens(doc, bi, quotes, &mut cur);
        let toks = cur.as_slice();
        // "— Gov. Ana Ruiz, in a post after the vote": a credit line under a quote
        // paragraph names its speaker.
        if let Some(np) = credit_line(doc, toks).filter(|_| !unclaimed.is_empty()) {
            let (speaker, entity, source_type) = resolve(doc, Some(&np), bi, ents, &out.cues);
            if speaker.is_some() && matches!(source_type, SourceType::NamedPerson | SourceType::Organization) {
                // "— Ana Ruiz, in a post on X", "— Ruiz, tweeting after the vote".
                let posted = toks.iter().any(|t| {
                    t.is_word() && {
                        let word = w(doc, t);
                        lexicon::is_social_media(word.strip_suffix('.').unwrap_or(word))
                            || matches!(word, "tweeting" | "posting" | "tweeted" | "posted")
                    }
                });
                let source_type = if posted { SourceType::SocialMedia } else { source_type };
                for &qi in &unclaimed {
                    let partial = out.quotes[qi].partial;
                    out.quotes[qi] = Attribution {
                        speaker: speaker.clone(),
                        entity,
                        speaker_span: Some(np.span),
                        cue: Some(doc.text(toks[0].span).to_string()),
                        cue_span: Some(toks[0].span),
                        source_type,
                        via: None,
                        via_span: None,
                        link: Link::Adjacent,
                        partial,
                    };
                }
            }
        }
        let heading = doc.blocks[bi].kind == BlockKind::Heading;
        let mut para_speaker: Option<Attribution> = None;
        let mut unit_start = 0;
        for ui in 0..=toks.len() {
            if ui < toks.len() && toks[ui].kind != TokKind::Break {
                continue;
            }
            let unit = unit_start..ui;
            unit_start = ui + 1;
            let prev = if bi > 0 { before.as_slice() } else { &[] };
            let cues = find_cues(doc, toks, prev, unit.clone(), bi, ents, &mut out);
            let according = find_according(doc, toks, unit.clone(), bi, &mut out);
            let mut according_used = false;
            let mut quoted = false;
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
                    &para_speaker,
                    &last_speaker,
                    heading,
                    ents,
                    &out.cues,
                );
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
            // A speech verb with a speaker makes that speaker current for following quotes.
            if let Some(&c) = cues.last() {
                let cue = &out.cues[c];
                if cue.speaker.is_some() && !unit.clone().any(|i| matches!(toks[i].kind, TokKind::Quote(_))) {
                    para_speaker = Some(from_cue(doc, cue, Link::Sentence));
                }
            }
        }
        if let Some(p) = para_speaker {
            last_speaker = Some(p);
        } else if !toks.is_empty() {
            last_speaker = None;
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
        let heading = doc.blocks[cue.block].kind == BlockKind::Heading;
        if cue.quoted || cue.speaker.is_none() || embedded || heading || !cue.states {
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
    // Kept for the whole check: give back what their growth left over.
    out.cues.shrink_to_fit();
    out.claims.shrink_to_fit();
    out.according.shrink_to_fit();
    out
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

/// Find the speech verbs of a sentence and resolve their speakers.
fn find_cues(
    doc: &Document,
    toks: &[Tok],
    prev: &[Tok],
    unit: std::ops::Range<usize>,
    bi: usize,
    ents: &mut Entities,
    out: &mut Attributions,
) -> Vec<usize> {
    let mut found = Vec::new();
    for i in unit.clone() {
        let t = &toks[i];
        if !t.is_word()
            || !(lexicon::is_speech_verb(w(doc, t)) || put_it(doc, toks, i, unit.end))
            || !verb_position(doc, toks, i, unit.start)
        {
            continue;
        }
        if passive(doc, toks, i, unit.start) || takes_a_thing(doc, toks, i, &unit) {
            continue;
        }
        let word = w(doc, t);
        // Capitalised inside a sentence, a speech verb's form is a name's word: "the
        // United States", "Islamic State", "The Washington Post".
        if i > unit.start && word.chars().next().is_some_and(char::is_uppercase) {
            continue;
        }
        // "two people reported missing": a participle, not a cue.
        if toks.get(i + 1).is_some_and(|n| n.is_word() && lexicon::is_reduced_relative(w(doc, n))) {
            continue;
        }
        // "the storm warning", "a gale warning": a noun after a determiner, not a verb.
        if word.ends_with("ing") && i > unit.start {
            let det = |k: usize| {
                toks[k].is_word()
                    && matches!(w(doc, &toks[k]).to_lowercase().as_str(), "the" | "a" | "an" | "this" | "that")
            };
            if det(i - 1) || (i - 1 > unit.start && toks[i - 1].is_word() && det(i - 2)) {
                continue;
            }
        }
        let mut subject = if word.ends_with("ing") {
            participle_subject(doc, toks, i, unit.start)
        } else {
            np::before_relative(doc, toks, i, unit.start)
        };
        // Inverted: `“…,” said X` or `said X, title`.
        let after_quote = |k: usize| matches!(toks[k].kind, TokKind::Quote(_));
        let inverted = i == unit.start
            || after_quote(i - 1)
            || (i >= 2 && !toks[i - 1].is_word() && after_quote(i - 2))
            || (i - 1 == unit.start && !toks[i - 1].is_word());
        if inverted {
            if let Some(after) = np::after(doc, toks, i + 1, unit.end) {
                subject = Some(after);
            }
        }
        if subject.is_none() {
            // "X said … but described …": coordinated verbs share the subject.
            if let Some(prev) =
                out.cues.iter().rev().take_while(|c| c.block == bi && c.tok >= unit.start).find(|c| c.tok < i)
            {
                subject = prev.subject.clone();
            }
        }
        if subject.is_none() {
            subject = np::clause_subject(doc, toks, unit.start, i);
        }
        // A participle opening the sentence ("Asked about Clinton, she replied") has its
        // subject after the comma, never the words right after it.
        let opening_participle = i == unit.start && (word.ends_with("ing") || word.ends_with("ed"));
        if subject.is_none() && !opening_participle {
            subject = np::after(doc, toks, i + 1, unit.end);
        }
        let (speaker, entity, mut source_type) = resolve(doc, subject.as_ref(), bi, ents, &out.cues);
        // A post is a post whoever makes it: a person or a group writing on X.
        if social_context(doc, toks, prev, i, unit.end)
            && matches!(source_type, SourceType::NamedPerson | SourceType::Organization)
        {
            source_type = SourceType::SocialMedia;
        }
        let cue = Cue {
            verb: t.span,
            subject,
            block: bi,
            tok: i,
            unit: unit.start,
            speaker,
            entity,
            source_type,
            quoted: false,
            states: states(doc, toks, i),
        };
        out.cues.push(cue);
        found.push(out.cues.len() - 1);
    }
    found
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

/// "As Ruiz put it:", "as one voter puts it,": "put it" reports words.
fn put_it(doc: &Document, toks: &[Tok], i: usize, end: usize) -> bool {
    matches!(w(doc, &toks[i]), "put" | "puts")
        && toks.get(i + 1).is_some_and(|t| is(doc, t, "it"))
        && (i + 2 >= end || !toks[i + 2].is_word())
}

/// "the count was announced", "is expected": a passive speech verb names no speaker,
/// except the impersonal "it is believed", which the vague-attribution rule reads.
fn passive(doc: &Document, toks: &[Tok], i: usize, floor: usize) -> bool {
    let mut k = i;
    while k > floor
        && toks[k - 1].is_word()
        && matches!(w(doc, &toks[k - 1]), "widely" | "generally" | "also" | "often")
    {
        k -= 1;
    }
    if k == floor || !toks[k - 1].is_word() {
        return false;
    }
    let be = matches!(w(doc, &toks[k - 1]), "was" | "were" | "been" | "being" | "is" | "are" | "be");
    let impersonal =
        k >= floor + 2 && toks[k - 2].is_word() && matches!(w(doc, &toks[k - 2]), "it" | "It" | "has" | "had");
    be && !impersonal
}

/// A speech-verb form used as a verb, not a noun ("the call", "a claim", "in a statement").
fn verb_position(doc: &Document, toks: &[Tok], i: usize, floor: usize) -> bool {
    if i == floor {
        // "Asked whether …, he said": a participle opening the sentence is not its verb.
        let word = w(doc, &toks[i]);
        return !(word.ends_with("ed") || word == "Told") || !word.starts_with(char::is_uppercase);
    }
    let prev = &toks[i - 1];
    if !prev.is_word() {
        return true;
    }
    let p = w(doc, prev).to_ascii_lowercase();
    // "the company's claim": after a possessive the word is a noun.
    if p.ends_with("'s") || p.ends_with("’s") {
        return false;
    }
    // "a run of drug recalls", "a wave of warranty claims": a plural noun after a
    // preposition and its noun, not a verb ("the head of the agency reports" is one).
    let word = w(doc, &toks[i]);
    if word.ends_with('s')
        && i >= floor + 2
        && toks[i - 2].is_word()
        && matches!(w(doc, &toks[i - 2]), "of" | "for" | "in" | "on" | "with" | "from" | "about" | "by" | "at")
        && w(doc, prev).chars().all(|c| c.is_ascii_lowercase())
        && !matches!(p.as_str(), "the" | "a" | "an" | "and")
    {
        return false;
    }
    !matches!(
        p.as_str(),
        "a" | "an"
            | "the"
            | "this"
            | "that"
            | "its"
            | "his"
            | "her"
            | "their"
            | "our"
            | "my"
            | "to"
            | "of"
            | "whose"
            | "for"
            | "no"
            | "any"
            | "new"
            | "phone"
            | "and"
    ) || (p == "and" && i >= 2 && toks[i - 2].is_word())
}

/// Whether a speech verb reports something said: not a question or request ("asked the
/// court to …") and not negated ("did not say", "declined to comment").
/// Words after a verb that are a noun phrase and nothing more: a determiner or a number
/// first, and no verb of a clause after it ("the company lied", "the plan would work").
pub(crate) fn thing_object(words: &[String]) -> bool {
    let Some(first) = words.first() else { return false };
    let starts_phrase =
        matches!(first.as_str(), "the" | "a" | "an" | "his" | "her" | "their" | "its" | "our") || number_word(first);
    if !starts_phrase {
        return false;
    }
    let modifier = |w: &str| {
        matches!(w, "the" | "a" | "an" | "his" | "her" | "their" | "its" | "our" | "more" | "most" | "some")
            || number_word(w)
    };
    // A clause of its own after the phrase ("… as the visitors collapsed") is not its object.
    let end = words
        .iter()
        .position(|w| {
            matches!(
                w.as_str(),
                "as" | "when" | "while" | "after" | "before" | "because" | "since" | "until" | "but" | "and"
            )
        })
        .unwrap_or(words.len());
    let words = &words[..end];
    !words.iter().enumerate().any(|(i, w)| {
        let finite = matches!(
            w.as_str(),
            "was"
                | "were"
                | "is"
                | "are"
                | "had"
                | "has"
                | "have"
                | "would"
                | "will"
                | "could"
                | "should"
                | "can"
                | "may"
                | "might"
                | "must"
                | "did"
                | "does"
                | "do"
                | "that"
                | "lacked"
                | "knew"
        );
        // A past form after a noun is the clause's verb ("the company lied"); after a
        // determiner or number it is an adjective ("23 injured workers").
        let past = i > 0 && w.len() > 3 && w.ends_with("ed") && !modifier(&words[i - 1]);
        finite || past
    })
}

/// "19", "1,200", "six", "dozens": a count.
fn number_word(w: &str) -> bool {
    w.chars().all(|c| c.is_ascii_digit() || c == ',')
        || matches!(
            w,
            "two"
                | "three"
                | "four"
                | "five"
                | "six"
                | "seven"
                | "eight"
                | "nine"
                | "ten"
                | "eleven"
                | "twelve"
                | "twenty"
                | "thirty"
                | "forty"
                | "fifty"
                | "dozens"
                | "hundreds"
                | "thousands"
        )
}

/// "Clinics had admitted 23 injured workers", "the club has conceded 14 goals": a verb
/// of speech in its other sense, taking a thing, in a sentence without a quote.
fn takes_a_thing(doc: &Document, toks: &[Tok], verb: usize, unit: &std::ops::Range<usize>) -> bool {
    let word = w(doc, &toks[verb]).to_ascii_lowercase();
    if !["admit", "claim", "concede"].iter().any(|v| word.starts_with(v)) {
        return false;
    }
    if toks[unit.clone()].iter().any(|t| matches!(t.kind, TokKind::Quote(_))) {
        return false;
    }
    let words: Vec<String> = toks[verb + 1..unit.end]
        .iter()
        .take(8)
        .take_while(|t| t.is_word())
        .map(|t| w(doc, t).to_ascii_lowercase())
        .collect();
    thing_object(&words)
}

fn states(doc: &Document, toks: &[Tok], verb: usize) -> bool {
    let word = w(doc, &toks[verb]).to_ascii_lowercase();
    if word.starts_with("ask") {
        return false;
    }
    let mut k = verb;
    while k > 0 && toks[k - 1].is_word() && matches!(w(doc, &toks[k - 1]), "immediately" | "publicly" | "yet" | "also")
    {
        k -= 1;
    }
    let before = |n: usize| (k >= n && toks[k - n].is_word()).then(|| w(doc, &toks[k - n]).to_ascii_lowercase());
    match before(1).as_deref() {
        Some("not" | "never" | "didn't" | "don't" | "doesn't" | "won't" | "wouldn't" | "hasn't" | "haven't") => false,
        // Hypothetical: "the union would announce action", "it will decide".
        Some("would" | "will" | "could" | "might" | "may" | "should") => false,
        Some("to") => !matches!(before(2).as_deref(), Some("declined" | "refused" | "failed" | "decline" | "refuse")),
        _ => true,
    }
}

/// "X wrote on social media", "posted on X": the cue is a post. So is a bare "wrote"
/// after its paragraph or the one before said where ("posted a message on Instagram. “…,” he wrote.").
fn social_context(doc: &Document, toks: &[Tok], prev: &[Tok], verb: usize, end: usize) -> bool {
    let word = w(doc, &toks[verb]).to_ascii_lowercase();
    if matches!(word.as_str(), "posted" | "tweeted" | "posting" | "tweeting") {
        return true;
    }
    let social = |t: &Tok| {
        t.is_word() && {
            let word = w(doc, t);
            lexicon::is_social_media(word.strip_suffix('.').unwrap_or(word)) || is(doc, t, "social")
        }
    };
    if toks[verb + 1..end.min(verb + 5)].iter().any(social) {
        return true;
    }
    matches!(word.as_str(), "wrote" | "writes" | "write") && toks[..verb].iter().chain(prev).any(social)
}

/// "…, saying it …": the subject of a participle is the name just before it
/// ("with Xi saying") or the subject of the main clause.
fn participle_subject(doc: &Document, toks: &[Tok], i: usize, floor: usize) -> Option<Np> {
    if i > floor && toks[i - 1].is_word() {
        if let Some(np) = np::before(doc, toks, i, floor) {
            return Some(np);
        }
    }
    np::clause_subject(doc, toks, floor, i)
}

/// Resolve a speaker phrase to a canonical speaker name, entity and source type.
fn resolve(
    doc: &Document,
    np: Option<&Np>,
    bi: usize,
    ents: &mut Entities,
    cues: &[Cue],
) -> (Option<String>, Option<usize>, SourceType) {
    let Some(np) = np else {
        return (None, None, SourceType::Unattributed);
    };
    match &np.kind {
        NpKind::Name(name) => match ents.person_for(name, np.span.start) {
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
                let id = ents.entities.iter().position(|e| &e.name == name);
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
                if let Some(id) = ents.last_body_before(np.span.start, bi) {
                    return (Some(ents.entities[id].name.clone()), Some(id), SourceType::Organization);
                }
                return (None, None, SourceType::Unattributed);
            }
            // An unnamed source speaking earlier in this paragraph, with nobody named
            // since: "Another member of staff … said morale had fallen. ‘…,’ she said."
            if let Some(c) =
                cues.iter().rev().take_while(|c| c.block == bi).take(50).find(|c| {
                    c.verb.start < np.span.start && c.speaker.is_some() && c.source_type == SourceType::Anonymous
                })
            {
                if ents.people_between(c.verb.end, np.span.start, Pronoun::They).is_empty() {
                    return (c.speaker.clone(), None, SourceType::Anonymous);
                }
            }
            // The last speaker, unless a later sentence names someone else first.
            let speaker = subject_before(cues, bi, np.span.start, *p, ents);
            let named = ents.sentence_subject_before(doc, np.span.start, *p);
            let id = match (speaker, named) {
                (Some((sid, at)), Some((nid, sentence))) => Some(if sentence > at { nid } else { sid }),
                (Some((sid, _)), None) => Some(sid),
                (None, Some((nid, _))) => Some(nid),
                // Nobody named close by: the last person of that gender to speak, before
                // the last one merely mentioned.
                (None, None) => cues
                    .iter()
                    .rev()
                    .take_while(|c| c.block + 8 >= bi)
                    .take(200)
                    .filter(|c| c.verb.start < np.span.start)
                    .filter_map(|c| c.entity)
                    .find(|&id| ents.fits_pronoun(id, *p))
                    .or_else(|| ents.last_person_before(np.span.start, *p)),
            };
            match id {
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
            match ents.by_descriptor(&refs, np.span.start) {
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
                                matches!(&n.kind, NpKind::Anonymous(t) if t.to_lowercase().split_whitespace().any(|w| w == head))
                            })
                    });
                    match earlier {
                        Some(c) => (c.speaker.clone(), None, SourceType::Anonymous),
                        None => (Some(doc.text(np.span).to_string()), None, SourceType::Anonymous),
                    }
                }
            }
        }
        NpKind::Body(text) => {
            let last = text.rsplit(' ').next().unwrap_or("");
            let kind = if lexicon::is_document_noun(last) { SourceType::Document } else { SourceType::Organization };
            (Some(text.clone()), None, kind)
        }
        NpKind::Anonymous(text) => (Some(text.clone()), None, SourceType::Anonymous),
        NpKind::Vague(text) => (Some(text.clone()), None, SourceType::Vague),
    }
}

/// The person who spoke last in this paragraph or the one before, if they fit the
/// pronoun and were mentioned after every other fitting person's latest subject use:
/// "he" continues the current speaker rather than the last name in an object position.
fn subject_before(cues: &[Cue], bi: usize, offset: usize, p: Pronoun, ents: &Entities) -> Option<(usize, usize)> {
    let cue =
        cues.iter().rev().take_while(|c| c.block + 1 >= bi).find(|c| c.verb.start < offset && c.entity.is_some())?;
    let id = cue.entity?;
    let e = &ents.entities[id];
    let at = cue.subject.as_ref().map_or(cue.verb.start, |s| s.span.start);
    (e.kind == EntityKind::Person && e.gender.is_none_or(|g| g == p)).then_some((id, at))
}

fn is_preposition(word: &str) -> bool {
    matches!(
        word,
        "in" | "on"
            | "at"
            | "from"
            | "by"
            | "of"
            | "for"
            | "with"
            | "to"
            | "after"
            | "before"
            | "during"
            | "that"
            | "which"
            | "who"
    )
}

/// "according to X" in a sentence: X's phrase.
fn find_according(
    doc: &Document,
    toks: &[Tok],
    unit: std::ops::Range<usize>,
    bi: usize,
    out: &mut Attributions,
) -> Option<According> {
    // "according to X" and "in the words of X".
    let (i, from) = unit.clone().find_map(|i| {
        let at = |k: usize, word: &str| toks.get(i + k).is_some_and(|t| is(doc, t, word));
        if at(0, "according") && at(1, "to") {
            Some((i, i + 2))
        } else if at(0, "in") && at(1, "the") && at(2, "words") && at(3, "of") {
            Some((i, i + 4))
        } else {
            None
        }
    })?;
    let mut end = from;
    while end < unit.end && toks[end].is_word() && end - from < 8 && !(end > from && is_preposition(w(doc, &toks[end])))
    {
        end += 1;
    }
    // "according to a statement from the presidential office in Seoul": the body behind
    // the document is the source; the place after it is not.
    // "a statement released by the ministry": the participle is part of the phrase.
    let noun_end = (from + 1..end)
        .find(|&k| matches!(w(doc, &toks[k]), "released" | "issued" | "published" | "posted" | "put" | "sent"))
        .filter(|&k| lexicon::is_document_noun(w(doc, &toks[k - 1])));
    if let Some(k) = noun_end {
        end = k;
        while end < unit.end
            && toks[end].is_word()
            && !matches!(w(doc, &toks[end]), "from" | "by" | "of")
            && end - k < 3
        {
            end += 1;
        }
    }
    let mut np =
        np::classify(doc, toks, from, noun_end.unwrap_or(end)).or_else(|| np::after(doc, toks, from, unit.end))?;
    let mut document = false;
    if matches!(&np.kind, NpKind::Body(t) if lexicon::is_document_noun(t.rsplit(' ').next().unwrap_or("")))
        && end < unit.end
        && toks[end].is_word()
        && matches!(w(doc, &toks[end]), "from" | "by" | "of")
    {
        let body_from = end + 1;
        let mut body_end = body_from;
        while body_end < unit.end
            && toks[body_end].is_word()
            && body_end - body_from < 8
            && !(body_end > body_from && is_preposition(w(doc, &toks[body_end])))
        {
            body_end += 1;
        }
        if let Some(body) = np::classify(doc, toks, body_from, body_end) {
            np = body;
            document = true;
        }
    }
    let a = According { span: Span::new(toks[i].span.start, np.span.end), source: np, block: bi, tok: i, document };
    out.according.push(a.clone());
    Some(a)
}

/// "X quoted Y as saying": Y, and X with the span of "quoted", from the words of the
/// sentence before the quote.
fn quoted_as_saying(doc: &Document, toks: &[Tok], from: usize, qt: usize) -> Option<(Np, (Option<Np>, Span))> {
    // The construction sits right before its quote: a bounded look back keeps a
    // sentence of a million quotes linear.
    let lo = qt.saturating_sub(16).max(from);
    let k = (lo..qt).rev().find(|&k| toks[k].is_word() && w(doc, &toks[k]).eq_ignore_ascii_case("quoted"))?;
    let as_at = (k + 2..qt.min(k + 8)).find(|&j| toks[j].is_word() && w(doc, &toks[j]) == "as")?;
    let verb = toks.get(as_at + 1).filter(|t| t.is_word()).map(|t| w(doc, t))?;
    if !matches!(verb, "saying" | "telling" | "writing" | "stating" | "warning" | "adding") {
        return None;
    }
    let object = &toks[k + 1..as_at];
    let person = match object {
        [t] if t.is_word() && matches!(w(doc, t), "him" | "her") => {
            let p = if w(doc, t) == "him" { Pronoun::He } else { Pronoun::She };
            Np { kind: NpKind::Pronoun(p), span: t.span }
        }
        _ => np::after(doc, toks, k + 1, as_at)?,
    };
    let relay = np::before(doc, toks, k, from).or_else(|| np::clause_subject(doc, toks, from, k));
    Some((person, (relay, toks[k].span)))
}

#[allow(clippy::too_many_arguments)]
fn attribute_quote(
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
    let words = text.split_whitespace().count();
    let at_start = qt == unit.start || (qt == unit.start + 1 && !toks[unit.start].is_word());
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
    let mut a = match (relay, chosen) {
        (Some((person, relay)), _) => {
            let mut a = from_cue(doc, &all_cues[person], Link::Sentence);
            if let Some(np) = &all_cues[relay].subject {
                a.via = Some(doc.text(np.span).trim_start_matches("the ").to_string());
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
    if a.speaker.is_none() && qt > unit.start && toks[qt - 1].is_punct(':') {
        let named = |n: &Np| matches!(n.kind, NpKind::Name(_));
        let last = (qt - 1 > unit.start && toks[qt - 2].is_word())
            .then(|| np::before(doc, toks, qt - 1, unit.start))
            .flatten()
            .filter(|n| named(n) && n.span.start > toks[unit.start].span.start);
        let subject = np::clause_subject(doc, toks, unit.start, qt - 1).filter(named);
        for (np, body) in [(last, false), (subject, true)] {
            let Some(np) = np else { continue };
            let (speaker, entity, mut kind) = resolve(doc, Some(&np), quote.first_block, ents, all_cues);
            let body_ok = body && kind == SourceType::Organization && sentence_like;
            if kind == SourceType::NamedPerson || body_ok {
                if toks[unit.start..qt].iter().any(|t| t.is_word() && lexicon::is_social_media(w(doc, t))) {
                    kind = SourceType::SocialMedia;
                }
                a.speaker = speaker;
                a.entity = entity;
                a.source_type = kind;
                a.speaker_span = Some(np.span);
                a.link = Link::Sentence;
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
        if let Some(np) = np::clause_subject(doc, toks, unit.start, qt).filter(|_| !clause_break && !appositive_title) {
            let (speaker, entity, kind) = resolve(doc, Some(&np), quote.first_block, ents, all_cues);
            let person = kind == SourceType::NamedPerson && (pronoun(&np) || name(&np));
            let credited =
                if person { words >= 2 || lowercase } else { !name(&np) && !pronoun(&np) && words >= 3 && lowercase };
            if speaker.is_some() && credited {
                a.speaker = speaker;
                a.entity = entity;
                a.source_type = kind;
                a.speaker_span = Some(np.span);
                a.link = Link::Sentence;
            }
        }
        return a;
    }
    // "“…,” said the printed slate card": someone else speaks, even if the phrase is not
    // one the speaker finder reads.
    if chosen.is_some_and(|c| all_cues[c].tok > qt && all_cues[c].subject.is_none() && all_cues[c].states) {
        return a;
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

/// The cue of a quote's sentence: right after the quote (`“…,” X said`) when the quote
/// leads, else the nearest speech verb before it (`X said the plan was “…”`).
fn choose_cue(
    doc: &Document,
    toks: &[Tok],
    qt: usize,
    text: &str,
    at_start: bool,
    cues: &[usize],
    all: &[Cue],
) -> Option<usize> {
    // After the quote, only the speaker phrase (and adverbs) may stand between the
    // quote and the verb: `“…,” the minister said`, not `“…,” and he expressed`.
    // (Only cues in the next 30 tokens can have nothing but their speaker between them
    // and the quote: the search stays bounded in a sentence of thousands of quotes.)
    let first_after = cues.partition_point(|&c| all[c].tok <= qt);
    let after = cues[first_after..].iter().copied().take_while(|&c| all[c].tok <= qt + 30).find(|&c| {
        let ct = all[c].tok;
        let subject = all[c].subject.as_ref().map(|n| n.span);
        // "“…,” the band's singer, Kofi Mensah-Bright, told the crowd": a named subject
        // right before the verb, after a short appositive.
        let named_subject = subject.is_some_and(|s| s.start > toks[qt].span.end)
            && matches!(all[c].subject.as_ref().map(|n| &n.kind), Some(NpKind::Name(_)))
            && toks[qt + 1..ct.max(qt + 1)].iter().filter(|t| t.is_word()).count() <= 10
            && !toks[qt + 1..ct.max(qt + 1)].iter().any(|t| matches!(t.kind, TokKind::Quote(_) | TokKind::Break));
        ct > qt
            && (named_subject
                || toks[qt + 1..ct].iter().all(|t| match t.kind {
                    TokKind::Word => {
                        subject.is_some_and(|s| s.contains(t.span.start))
                            || np::is_adverb(w(doc, t))
                            || np::is_phrase_word(w(doc, t))
                            || matches!(w(doc, t), "the" | "a" | "an")
                    }
                    TokKind::Punct(c) => matches!(c, ',' | '—' | '–' | '-'),
                    _ => false,
                }))
    });
    // "Ortiz asked, “Will the board act?”": asking is how a question is said.
    let question = text.trim_end_matches(['”', '"', '’', '\'', ',']).ends_with('?');
    let asks = |c: usize| question && doc.text(all[c].verb).to_ascii_lowercase().starts_with("ask");
    let before = cues[..first_after]
        .iter()
        .copied()
        .rev()
        .find(|&c| all[c].tok < qt && all[c].speaker.is_some() && (all[c].states || asks(c)));
    // "Fundraising was “stagnant” as donors waited, he said.": a cue closing the
    // sentence after a comma reports all of it, the phrases quoted inside included.
    // (Within 60 tokens of the quote, and a tail of a few words: bounded, so a sentence of
    // thousands of quotes and cues stays linear.)
    let closing = cues[first_after..].iter().copied().take_while(|&c| all[c].tok <= qt + 60).find(|&c| {
        let cue = &all[c];
        let Some(subject) = cue.subject.as_ref() else { return false };
        let Some(first) =
            toks[qt + 1..cue.tok].iter().position(|t| t.span.start >= subject.span.start.min(cue.verb.start))
        else {
            return false;
        };
        let first = qt + 1 + first;
        let rest = &toks[cue.tok + 1..];
        let tail = rest.iter().take(8).take_while(|t| !matches!(t.kind, TokKind::Break)).count();
        cue.speaker.is_some()
            && cue.states
            && toks[first - 1].is_punct(',')
            && tail <= 7
            && !rest[..tail].iter().any(|t| matches!(t.kind, TokKind::Quote(_)))
    });
    let leads = at_start
        || text.ends_with([',', '?', '!', '—', '-'])
        || toks.get(qt + 1).is_some_and(|t| t.is_punct(',') || t.is_punct('—'));
    if leads {
        after.filter(|&c| all[c].speaker.is_some()).or(before).or(after)
    } else {
        before.or(after).or(closing)
    }
}

fn resolve_according(
    doc: &Document,
    acc: &According,
    ents: &mut Entities,
) -> (Option<String>, Option<usize>, SourceType) {
    let (speaker, entity, kind) = resolve(doc, Some(&acc.source), acc.block, ents, &[]);
    let kind = if acc.document && speaker.is_some() { SourceType::Document } else { kind };
    (speaker, entity, kind)
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
            return true;
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
    let words: Vec<&str> = text.split_whitespace().collect();
    let long: Vec<&&str> = words.iter().filter(|w| w.len() > 3).collect();
    let title_case = words.len() >= 2
        && long.len() >= 2
        && !text.contains([',', '.', '!', '?'])
        && long.iter().all(|w| w.chars().next().is_some_and(char::is_uppercase));
    // At the start of a sentence only with an appositive after it: "“Bantay Sugbo,” a
    // nightly police programme, broadcast the arrests".
    let appositive = || {
        let mut k = qt + 1;
        if toks.get(k).is_some_and(|t| t.is_punct(',')) {
            k += 1;
        }
        toks.get(k).is_some_and(|t| t.is_word() && matches!(w(doc, t), "a" | "an" | "the"))
    };
    title_case && (qt > 0 || appositive())
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

#[cfg(test)]
mod tests;
