//! The sourcing summary: every source of an article with its type, quotes and claims.

use crate::analysis::Analysis;
use crate::attribution::SourceType;
use serde::Serialize;
use std::collections::BTreeMap;

/// One source of an article.
#[derive(Clone, Debug, Serialize)]
pub struct Source {
    pub name: String,
    #[serde(rename = "type")]
    pub source_type: SourceType,
    pub affiliation: Option<String>,
    pub quotes: usize,
    pub claims: usize,
    pub first_line: usize,
}

/// The sourcing summary of one article.
#[derive(Clone, Debug, Serialize)]
pub struct Summary {
    pub sources: Vec<Source>,
    pub totals: BTreeMap<String, usize>,
}

/// Build the summary from the attribution stage.
pub fn summarize(a: &Analysis) -> Summary {
    let mut by_name: Vec<Source> = Vec::new();
    let mut index: BTreeMap<String, usize> = BTreeMap::new();
    let mut add = |name: &str, ty: SourceType, entity: Option<usize>, at: usize, quote: bool| {
        let i = *index.entry(name.to_string()).or_insert_with(|| {
            let affiliation = entity.and_then(|id| {
                let e = &a.entities.entities[id];
                e.affiliation.clone().or_else(|| e.descriptors.first().cloned())
            });
            let (line, _) = a.doc.lines.line_col(&a.doc.source, at);
            by_name.push(Source {
                name: name.to_string(),
                source_type: ty,
                affiliation,
                quotes: 0,
                claims: 0,
                first_line: line,
            });
            by_name.len() - 1
        });
        if quote {
            by_name[i].quotes += 1;
        } else {
            by_name[i].claims += 1;
        }
    };
    for (q, at) in a.quotes.quotes.iter().zip(&a.attributions.quotes) {
        let name = at.speaker.as_deref().unwrap_or("(unattributed)");
        if at.link == crate::attribution::Link::Mention {
            continue;
        }
        add(name, at.source_type, at.entity, q.span.start, true);
    }
    for claim in &a.attributions.claims {
        if let Some(name) = &claim.source {
            add(name, claim.source_type, claim.entity, claim.cue.start, false);
        }
    }
    let mut totals: BTreeMap<String, usize> = BTreeMap::new();
    for s in &by_name {
        *totals.entry(s.source_type.as_str().to_string()).or_default() += 1;
    }
    Summary { sources: by_name, totals }
}

/// Totals over several articles (`onrecord sources DIR`).
#[derive(Clone, Debug, Default, Serialize)]
pub struct Overall {
    pub articles: usize,
    pub quotes: usize,
    pub claims: usize,
    /// Sources per type, summed over the articles.
    pub totals: BTreeMap<String, usize>,
}

impl Overall {
    pub fn add(&mut self, summary: &Summary) {
        self.articles += 1;
        self.quotes += summary.sources.iter().map(|s| s.quotes).sum::<usize>();
        self.claims += summary.sources.iter().map(|s| s.claims).sum::<usize>();
        for (k, v) in &summary.totals {
            *self.totals.entry(k.clone()).or_default() += v;
        }
    }
}
