//! People and bodies the article cites, with every mention.
//!
//! Names are found by shape and context: capitalised runs next to titles, appositives
//! and speech verbs. Which part of a name is the surname is learnt from the article (the
//! form it uses alone), so "Park Ji-hoon" → "Park" and "Ana Ruiz Ortega" → "Ruiz Ortega".
//!
//! This file holds the types. The work is split by step: `runs.rs` finds the runs of
//! capitalised words and decides their kind, `build.rs` turns them into entities and
//! mentions, `lookup.rs` keeps the indexes and answers the look-ups attribution makes,
//! `names.rs` knows name shapes, and `article.rs` reads what the whole article says
//! about its names (its byline, the surnames it puts after a courtesy title).

mod article;
mod build;
mod clauses;
mod lookup;
pub mod names;
mod runs;

use crate::document::Span;
use crate::lexicon::Pronoun;
use serde::Serialize;
/// The entity tables' maps: FxHash (their keys are short lowercase names; their
/// iteration order is never read).
type HashMap<K, V> = std::collections::HashMap<K, V, crate::hash::FastBuild>;
type HashSet<K> = std::collections::HashSet<K, crate::hash::FastBuild>;

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
    /// The pronoun and descriptor mentions attribution has added, sorted by start, until
    /// [`Entities::settle_mentions`] merges them into `mentions`: inserting each into
    /// `mentions` moved every later name mention, once per pronoun.
    #[serde(skip)]
    pub(crate) added: Vec<Mention>,
    /// The starts of the added mentions that are not pronouns, sorted.
    #[serde(skip)]
    pub(crate) added_named: Vec<usize>,
    #[serde(skip)]
    pub gender: Option<Pronoun>,
    #[serde(skip)]
    pub parts: Vec<String>,
    /// The writer of a first-person piece: "I", never "he" or "she".
    #[serde(skip)]
    pub narrator: bool,
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
            added: Vec::new(),
            added_named: Vec::new(),
            gender: None,
            parts: Vec::new(),
            narrator: false,
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
    /// People's surnames and later name parts, lowercase, by first letter and length in
    /// chars: the candidates `person_by_variant` checks, so a look-up reads the few words
    /// that could be one or two edits away, not everyone.
    variants: HashMap<(char, usize), Vec<(usize, String)>>,
    /// People with ids below this are in `variants`; later ones (a narrator added during
    /// attribution) are checked one by one.
    variants_upto: usize,
    /// Lowercase names of bodies → entity.
    bodies: HashMap<String, usize>,
    /// Every mention except pronouns as (start, end, entity, block), sorted by start.
    index: Vec<(usize, usize, usize, usize)>,
    /// Title and descriptor words (lowercase) → people, for "the minister".
    roles: HashMap<String, Vec<usize>>,
    /// The one author a byline names ("By Ana Ruiz"): the name, its span and block. The
    /// writer becomes a person only when the copy quotes the writer ("“…,” I said").
    byline: Option<(Span, String, usize)>,
}
