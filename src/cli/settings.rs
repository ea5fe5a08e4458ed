//! The settings each file is checked with: its nearest onrecord.toml (or `--config`), and
//! the confusables checker built from it and `--confusables`; each distinct file read once.

use super::args::Inputs;
use super::inputs::{absolute, InputError};
use anyhow::Result;
use onrecord::config::{self, Config};
use onrecord::confusables::{Checker, ConfusionSets};
use onrecord::error::Error;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// The settings a group of files is checked with: one onrecord.toml (or the defaults),
/// and the confusables checker built from it and `--confusables`.
pub struct Settings {
    pub config: Config,
    checker: Option<Checker>,
}

impl Settings {
    pub fn checker(&self) -> &Checker {
        self.checker.as_ref().unwrap_or_else(|| Checker::embedded())
    }
}

/// Finds and loads the onrecord.toml of each file, each distinct file once.
pub struct Resolver {
    explicit: Option<PathBuf>,
    cli_sets: Option<String>,
    by_dir: HashMap<PathBuf, Option<PathBuf>>,
    by_file: HashMap<Option<PathBuf>, Result<usize, InputError>>,
    pub settings: Vec<Settings>,
}

impl Resolver {
    pub fn new(inputs: &Inputs) -> Result<Resolver> {
        let cli_sets = match &inputs.confusables {
            Some(path) => {
                let text = std::fs::read_to_string(path).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
                ConfusionSets::parse(&text).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
                Some(text)
            }
            None => None,
        };
        Ok(Resolver {
            explicit: inputs.config.clone(),
            cli_sets,
            by_dir: HashMap::new(),
            by_file: HashMap::new(),
            settings: Vec::new(),
        })
    }

    /// The index of the settings for a file in `dir`, or why its onrecord.toml cannot be
    /// used (named by the configuration file's path; the same error each time it is asked).
    pub fn settings_for(&mut self, dir: &Path) -> Result<usize, InputError> {
        let file = match &self.explicit {
            Some(f) => Some(f.clone()),
            None => {
                let dir = absolute(dir);
                match self.by_dir.get(&dir) {
                    Some(found) => found.clone(),
                    None => {
                        let found = config::find(&dir);
                        self.by_dir.insert(dir, found.clone());
                        found
                    }
                }
            }
        };
        if let Some(known) = self.by_file.get(&file) {
            return known.clone();
        }
        let loaded = self.load(file.as_deref()).map(|settings| {
            self.settings.push(settings);
            self.settings.len() - 1
        });
        self.by_file.insert(file, loaded.clone());
        loaded
    }

    fn load(&self, file: Option<&Path>) -> Result<Settings, InputError> {
        let config = match file {
            Some(f) => Config::load(f).map_err(|e| match e {
                Error::Config { path, message } => (path, message),
                Error::Unreadable { path, reason } => (path, format!("cannot read: {reason}")),
                other => (f.to_path_buf(), other.to_string()),
            })?,
            None => Config::default(),
        };
        let extra = config.confusables.as_text();
        let sets = match (&self.cli_sets, config.confusables.extra.is_empty()) {
            (None, true) => None,
            (cli, _) => Some(
                ConfusionSets::parse(&format!("{}\n{extra}", cli.as_deref().unwrap_or("")))
                    .map_err(|e| (file.unwrap_or(Path::new("-")).to_path_buf(), format!("confusion sets: {e}")))?,
            ),
        };
        Ok(Settings { config, checker: sets.as_ref().map(Checker::with_extra) })
    }
}
