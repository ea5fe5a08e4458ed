//! Pull quotes ([`PullQuote`]): a page's box that sets out the story's words again. Each
//! takes the attribution of the story's quote whose words it repeats, found by the runs
//! of words they share; a box that repeats no attributed quote is credited to the name
//! it prints, if any.

use super::{Attribution, Link, SourceType};
use crate::document::{Document, PullQuote};
use crate::quotes::Quote;
use std::collections::HashMap;

/// One attribution per pull quote of the document, in its order.
pub fn attribute_pull_quotes(doc: &Document, quotes: &[Quote], attributions: &[Attribution]) -> Vec<Attribution> {
    if doc.pull_quotes.is_empty() {
        return Vec::new();
    }
    let bodies: Vec<Vec<String>> = quotes.iter().map(|q| words(&q.written(doc))).collect();
    let mut indexes: HashMap<usize, HashMap<&[String], Vec<usize>>> = HashMap::new();
    doc.pull_quotes
        .iter()
        .map(|p| {
            let shown = words(&p.text);
            let n = shown.len().min(3);
            let repeated = (n > 0)
                .then(|| {
                    let index = indexes.entry(n).or_insert_with(|| runs_index(&bodies, n));
                    best_match(index, &shown, n)
                })
                .flatten()
                .filter(|&qi| attributions[qi].speaker.is_some());
            match repeated {
                Some(qi) => attributions[qi].clone(),
                None => credited(p),
            }
        })
        .collect()
}

/// The lowercase words of a text (letters and digits; a character reference's name
/// counts as a word on both sides alike).
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect()
}

/// Every run of `n` words of the story's quotes, and the quotes that hold it.
fn runs_index(bodies: &[Vec<String>], n: usize) -> HashMap<&[String], Vec<usize>> {
    let mut index: HashMap<&[String], Vec<usize>> = HashMap::new();
    for (qi, body) in bodies.iter().enumerate() {
        for run in body.windows(n) {
            let holders = index.entry(run).or_default();
            if holders.last() != Some(&qi) {
                holders.push(qi);
            }
        }
    }
    index
}

/// The story's quote that holds the most of the box's runs of words: at least half of
/// them, or three (a box may join two parts of a quote or cut one short).
fn best_match(index: &HashMap<&[String], Vec<usize>>, shown: &[String], n: usize) -> Option<usize> {
    let mut hits: HashMap<usize, usize> = HashMap::new();
    let runs = shown.windows(n).count();
    for run in shown.windows(n) {
        for &qi in index.get(run).into_iter().flatten() {
            *hits.entry(qi).or_default() += 1;
        }
    }
    let (qi, count) = hits.into_iter().max_by_key(|&(qi, count)| (count, std::cmp::Reverse(qi)))?;
    (2 * count >= runs || count >= 3).then_some(qi)
}

/// A box whose words the story does not quote: its printed credit, a named person.
fn credited(p: &PullQuote) -> Attribution {
    let mut a = Attribution::none(false, Link::None);
    if let Some(name) = &p.credit {
        a.speaker = Some(name.clone());
        a.source_type = SourceType::NamedPerson;
    }
    a
}

#[cfg(test)]
mod tests {
    use crate::document::{Document, Format};

    fn pull_speakers(html: &str) -> Vec<(String, Option<String>)> {
        let doc = Document::parse("t.html".as_ref(), html.to_string(), Format::Html);
        let a = crate::analyze(doc);
        a.doc
            .pull_quotes
            .iter()
            .zip(&a.attributions.pull_quotes)
            .map(|(p, at)| (p.text.clone(), at.speaker.clone()))
            .collect()
    }

    #[test]
    fn a_pull_quote_takes_the_speaker_of_the_words_it_repeats() {
        // The box joins two parts of Greer's quote, split in the story by his attribution,
        // and credits no one; Ruiz is the last person named before it.
        let html = "<p>“The ferry is late again,” Tomas Greer, a wharf hand, said. “Nobody on this island \
            can plan a week around it.”</p>\
            <p>“We have asked for a second boat,” said Ana Ruiz, who chairs the guild.</p>\
            <aside class=\"pull-quote\"><p>“The ferry is late again. Nobody on this island can plan a week around it.”</p></aside>\
            <p>The council meets in May.</p>";
        assert_eq!(
            pull_speakers(html),
            vec![(
                "The ferry is late again. Nobody on this island can plan a week around it.".to_string(),
                Some("Tomas Greer".to_string())
            )]
        );
    }

    #[test]
    fn a_pull_quote_the_story_does_not_carry_is_its_credits() {
        let html = "<p>“We fire the kiln at dawn,” Ana Ruiz said.</p>\
            <blockquote class=\"pullquote\"><p>“Glaze is patience you can hold.”</p><cite>— Dana Hollis, potter</cite></blockquote>\
            <blockquote class=\"pullquote\"><p>“Clay forgets nothing.”</p></blockquote>";
        assert_eq!(
            pull_speakers(html),
            vec![
                ("Glaze is patience you can hold.".to_string(), Some("Dana Hollis".to_string())),
                ("Clay forgets nothing.".to_string(), None),
            ]
        );
    }
}
