//! Inputs built to break linear-time assumptions: walls of quote marks, one huge
//! paragraph, text without spaces, deep nesting, runs of capitalised words, and an
//! article whose cast grows with its length (a new person in every paragraph), and one
//! sentence of thousands of quoted phrases and speech verbs.

use super::pools;
use super::wire::{self, Markup, Options, Rng};

/// The shapes the generator writes besides wire copy.
pub const SHAPES: &[&str] = &["quotes", "paragraph", "nospace", "nested", "alternating", "capwords", "names", "cues"];

/// `size` bytes (give or take one unit of the pattern) of the named shape.
pub fn generate(shape: &str, rng: &mut Rng, size: usize) -> Option<String> {
    let mut out = String::with_capacity(size + 64);
    match shape {
        // Nothing but quotation marks of every form, in random order.
        "quotes" => {
            const MARKS: &[&str] = &["“", "”", "\"", "‘", "’", "'", "``", "''", "«", "»", "`"];
            while out.len() < size {
                out.push_str(rng.pick(MARKS));
            }
        }
        // Wire copy with every line break turned into a space: one paragraph.
        "paragraph" => {
            wire_text(rng, size, &mut out);
            out = out.replace("\r\n", " ").replace('\n', " ");
        }
        // Wire copy with all whitespace removed: one enormous word.
        "nospace" => {
            wire_text(rng, size * 6 / 5, &mut out);
            out.retain(|c| !c.is_whitespace());
        }
        // “a ‘b “c ‘d … ’ ” ’ ”: marks nested as deep as the size allows.
        "nested" => {
            let depth = size / 12;
            for i in 0..depth {
                out.push_str(if i % 2 == 0 { "“" } else { "‘" });
                out.push_str(rng.pick(&["we", "they", "no", "yes"]));
                out.push(' ');
            }
            for i in (0..depth).rev() {
                out.push_str(if i % 2 == 0 { "”" } else { "’" });
                out.push(' ');
            }
        }
        // ‘“’”‘“’”…: alternating single and double curly marks with nothing between.
        "alternating" => {
            while out.len() < size {
                out.push_str("‘“’”");
            }
        }
        // Capitalised words in a row with no punctuation: a name-finder's worst case.
        "capwords" => {
            while out.len() < size {
                let t = &pools::TRADITIONS[rng.below(pools::TRADITIONS.len())];
                out.push_str(if rng.chance(50) { rng.pick(t.given) } else { rng.pick(t.family) });
                out.push(' ');
            }
        }
        // One sentence of quoted phrases, each followed by a speech verb and never a
        // period: every quote's cue search runs over a sentence as long as the file.
        "cues" => {
            out.push_str("The mayor spoke. ");
            let mut i = 0usize;
            while out.len() < size {
                let who = rng.pick(&["she said", "he said", "the mayor added", "said Ana Ruiz"]);
                out.push_str(&format!("turnout was “high in ward {i}” as voters waited, {who}, "));
                i += 1;
            }
        }
        // Every paragraph introduces someone new, quotes them and names them again by
        // surname: the number of distinct people grows with the size of the article.
        "names" => {
            const SYLLABLES: &[&str] =
                &["ka", "ro", "vin", "me", "lu", "sa", "do", "ri", "ten", "bo", "na", "gel", "fi", "mar", "zu", "pe"];
            let mut n = 0usize;
            while out.len() < size {
                let mut surname = String::new();
                let mut k = n + SYLLABLES.len();
                while k > 0 {
                    surname.push_str(SYLLABLES[k % SYLLABLES.len()]);
                    k /= SYLLABLES.len();
                }
                let surname = format!("{}{}", surname[..1].to_uppercase(), &surname[1..]);
                let t = &pools::TRADITIONS[rng.below(pools::TRADITIONS.len())];
                let given = rng.pick(t.given);
                let role = rng.pick(pools::ROLES);
                out.push_str(&format!(
                    "“We will see what the council decides,” said {given} {surname}, {role}. {surname} said the vote would come on Monday.\n\n"
                ));
                n += 1;
            }
        }
        _ => return None,
    }
    Some(out)
}

fn wire_text(rng: &mut Rng, size: usize, out: &mut String) {
    let mut first = true;
    while out.len() < size {
        let opts = Options { markup: Markup::Text, plant: 8, eol: "\n", first_in_file: first };
        let budget = (size - out.len()).min(2000 + rng.below(6000));
        wire::article(rng, opts, budget, out);
        first = false;
    }
}
