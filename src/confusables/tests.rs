//! Sentences the checker must correct or leave alone, one line each, and the
//! `tokens` helper the other test modules share.

use super::*;

/// Split a test sentence into word and punctuation tokens.
pub(super) fn tokens(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices() {
        let wordish = c.is_alphanumeric() || ((c == '\'' || c == '’' || c == '-') && start.is_some());
        match (wordish, start) {
            (true, None) => start = Some(i),
            (false, Some(b)) => {
                out.push(&s[b..i]);
                start = None;
            }
            _ => {}
        }
        if !wordish && !c.is_whitespace() {
            out.push(&s[i..i + c.len_utf8()]);
        }
    }
    if let Some(b) = start {
        out.push(&s[b..]);
    }
    out
}

fn fix(s: &str) -> Option<String> {
    let t = tokens(s);
    let found = Checker::embedded().check(&t);
    assert!(found.len() <= 1, "{s}: {found:?}");
    found.first().map(|f| format!("{}->{}", t[f.index], f.replacement))
}

/// [`fix`] on the n-gram models alone, without the fixed phrases.
fn fix_ngrams(s: &str) -> Option<String> {
    let t = tokens(s);
    let mut c = Checker::with_extra(&ConfusionSets::default());
    c.set_params(Params { collocations: false, ..Params::default() });
    let found = c.check(&t);
    assert!(found.len() <= 1, "{s}: {found:?}");
    found.first().map(|f| format!("{}->{}", t[f.index], f.replacement))
}

#[test] fn best_guess() { assert_eq!(fix("My best guest is that the talks will fail."), Some("guest->guess".into())); }
#[test] fn their_way() { assert_eq!(fix("The hikers said they lost there way in the fog."), Some("there->their".into())); }
#[test] fn principal_investigator() { assert_eq!(fix("She was the principle investigator on the study."), Some("principle->principal".into())); }
#[test] fn principle_reason() { assert_eq!(fix_ngrams("The principle reason for the delay was cost."), Some("principle->principal".into())); } // language model only: "principal reason" is below the count list's pruning threshold
#[test] fn sneak_peek() { assert_eq!(fix("Fans got a sneak peak at the new stadium."), Some("peak->peek".into())); }
#[test] fn capital_there() { assert_eq!(fix("Their are no survivors, officials said."), Some("Their->There".into())); }
#[test] fn lose_weight() { assert_eq!(fix("He wants to loose weight before the season."), Some("loose->lose".into())); }
#[test] fn free_rein_lacks_data() { assert_eq!(fix_ngrams("The coach was given free reign over transfers."), None); } // "free rein" is unlisted
#[test] fn free_rein() { assert_eq!(fix("The coach was given free reign over transfers."), Some("reign->rein".into())); } // data/collocations.txt
#[test] fn sneak_peek_phrase() { assert_eq!(fix("Critics got a sneak peak."), Some("peak->peek".into())); }
#[test] fn phrase_needs_adjacent_words() { assert_eq!(fix("It was free, reign or no reign."), None); }
#[test] fn rein_needs_an_object() { assert_eq!(fix("His reign in Spain was short."), None); }
#[test] fn a_trigram_hit_needs_its_suffix_bigram() { assert_eq!(fix("She never asked the members about their leanings before the vote."), None); } // a hash that collides with "about there leanings"
#[test] fn its_own_from_ngrams() { assert_eq!(fix_ngrams("The party will choose it's own leader."), Some("it's->its".into())); }
#[test] fn its_own() { assert_eq!(fix("The party will choose it's own leader."), Some("it's->its".into())); } // data/collocations.txt
#[test] fn youre_going() { assert_eq!(fix("Your going to regret this, he told the committee."), Some("Your->You're".into())); }
#[test] fn youre_going_clean() { assert_eq!(fix("You're going to regret this, he told the committee."), None); }
#[test] fn theyre_going() { assert_eq!(fix("He said there going to appeal the ruling."), Some("there->they're".into())); }
#[test] fn theyre_going_clean() { assert_eq!(fix("He said they're going to appeal the ruling."), None); }
#[test] fn curly_theyre_clean() { assert_eq!(fix("He said they’re going to appeal the ruling."), None); }
#[test] fn more_than() { assert_eq!(fix("Prices rose more then expected."), Some("then->than".into())); }
#[test] fn more_than_clean() { assert_eq!(fix("Prices rose more than expected."), None); }
#[test] fn too_between_commas() { assert_eq!(fix("Shipping firms, too, have raised their prices."), None); } // a comma after the word ends its clause
#[test] fn too_before_verb() { assert_eq!(fix("The board met and voted too shut the depot."), Some("too->to".into())); } // a common written word: margin lm_margin_common
#[test] fn rare_word_backoff_is_capped() { assert_eq!(fix("The crew checked the brake before the descent."), None); }
#[test] fn comma_is_skipped() { assert_eq!(fix("He said, there going to appeal."), fix("He said there going to appeal.")); }
#[test] fn weather_whether() { assert_eq!(fix("Nobody knows weather the talks will resume."), Some("weather->whether".into())); }
#[test] fn would_wood() { assert_eq!(fix("The minister said the deal wood be signed."), Some("wood->would".into())); }
#[test] fn to_too() { assert_eq!(fix("The bill was sent too the senate."), Some("too->to".into())); }
#[test] fn past_week() { assert_eq!(fix("Prices rose sharply over the passed week."), Some("passed->past".into())); }
#[test] fn wedding_guest() { assert_eq!(fix("The wedding guest is late."), None); }
#[test] fn their_house() { assert_eq!(fix("The family returned to their house on Monday."), None); }
#[test] fn principal_said() { assert_eq!(fix("The principal said the school would reopen."), None); }
#[test] fn mountain_peak() { assert_eq!(fix("They climbed a mountain peak in the Alps."), None); }
#[test] fn peak_district() { assert_eq!(fix("Walkers crowded the Peak District at the weekend."), None); }
#[test] fn guest_list() { assert_eq!(fix("The guest list was kept secret."), None); }
#[test] fn matter_of_principle() { assert_eq!(fix("It was a matter of principle for the union."), None); }
#[test] fn no_context() { assert_eq!(fix("Guest."), None); }
#[test] fn digits_skipped() { assert_eq!(fix("Room guest1 is empty."), None); }
#[test] fn to_rein_in() { assert_eq!(fix("The council voted to reign in parking fines."), Some("reign->rein".into())); } // data/collocations.txt
#[test] fn reign_in_a_place_after_to() { assert_eq!(fix("The king came to the throne and his reign in the north was long."), None); }
#[test] fn principal_witness() { assert_eq!(fix("Her principle witness was late to court."), Some("principle->principal".into())); }
#[test] fn principle_behind() { assert_eq!(fix("The principle behind the law is simple."), None); }
#[test] fn matter_of_principal() { assert_eq!(fix("Ruiz called the vote a matter of principal."), Some("principal->principle".into())); }
#[test] fn interest_on_principal() { assert_eq!(fix("The loan charges interest on principal and fees."), None); }
#[test] fn discreet_talks() { assert_eq!(fix("The ministers met for discrete talks in Oslo."), Some("discrete->discreet".into())); }
#[test] fn discrete_steps() { assert_eq!(fix("The plan has three discrete steps."), None); }
#[test] fn its_members() { assert_eq!(fix("The guild told it's members to stay home."), Some("it's->its".into())); }
#[test] fn its_members_clean() { assert_eq!(fix("The guild told its members to stay home."), None); }
#[test] fn real_effect_on() { assert_eq!(fix("The strike had a real affect on ferry times."), Some("affect->effect".into())); }
#[test] fn affect_workers() { assert_eq!(fix("The new rota would effect families most."), Some("effect->affect".into())); }
#[test] fn affect_workers_clean() { assert_eq!(fix("The new rota would affect families most."), None); }
#[test] fn to_lose_a() { assert_eq!(fix("The club cannot afford to loose a striker."), Some("loose->lose".into())); }
#[test] fn piqued_public_interest() { assert_eq!(fix("The hearing piqued public interest in the case."), None); }
#[test] fn peaked_public_interest() { assert_eq!(fix("The hearing peaked public interest in the case."), Some("peaked->piqued".into())); }
#[test] fn demand_peaks() { assert_eq!(fix("Water demand peeks in July."), Some("peeks->peaks".into())); }
#[test] fn whose_own() { assert_eq!(fix("The candidate, who's own party opposed him, lost."), Some("who's->whose".into())); }
#[test] fn pored_over_after_a_pronoun() { assert_eq!(fix("For a week we had poured over the kiln's accounts."), Some("poured->pored".into())); }
#[test] fn poring_over_a_text() { assert_eq!(fix("Tomas Greer sat up late pouring over the ledgers of the ferry line."), Some("pouring->poring".into())); }
#[test] fn poured_over_the_dam_is_water() { assert_eq!(fix("Meltwater poured over the dam all night."), None); }
#[test] fn crowds_poured_over_the_border() { assert_eq!(fix("They poured over the bridge by the thousand."), None); }
#[test] fn she_poured_the_tea() { assert_eq!(fix("She poured the tea and sat down."), None); }
#[test] fn changed_tack() { assert_eq!(fix("After the vote the guild changed tact and sued."), Some("tact->tack".into())); }
#[test] fn a_different_tack() { assert_eq!(fix("The mayor took a different tact with the ferry union."), Some("tact->tack".into())); }
#[test] fn tact_is_discretion() { assert_eq!(fix("Ana Ruiz handled the ferry union with tact and patience."), None); }
#[test] fn the_same_tact_shown() { assert_eq!(fix("She showed the same tact at the wharf."), None); }
#[test] fn effect_a_change_is_kept() { assert_eq!(fix("Dale Hune said his resignation would effect a change of course at the kiln."), None); } // a fixed phrase of the written word keeps it
#[test] fn affect_real_change() { assert_eq!(fix("The guild hopes to affect real change at the wharf."), Some("affect->effect".into())); }
#[test] fn not_fazed_by() { assert_eq!(fix("The potters will not be phased by the new kiln tax."), Some("phased->fazed".into())); }
#[test] fn phased_in_is_right() { assert_eq!(fix("The kiln tax will be phased in over two years."), None); }
#[test] fn has_led_to() { assert_eq!(fix("The ferry strike has lead to long queues at the wharf."), Some("lead->led".into())); }
#[test] fn lead_pipes_are_metal() { assert_eq!(fix("Old houses near the wharf still have lead pipes."), None); }
#[test] fn bated_breath() { assert_eq!(fix("The guild waited with baited breath for the vote."), Some("baited->bated".into())); }
#[test] fn poring_over_plural() { assert_eq!(fix("Dana Hollis spent May pouring over receipts from the kiln."), Some("pouring->poring".into())); }
#[test] fn principal_sticking_point() { assert_eq!(fix("Fares remain the principle sticking point in the ferry talks."), Some("principle->principal".into())); }
#[test] fn losing_what_is_lost() { assert_eq!(fix("The ferry line has been loosing ground to the new bridge all winter."), Some("loosing->losing".into())); }
#[test] fn principal_before_a_role() { assert_eq!(fix("Ana Ruiz, the kiln's principle lender, wants repayment by June."), Some("principle->principal".into())); }
