//! The tuning parameters of both models and their defaults.

/// Tuning knobs; the defaults are tuned on `examples/confusables_eval.rs`
/// (`--sweep` for the count model, `--sweep-lm` for the language model).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Params {
    /// Minimum overall odds of the alternative over the written word.
    pub margin: f64,
    /// Association boost applied to the independence estimate of an unlisted bigram.
    pub assoc: f64,
    /// Cap of an unlisted bigram's estimate, as a fraction of the pruning threshold.
    pub cap: f64,
    /// A side whose odds fall below this vetoes the suggestion.
    pub min_side: f64,
    /// How much of the unigram prior c(a)/c(w) stays in the odds (0 = context
    /// likelihood ratio only, 1 = full posterior).
    pub prior: f64,
    /// Margin multiplier when only one side of the word has context.
    pub one_side: f64,
    /// The alternative's listed bigram must reach this multiple of the pruning threshold.
    pub min_evidence: f64,
    /// Minimum odds of the alternative over the written word under the trigram
    /// language model (0 turns the language model off).
    pub lm_margin: f64,
    /// How much of the unigram prior stays in the language model's odds (1 = all).
    pub lm_prior: f64,
    /// Whether the language model may fire only when an n-gram of the
    /// alternative with a context word is listed (not from back-off alone).
    pub lm_listed: bool,
    /// Each side's language-model odds (the left side without the unigram
    /// prior) must reach this, or the side vetoes the suggestion.
    pub lm_min_side: f64,
    /// A language-model suggestion is dropped when the count model lists the
    /// written word's bigram on a side and that side's odds (without prior)
    /// for the alternative are below this (0 = never).
    pub counts_veto: f64,
    /// Most log10 odds a side may add when the written word has no listed
    /// n-gram there (0 = no cap).
    pub lm_cap: f64,
    /// The cap applies only to written words whose log10 unigram probability is
    /// below this (0 = every word): a frequent word's n-grams are dense in the
    /// model, so a missing one is evidence, not pruning.
    pub lm_cap_below: f64,
    /// The language model's margin for written words at or above `lm_cap_below`
    /// (0 = `lm_margin`).
    pub lm_margin_common: f64,
    /// Whether the count model (symspellpy bigrams) may fire on its own.
    pub counts: bool,
    /// Whether the fixed phrases of `data/collocations.txt` may fire.
    pub collocations: bool,
    /// Whether commas, semicolons and colons are skipped when the language
    /// model looks for context words (the model was trained without punctuation).
    pub skip_commas: bool,
    /// Odds both models must reach for a suggestion neither makes alone: two
    /// independent sources of evidence agreeing (0 = off).
    pub agree: f64,
}

impl Default for Params {
    fn default() -> Self {
        Params {
            margin: 60.0,
            assoc: 5.0,
            cap: 0.5,
            min_side: 1.0,
            prior: 0.5,
            one_side: 1.0,
            min_evidence: 1.0,
            lm_margin: 100.0,
            lm_prior: 0.3,
            lm_listed: true,
            lm_min_side: 0.0,
            counts_veto: 0.0,
            lm_cap: 1.0,
            lm_cap_below: -5.0,
            lm_margin_common: 50.0,
            counts: true,
            agree: 30.0,
            skip_commas: true,
            collocations: true,
        }
    }
}
