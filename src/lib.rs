//! onrecord: attribution and sourcing checker for news copy.
pub mod confusables;
