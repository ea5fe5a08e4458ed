//! Real-word errors: confusion sets scored on embedded n-gram data.
//!
//! A spell checker passes "My best guest is that …" because every word is a
//! word. This module catches it the way a copy editor does: for each word that
//! belongs to a confusion set (`data/confusables.txt`), it compares the written
//! word `w` with each alternative `a` in the word's context under two models
//! (both built by `scripts/build_ngrams.py`; sources and licences in
//! `data/LICENSE-ngrams.md`). A suggestion is made when either model is
//! confident enough; the reported ratio is the larger of the two.
//!
//! **Language model** (`data/ngrams-lm.bin`, see [`lm`]): a subset of the CMU
//! Sphinx US English trigram back-off model, whose vocabulary has contractions
//! (`it's`, `they're`) and sentence boundaries. With up to two context words on
//! each side (`l2 l1 x r1 r2`; quote marks skipped, and commas except one right
//! after the word, which ends its clause: "Ferries, too, were …"; `<s>`/`</s>`
//! at the sentence's ends) a candidate scores
//!
//! ```text
//! log P(x | l2 l1) + log P(r1 | l1 x) + log P(r2 | x r1)
//! ```
//!
//! The log-odds of `a` over `w` keep [`Params::lm_prior`] of the unigram prior
//! (frequent words otherwise swamp rare ones), need a listed n-gram of the
//! alternative, and must reach [`Params::lm_margin`]. For a rare written word
//! (unigram below [`Params::lm_cap_below`]) each side is capped at
//! [`Params::lm_cap`] where the word has no listed n-gram: a pruned model backs
//! rare words off hardest, so a missing n-gram proves little. For a common
//! written word ("to", "where", "buy") the model's n-grams are dense, a missing
//! one is evidence, and the margin is the lower [`Params::lm_margin_common`].
//!
//! **Count model** (`data/ngrams.fst`): symspellpy's unigram and bigram counts
//! (Google Books derived). The score of a candidate `x` between left word `l`
//! and right word `r` is `P(x | l) · P(r | x)`, so the odds are
//!
//! ```text
//! ratio = c(l a)/c(l w) · [c(a r)/c(a)] / [c(w r)/c(w)]
//! ```
//!
//! The bigram list is pruned (no pair below [`Model::bigram_min`] is listed), so
//! an unlisted bigram is estimated by backing off to the unigram priors
//! (independence, scaled and boosted for association) and capped below the
//! pruning threshold. A side where neither word is listed carries no evidence
//! and can only argue *against* a change. A suggestion needs: listed evidence
//! for the alternative, no side that prefers the written word, and an overall
//! ratio above [`Params::margin`].
//!
//! When neither model alone is confident enough, both reaching the lower
//! [`Params::agree`] odds is a suggestion too: two independent sources agreeing.
//!
//! All thresholds are tuned on the even lines of the evaluation set by
//! `examples/confusables_eval.rs` (`--sweep-lm`), and confirmed on the odd lines.
//!
//! Where things are: [`ConfusionSets`] (`sets.rs`) parses the sets and [`Params`]
//! (`params.rs`) holds the thresholds. [`Model`] (`model.rs`) is the count data,
//! [`lm`] the language model, [`colloc`] the fixed phrases; `token.rs` normalises
//! and hashes tokens. [`Checker`] (`checker.rs`) walks a sentence and writes each
//! [`Suggestion`], `score.rs` weighs one position under both models, and [`Memo`]
//! (`memo.rs`) keeps verdicts by context.

mod checker;
pub mod colloc;
pub mod lm;
mod memo;
mod model;
mod params;
mod score;
mod sets;
pub(crate) mod table;
#[cfg(test)]
#[rustfmt::skip]
mod tests;
mod token;

pub use crate::hash::fnv1a64;
pub use checker::{group_thousands, Checker, Suggestion};
pub use memo::Memo;
pub use model::Model;
pub use params::Params;
pub use sets::{ConfusionSets, EMBEDDED_SETS};

/// Longest word (in bytes) that can be in a set; longer tokens are skipped at once.
const MAX_WORD: usize = 32;
