//! House style and rule settings (`onrecord.toml`).

use crate::rules::Severity;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Which quotation marks the house uses.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteStyle {
    /// Whatever the article uses most (no house preference).
    #[default]
    Auto,
    Curly,
    Straight,
}

/// Where commas and periods go with a closing quote mark.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Punctuation {
    /// Always inside (AP, US usage).
    #[default]
    Us,
    /// Inside only when part of the quoted words (British usage).
    Uk,
}

/// A rule's setting: off or a severity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RuleSetting {
    Off,
    Info,
    Warning,
    Error,
}

impl RuleSetting {
    pub fn severity(self) -> Option<Severity> {
        match self {
            RuleSetting::Off => None,
            RuleSetting::Info => Some(Severity::Info),
            RuleSetting::Warning => Some(Severity::Warning),
            RuleSetting::Error => Some(Severity::Error),
        }
    }
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Style {
    pub quotes: QuoteStyle,
    pub punctuation: Punctuation,
    /// Paragraphs after which a full name may be used again (repeated-full-attribution).
    pub second_reference_distance: usize,
    /// Minimum share of quotes from one source for one-sided-sourcing.
    pub single_source_share: f64,
}

impl Default for Style {
    fn default() -> Style {
        Style {
            quotes: QuoteStyle::Auto,
            punctuation: Punctuation::Us,
            second_reference_distance: 20,
            single_source_share: 0.75,
        }
    }
}

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Config {
    pub rules: BTreeMap<String, RuleSetting>,
    pub style: Style,
}
