//! Scoring one position: the odds of each alternative over the written word under the
//! count model (a [`Side`] each way) and the language model ([`LmCtx`]), and the best one.

use super::checker::{Checker, Entry};
use super::lm::{Gram, Lm, END, START};
#[cfg(doc)]
use super::params::Params;
use super::token::{is_quote_mark, is_word_token, Norm};

/// Odds on one side of the word, and whether the alternative's bigram is listed there.
struct Side {
    odds: f64,
    /// The alternative's listed bigram count on this side (0 if unlisted).
    alt_count: u64,
}

impl Checker {
    /// Estimated count of an unlisted bigram `x y`: unigram independence, boosted
    /// for association, on the bigram list's scale, capped below the pruning threshold.
    fn unlisted(&self, cx: u64, cy: u64) -> f64 {
        let m = &self.model;
        let indep = m.scale * cx as f64 * cy as f64 / m.unigram_total;
        (indep * self.params.assoc).min(self.params.cap * m.bigram_min as f64).max(1.0)
    }

    /// Odds of alternative `a` over written `w` given the left word `l`.
    fn left_side(&self, l: &[u8], cl: u64, w: &Entry, a: &Entry) -> Option<Side> {
        if !w.has_left || !a.has_left {
            return None;
        }
        let (lw, la) = (self.model.bigram(l, w.word.as_bytes()), self.model.bigram(l, a.word.as_bytes()));
        // P(a|l)/P(w|l) carries the prior c(a)/c(w); keep only `params.prior` of it,
        // or frequent words swamp rare ones (night/knight, see/sea).
        let prior = a.unigram as f64 / w.unigram as f64;
        if lw == 0 && la == 0 {
            // No evidence here: the prior may only argue against the change.
            return Some(Side { odds: prior.powf(self.params.prior).min(1.0), alt_count: 0 });
        }
        let ew = if lw > 0 { lw as f64 } else { self.unlisted(cl, w.unigram) };
        let ea = if la > 0 { la as f64 } else { self.unlisted(cl, a.unigram) };
        Some(Side { odds: ea / ew / prior.powf(1.0 - self.params.prior), alt_count: la })
    }

    /// Odds of alternative `a` over written `w` given the right word `r`.
    fn right_side(&self, r: &[u8], cr: u64, w: &Entry, a: &Entry) -> Option<Side> {
        if !w.has_right || !a.has_right {
            return None;
        }
        let (wr, ar) = (self.model.bigram(w.word.as_bytes(), r), self.model.bigram(a.word.as_bytes(), r));
        if wr == 0 && ar == 0 {
            return Some(Side { odds: 1.0, alt_count: 0 });
        }
        let ew = if wr > 0 { wr as f64 } else { self.unlisted(w.unigram, cr) };
        let ea = if ar > 0 { ar as f64 } else { self.unlisted(a.unigram, cr) };
        Some(Side { odds: (ea / a.unigram as f64) / (ew / w.unigram as f64), alt_count: ar })
    }

    /// Context word at `j`, if it is a word the model knows.
    pub(super) fn context(&self, tokens: &[&str], j: Option<usize>) -> Option<(Norm, u64)> {
        let t = *tokens.get(j?)?;
        let n = Norm::new(t)?;
        let c = self.model.unigram(n.bytes());
        (c > 0).then_some((n, c))
    }

    /// Odds of alternative `a` over written `w` under the count model, if it may fire.
    fn count_odds(
        &self,
        left: Option<&(Norm, u64)>,
        right: Option<&(Norm, u64)>,
        w: &Entry,
        a: &Entry,
        margin: f64,
    ) -> Option<f64> {
        let p = self.params;
        if a.unigram == 0 {
            return None;
        }
        let ls = left.and_then(|(n, c)| self.left_side(n.bytes(), *c, w, a));
        let rs = right.and_then(|(n, c)| self.right_side(n.bytes(), *c, w, a));
        let mut odds = 1.0;
        let mut listed = false;
        let mut veto = false;
        let mut n = 0;
        let min_count = p.min_evidence * self.model.bigram_min as f64;
        for s in [ls, rs].iter().flatten() {
            n += 1;
            odds *= s.odds;
            listed |= s.alt_count as f64 >= min_count && s.odds > 1.0;
            veto |= s.odds < p.min_side;
        }
        let margin = if n == 2 { margin } else { margin * p.one_side };
        (n > 0 && listed && !veto && odds >= margin).then_some(odds)
    }

    /// Whether the count model's listed bigrams of the written word argue
    /// against alternative `a` (see [`Params::counts_veto`]).
    fn counts_object(&self, left: Option<&(Norm, u64)>, right: Option<&(Norm, u64)>, w: &Entry, a: &Entry) -> bool {
        let limit = self.params.counts_veto;
        if limit <= 0.0 || w.unigram == 0 || a.unigram == 0 {
            return false;
        }
        let m = &self.model;
        if let Some((l, cl)) = left {
            let (lw, la) = (m.bigram(l.bytes(), w.word.as_bytes()), m.bigram(l.bytes(), a.word.as_bytes()));
            if lw > 0 {
                let ea = if la > 0 { la as f64 } else { self.unlisted(*cl, a.unigram) };
                if (ea / a.unigram as f64) / (lw as f64 / w.unigram as f64) < limit {
                    return true;
                }
            }
        }
        if let Some((r, cr)) = right {
            let (wr, ar) = (m.bigram(w.word.as_bytes(), r.bytes()), m.bigram(a.word.as_bytes(), r.bytes()));
            if wr > 0 {
                let ea = if ar > 0 { ar as f64 } else { self.unlisted(a.unigram, *cr) };
                if (ea / a.unigram as f64) / (wr as f64 / w.unigram as f64) < limit {
                    return true;
                }
            }
        }
        false
    }

    /// Up to two context words on one side of `i` for the language model,
    /// nearest first, with their unigrams; `<s>`/`</s>` at a sentence boundary.
    fn lm_side(&self, tokens: &[&str], i: usize, right: bool) -> [Option<(Norm, Gram)>; 2] {
        let mut out: [Option<(Norm, Gram)>; 2] = [None, None];
        let mut k = 0;
        let mut j = i;
        let boundary = if right { END } else { START };
        while k < 2 {
            let next = if right { (j + 1 < tokens.len()).then_some(j + 1) } else { j.checked_sub(1) };
            let Some(nj) = next else {
                out[k] = self.lm.unigram(boundary.as_bytes()).map(|g| (Norm::raw(boundary), g));
                break;
            };
            j = nj;
            let t = tokens[j];
            if is_word_token(t) {
                let Some(n) = Norm::new(t) else { break };
                let Some(g) = self.lm.unigram(n.bytes()) else {
                    break;
                };
                out[k] = Some((n, g));
                k += 1;
            } else if matches!(t, "." | "!" | "?" | "…") {
                out[k] = self.lm.unigram(boundary.as_bytes()).map(|g| (Norm::raw(boundary), g));
                break;
            } else if is_quote_mark(t) || (self.params.skip_commas && (k > 0 || !right) && matches!(t, "," | ";" | ":"))
            {
                continue;
            } else {
                break;
            }
        }
        out
    }

    /// Whether alternative `a` has any listed n-gram next to it, the precondition
    /// of every way a suggestion can be made (see [`Checker::score`]): for the
    /// language model (when [`Params::lm_listed`]) a bigram with the nearest
    /// context word on either side (a trigram ending in it implies one); for the count model
    /// a listed bigram of at least the evidence threshold. Returns (language model,
    /// count model), and the two bigrams the language model looked up.
    #[allow(clippy::too_many_arguments)]
    fn screen(
        &self,
        w: &Entry,
        a: &Entry,
        lm: Option<&LmCtx>,
        left: Option<&(Norm, u64)>,
        right: Option<&(Norm, u64)>,
        use_counts: bool,
        min_count: f64,
    ) -> (bool, bool, Option<Gram>, Option<Gram>) {
        let p = self.params;
        let (mut lm_ev, mut l1a, mut ar1) = (false, None, None);
        if let (Some(ctx), Some(_)) = (lm, a.lm) {
            l1a = ctx.l1.as_ref().and_then(|(l1, _)| self.lm.bigram(l1.bytes(), a.word.as_bytes()));
            ar1 = ctx.r1.as_ref().and_then(|(r1, _)| self.lm.bigram(a.word.as_bytes(), r1.bytes()));
            // A trigram `l2 l1 a` is never listed without the bigram `l1 a` (true of
            // every trigram of the source model; scripts/build_ngrams.py checks it).
            lm_ev = !p.lm_listed || l1a.is_some() || ar1.is_some();
        }
        let count_ev = use_counts
            && a.unigram > 0
            && (min_count <= 0.0
                || left.is_some_and(|(l, _)| {
                    w.has_left && a.has_left && self.model.bigram(l.bytes(), a.word.as_bytes()) as f64 >= min_count
                })
                || right.is_some_and(|(r, _)| {
                    w.has_right && a.has_right && self.model.bigram(a.word.as_bytes(), r.bytes()) as f64 >= min_count
                }));
        (lm_ev, count_ev, l1a, ar1)
    }

    /// The best alternative at `i` (of set word `wi`) and its odds, if any is
    /// likely enough.
    pub(super) fn score(&self, tokens: &[&str], i: usize, wi: usize) -> Option<(usize, f64)> {
        let w = &self.entries[wi];
        let p = self.params;
        let left = self.context(tokens, i.checked_sub(1));
        let right = self.context(tokens, Some(i + 1));
        let use_counts = p.counts && w.unigram > 0 && (left.is_some() || right.is_some());
        let lm_ctx = match w.lm {
            Some(_) if p.lm_margin > 0.0 => {
                let [l1, l2] = self.lm_side(tokens, i, false);
                let [r1, r2] = self.lm_side(tokens, i, true);
                Some(LmCtx::new(&self.lm, l1, l2, r1, r2))
            }
            _ => None,
        };
        if !use_counts && lm_ctx.is_none() {
            return None;
        }
        let min_count = p.min_evidence * self.model.bigram_min as f64;
        let min_lm = p.lm_margin.max(f64::MIN_POSITIVE).log10();
        // The written word's language-model score, computed once and only if an
        // alternative has evidence for the language model to weigh.
        let mut base: Option<LmScore> = None;
        let mut best: Option<(usize, f64)> = None;
        for &ai in &w.alternatives {
            let a = &self.entries[ai];
            // Most positions have no listed n-gram of any alternative: nothing can fire.
            let (lm_ev, count_ev, l1a, ar1) =
                self.screen(w, a, lm_ctx.as_ref(), left.as_ref(), right.as_ref(), use_counts, min_count);
            if !lm_ev && !count_ev {
                continue;
            }
            let mut odds: Option<f64> = None;
            let mut lm_odds: Option<f64> = None;
            if let (true, Some(ctx), Some(uw), Some(ua)) = (lm_ev, &lm_ctx, w.lm, a.lm) {
                let base = *base.get_or_insert_with(|| ctx.logp(&self.lm, w.word.as_bytes(), uw, None));
                let sa = ctx.logp(&self.lm, a.word.as_bytes(), ua, Some((l1a, ar1)));
                let listed = sa.left_listed || sa.right_listed;
                let prior = ua.prob - uw.prob;
                let (mut dl, mut dr) = (sa.left - base.left - prior, sa.right - base.right);
                // Where only the alternative is listed, the written word's
                // estimate comes from back-off alone, and a pruned model backs
                // off rare words most: cap what the missing n-gram can prove.
                if p.lm_cap > 0.0 && uw.prob < p.lm_cap_below {
                    if !base.left_listed {
                        dl = dl.min(p.lm_cap);
                    }
                    if !base.right_listed {
                        dr = dr.min(p.lm_cap);
                    }
                }
                let d = dl + dr + p.lm_prior * prior;
                let min_side = p.lm_min_side.max(f64::MIN_POSITIVE).log10();
                if dl.min(dr) >= min_side
                    && (listed || !p.lm_listed)
                    && !self.counts_object(left.as_ref(), right.as_ref(), w, a)
                {
                    lm_odds = Some(10f64.powf(d));
                    let min_lm = if p.lm_margin_common > 0.0 && uw.prob >= p.lm_cap_below {
                        p.lm_margin_common.log10()
                    } else {
                        min_lm
                    };
                    if d >= min_lm {
                        odds = lm_odds;
                    }
                }
            }
            if count_ev {
                if let Some(o) = self.count_odds(left.as_ref(), right.as_ref(), w, a, p.margin) {
                    odds = Some(odds.map_or(o, |x| x.max(o)));
                }
                // Both models past the lower agreement margin.
                if odds.is_none() && p.agree > 0.0 && lm_odds.is_some_and(|l| l >= p.agree) {
                    if let Some(o) = self.count_odds(left.as_ref(), right.as_ref(), w, a, p.agree) {
                        odds = Some(o.max(lm_odds.unwrap_or(0.0)));
                    }
                }
            }
            if let Some(o) = odds {
                if best.is_none_or(|(_, b)| o > b) {
                    best = Some((ai, o));
                }
            }
        }
        best
    }
}

/// log10 probability of a candidate's left term P(x | l2 l1) and right terms
/// P(r1 | l1 x) P(r2 | x r1), and whether an n-gram of `x` is listed in each.
#[derive(Clone, Copy)]
struct LmScore {
    left: f64,
    right: f64,
    left_listed: bool,
    right_listed: bool,
}

/// Context of one position for the language model, with the look-ups that all
/// candidates share.
struct LmCtx {
    l1: Option<(Norm, Gram)>,
    l2: Option<Norm>,
    r1: Option<(Norm, Gram)>,
    r2: Option<Norm>,
    /// The bigram `l2 l1` if stored (only then can a trigram `l2 l1 x` exist).
    l2l1: Option<Gram>,
    /// log10 P(r2 | r1).
    r2_given_r1: f64,
    /// Whether the bigram `r1 r2` is listed.
    r1r2_listed: bool,
}

impl LmCtx {
    fn new(
        lm: &Lm,
        l1: Option<(Norm, Gram)>,
        l2: Option<(Norm, Gram)>,
        r1: Option<(Norm, Gram)>,
        r2: Option<(Norm, Gram)>,
    ) -> LmCtx {
        let l2l1 = match (&l2, &l1) {
            (Some((a, _)), Some((b, _))) => lm.bigram(a.bytes(), b.bytes()),
            _ => None,
        };
        let r1r2 = match (&r1, &r2) {
            (Some((a, _)), Some((b, _))) => lm.bigram(a.bytes(), b.bytes()),
            _ => None,
        };
        let r2_given_r1 = match (&r1, &r2) {
            (Some((_, ga)), Some((_, gb))) => r1r2.map_or(ga.bo + gb.prob, |g| g.prob),
            _ => 0.0,
        };
        LmCtx { l1, l2: l2.map(|x| x.0), r1, r2: r2.map(|x| x.0), l2l1, r2_given_r1, r1r2_listed: r1r2.is_some() }
    }

    /// log10 P(x | l2 l1) P(r1 | l1 x) P(r2 | x r1) under back-off, and whether
    /// any n-gram of `x` with a context word is listed. `known` carries the
    /// bigrams `l1 x` and `x r1` when the caller has looked them up already.
    fn logp(&self, lm: &Lm, x: &[u8], ux: Gram, known: Option<(Option<Gram>, Option<Gram>)>) -> LmScore {
        let mut s = 0.0;
        let mut listed = false;
        // P(x | l2 l1)
        let l1x = match &self.l1 {
            None => {
                s += ux.prob;
                None
            }
            Some((l1, g1)) => {
                let l1x = match known {
                    Some((l1x, _)) => l1x,
                    None => lm.bigram(l1.bytes(), x),
                };
                // A trigram is taken only when its suffix bigram is listed too (the model
                // lists both): a hash that merely collides with a trigram's is no evidence.
                let tri = match (&self.l2, self.l2l1) {
                    (Some(l2), Some(g)) => match lm.trigram(l2.bytes(), l1.bytes(), x).filter(|_| l1x.is_some()) {
                        Some(p) => Some(p),
                        None => {
                            s += g.bo;
                            None
                        }
                    },
                    _ => None,
                };
                match (tri, l1x) {
                    (Some(p), _) | (None, Some(Gram { prob: p, .. })) => {
                        s += p;
                        listed = true;
                    }
                    (None, None) => s += g1.bo + ux.prob,
                }
                l1x
            }
        };
        // P(r1 | l1 x)
        let (left, left_listed) = (s, listed);
        s = 0.0;
        listed = false;
        let Some((r1, g1)) = &self.r1 else {
            return LmScore { left, right: s, left_listed, right_listed: listed };
        };
        let xr1 = match known {
            Some((_, xr1)) => xr1,
            None => lm.bigram(x, r1.bytes()),
        };
        let tri = match (&self.l1, l1x) {
            (Some((l1, _)), Some(g)) => match lm.trigram(l1.bytes(), x, r1.bytes()).filter(|_| xr1.is_some()) {
                Some(p) => Some(p),
                None => {
                    s += g.bo;
                    None
                }
            },
            _ => None,
        };
        match (tri, xr1) {
            (Some(p), _) | (None, Some(Gram { prob: p, .. })) => {
                s += p;
                listed = true;
            }
            (None, None) => s += ux.bo + g1.prob,
        }
        // P(r2 | x r1)
        let Some(r2) = &self.r2 else {
            return LmScore { left, right: s, left_listed, right_listed: listed };
        };
        match xr1.map(|g| (g, lm.trigram(x, r1.bytes(), r2.bytes()).filter(|_| self.r1r2_listed))) {
            Some((_, Some(p))) => {
                s += p;
                listed = true;
            }
            Some((g, None)) => s += g.bo + self.r2_given_r1,
            None => s += self.r2_given_r1,
        }
        LmScore { left, right: s, left_listed, right_listed: listed }
    }
}

#[cfg(test)]
#[rustfmt::skip]
mod tests {
    use super::*;
    use crate::confusables::tests::tokens;

    #[test]
    fn lm_context_words() {
        let c = Checker::embedded();
        let t = tokens("“Their house,” she said.");
        let [l1, l2] = c.lm_side(&t, 1, false);
        assert_eq!(l1.map(|x| x.0.as_str().to_string()), Some("<s>".into()));
        assert!(l2.is_none());
        // A comma right after the word ends its clause: no right context.
        assert!(c.lm_side(&t, 2, true)[0].is_none());
        // Quote marks are skipped, and a comma after the first context word.
        let t = tokens("“Their house” she said, and left.");
        let [r1, r2] = c.lm_side(&t, 2, true);
        assert_eq!(r1.map(|x| x.0.as_str().to_string()), Some("she".into()));
        assert_eq!(r2.map(|x| x.0.as_str().to_string()), Some("said".into()));
        let t = tokens("Their house she, said");
        let [_, r2] = c.lm_side(&t, 1, true);
        assert_eq!(r2.map(|x| x.0.as_str().to_string()), Some("said".into()));
        let t = tokens("Room 101 their");
        assert!(c.lm_side(&t, 2, false)[0].is_none()); // a number ends the context
    }
}
