//! Real-word errors: confusion sets scored on embedded n-gram counts.
//! (Being built; see issue 6.)
