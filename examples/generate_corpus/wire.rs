//! Wire copy from templates: a dateline lede, quotes in every style the quote grammar
//! reads, attributions in every pattern the attribution stage reads, headings, and
//! (at a chosen rate) the problems the rules exist to catch.
//!
//! Everything is drawn from one seeded [`Rng`], so a seed always gives the same bytes.
//! This file has no dependencies beyond std so the property tests can include it.

use super::pools::{self, Order};

/// splitmix64: small, seeded, deterministic, good enough for picking words.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x5DEE_CE66_D1CE_4E5B)
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// A number in `0..n` (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }
    pub fn chance(&mut self, percent: u32) -> bool {
        self.below(100) < percent as usize
    }
    pub fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }
}

/// The markup of the output.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Markup {
    Text,
    Markdown,
}

/// The quotation marks an article is written with.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Style {
    Curly,
    Straight,
    /// ``…'' as archives and wire feeds export them.
    Archive,
}

impl Style {
    fn open(self) -> &'static str {
        match self {
            Style::Curly => "“",
            Style::Straight => "\"",
            Style::Archive => "``",
        }
    }
    fn close(self) -> &'static str {
        match self {
            Style::Curly => "”",
            Style::Straight => "\"",
            Style::Archive => "''",
        }
    }
    fn nested(self) -> (&'static str, &'static str) {
        match self {
            Style::Curly => ("‘", "’"),
            Style::Straight => ("'", "'"),
            Style::Archive => ("`", "'"),
        }
    }
}

struct Person {
    full: String,
    surname: String,
    title: Option<(&'static str, &'static str)>,
    role: &'static str,
    pronoun: &'static str,
    introduced: bool,
}

/// Settings for one article.
#[derive(Clone, Copy)]
pub struct Options {
    pub markup: Markup,
    /// Percent of paragraphs that carry a planted problem.
    pub plant: u32,
    /// Line ending: "\n", or "\r\n" for the odd CMS export.
    pub eol: &'static str,
    /// Whether this article opens its file (Markdown front matter goes only there).
    pub first_in_file: bool,
}

/// Append one article of about `budget` bytes (at least a lede and one quote) to `out`.
pub fn article(rng: &mut Rng, opts: Options, budget: usize, out: &mut String) {
    let style = match rng.below(10) {
        0..=6 => Style::Curly,
        7..=8 => Style::Straight,
        _ => Style::Archive,
    };
    let cast = 3 + rng.below(4);
    let people = (0..cast).map(|_| person(rng)).collect();
    let mut w = Writer { rng, opts, style, people, said: Vec::new(), last: None, out: String::new() };
    w.head();
    w.lede();
    while w.out.len() < budget.max(200) {
        w.paragraph();
    }
    let text = if opts.eol == "\n" { w.out } else { w.out.replace('\n', opts.eol) };
    out.push_str(&text);
}

fn person(rng: &mut Rng) -> Person {
    let t = &pools::TRADITIONS[rng.below(pools::TRADITIONS.len())];
    let given = rng.pick(t.given);
    let mut family = rng.pick(t.family).to_string();
    if !t.particles.is_empty() && rng.chance(30) {
        family = format!("{} {family}", rng.pick(t.particles));
        family = family.replace("- ", "-");
    } else if t.order == Order::GivenFirst && rng.chance(12) {
        family = format!("{family}-{}", rng.pick(t.family));
    }
    let full = match t.order {
        Order::GivenFirst => format!("{given} {family}"),
        Order::FamilyFirst => format!("{family} {given}"),
    };
    let title = rng.chance(45).then(|| rng.pick(pools::TITLES));
    let pronoun = ["he", "she", "she", "he", "they"][rng.below(5)];
    Person { full, surname: family, title, role: rng.pick(pools::ROLES), pronoun, introduced: false }
}

struct Writer<'r> {
    rng: &'r mut Rng,
    opts: Options,
    style: Style,
    people: Vec<Person>,
    /// Quote bodies already used (for planted duplicates).
    said: Vec<String>,
    /// The person quoted last, for pronoun attributions.
    last: Option<usize>,
    out: String,
}

impl Writer<'_> {
    fn para(&mut self, text: &str) {
        let text = match self.style {
            Style::Curly => text.to_string(),
            // Typewriter copy has typewriter apostrophes.
            _ => text.replace('’', "'"),
        };
        self.out.push_str(&text);
        self.out.push_str("\n\n");
    }

    fn head(&mut self) {
        let p = self.rng.below(self.people.len());
        let verb = self.rng.pick(&["warns over", "defends", "faces questions on", "backs"]);
        let headline = format!("{} {verb} {}", self.people[p].surname, self.rng.pick(pools::TOPICS));
        match self.opts.markup {
            Markup::Markdown if self.opts.first_in_file => {
                let month = 1 + self.rng.below(12);
                let day = 1 + self.rng.below(28);
                self.out.push_str(&format!(
                    "---\ntitle: \"{headline}\"\ndate: 2026-{month:02}-{day:02}\nauthor: Wire staff\ntags: [news, wire]\n---\n\n# {headline}\n\n"
                ));
            }
            Markup::Markdown => self.out.push_str(&format!("# {headline}\n\n")),
            Markup::Text => self.out.push_str(&format!("{headline}\n\n")),
        }
    }

    fn lede(&mut self) {
        let place = self.rng.pick(pools::PLACES);
        let p = self.rng.below(self.people.len());
        let who = self.intro_subject(p);
        let day = self.rng.pick(&["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]);
        let topic = self.rng.pick(pools::TOPICS);
        let lede = format!(
            "{place} (Wire) — {who} said on {day} that {topic} would be settled “within weeks,” a step that {} said was overdue.",
            self.rng.pick(pools::BODIES)
        );
        let lede = if self.style == Style::Curly { lede } else { self.restyle(&lede) };
        self.para(&lede);
    }

    /// Curly marks written in the article's style.
    fn restyle(&self, text: &str) -> String {
        text.replace('“', self.style.open()).replace('”', self.style.close())
    }

    /// A person in subject position: full name with title or appositive the first time,
    /// surname after.
    fn intro_subject(&mut self, p: usize) -> String {
        let person = &mut self.people[p];
        if person.introduced {
            return person.surname.clone();
        }
        person.introduced = true;
        match person.title {
            Some((title, _)) => format!("{title} {}", person.full),
            None => format!("{}, {},", person.full, person.role),
        }
    }

    /// A person after "said": "said Full, role" the first time.
    fn intro_object(&mut self, p: usize) -> String {
        let person = &mut self.people[p];
        if person.introduced {
            return person.surname.clone();
        }
        person.introduced = true;
        match person.title {
            Some((title, _)) => format!("{title} {}", person.full),
            None => format!("{}, {}", person.full, person.role),
        }
    }

    fn sentence(&mut self) -> String {
        format!(
            "{} {} {}{}",
            self.rng.pick(pools::SUBJECTS),
            self.rng.pick(pools::VERB_PHRASES),
            self.rng.pick(pools::OBJECTS),
            self.rng.pick(pools::TAILS)
        )
    }

    /// A quote body of one to three sentences, without its final punctuation.
    fn body(&mut self) -> String {
        let n = 1 + self.rng.below(3);
        let mut s = self.sentence();
        for _ in 1..n {
            s.push_str(". ");
            s.push_str(&self.sentence());
        }
        self.said.push(s.clone());
        s
    }

    /// A fragment for a partial quote: lower case, no subject.
    fn fragment(&mut self) -> String {
        format!("{} {}", self.rng.pick(pools::VERB_PHRASES), self.rng.pick(pools::OBJECTS))
    }

    fn speaker(&mut self) -> usize {
        let p = self.rng.below(self.people.len());
        self.last = Some(p);
        p
    }

    fn paragraph(&mut self) {
        if self.rng.chance(self.opts.plant) {
            return self.planted();
        }
        let (o, c) = (self.style.open(), self.style.close());
        let kind = self.rng.below(20);
        let text = match kind {
            0..=2 => {
                let (b, p) = (self.body(), self.speaker());
                let who = self.intro_subject(p);
                let who = who.trim_end_matches(',');
                if self.rng.chance(40) {
                    let more = self.body();
                    format!("{o}{b},{c} {who} said. {o}{more}.{c}")
                } else {
                    format!("{o}{b},{c} {who} said.")
                }
            }
            3..=4 => {
                let (b, p) = (self.body(), self.speaker());
                format!("{o}{b},{c} said {}.", self.intro_object(p))
            }
            5 => {
                let (b, p) = (self.body(), self.speaker());
                format!("{} said: {o}{b}.{c}", self.intro_subject(p))
            }
            6 => {
                let (f, p) = (self.fragment(), self.speaker());
                let topic = self.rng.pick(pools::TOPICS);
                format!("{} said {topic} showed that officials {o}{f}.{c}", self.intro_subject(p))
            }
            7 => {
                let (f, p) = (self.fragment(), self.speaker());
                format!(
                    "{} told reporters that they {o}{f},{c} adding that talks would continue.",
                    self.intro_subject(p)
                )
            }
            8 => {
                let p = self.rng.below(self.people.len());
                let topic = self.rng.pick(pools::TOPICS);
                format!("According to {}, {topic} will not be settled before the spring.", self.intro_object(p))
            }
            9 => {
                let body = self.rng.pick(pools::BODIES);
                let v = self.rng.pick(pools::VERDICTS);
                format!("{} said in a statement that the decision was {o}{v}.{c}", upper_first(body))
            }
            10 => {
                let (inner, p) = (self.fragment(), self.speaker());
                let (no, nc) = self.style.nested();
                let they = self.people[p].pronoun;
                format!("{o}The minister told me, {no}we {inner},{nc} and then {they} walked out,{c} {} said.", {
                    let s = self.intro_subject(p);
                    s.trim_end_matches(',').to_string()
                })
            }
            11 => {
                // A quote running over two paragraphs: the first is left open.
                let (a, b, p) = (self.body(), self.body(), self.speaker());
                let who = self.intro_subject(p);
                format!("{o}{a}.\n\n{o}{b},{c} {} said.", who.trim_end_matches(','))
            }
            12 => {
                let (v, p) = (self.rng.pick(pools::VERDICTS), self.speaker());
                format!("{} wrote on social media that the vote had been {o}{v}.{c}", self.intro_subject(p))
            }
            13 => {
                let (v, p) = (self.rng.pick(pools::VERDICTS), self.speaker());
                let body = self.rng.pick(pools::BODIES);
                format!(
                    "{} said the talks had been {o}{v},{c} according to a readout from {body}.",
                    self.intro_subject(p)
                )
            }
            14 => match self.last {
                Some(p) if self.people[p].introduced => {
                    let b = self.body();
                    format!("{o}{b},{c} {} said.", self.people[p].pronoun)
                }
                _ => self.rng.pick(pools::NARRATIVE).to_string(),
            },
            15 => match self.last {
                Some(p) if self.people[p].introduced && self.people[p].title.is_some() => {
                    let b = self.body();
                    let desc = self.people[p].title.map_or("", |t| t.1);
                    format!("{o}{b},{c} {desc} said.")
                }
                _ => self.rng.pick(pools::NARRATIVE).to_string(),
            },
            16 => {
                let n = self.rng.pick(pools::ANONYMOUS);
                let why = self.rng.pick(pools::ANONYMITY_REASONS);
                format!("The talks are expected to resume next month, said {n}, {why}.")
            }
            17 => return self.heading(),
            18 if self.opts.markup == Markup::Markdown => return self.markdown_block(),
            _ => self.rng.pick(pools::NARRATIVE).to_string(),
        };
        self.para(&text);
    }

    fn heading(&mut self) {
        let h = self.rng.pick(pools::HEADINGS);
        match self.opts.markup {
            Markup::Markdown => self.para(&format!("## {h}")),
            Markup::Text => self.para(h),
        }
    }

    fn markdown_block(&mut self) {
        let text = match self.rng.below(3) {
            0 => "```toml\n[zone]\nname = \"Harbour Ward\"\nlabel = 'Residents only'\n```".to_string(),
            1 => "- Residents apply online.\n- Wardens check plates with a \"handheld\" scanner.".to_string(),
            _ => format!(
                "The setting `zone_name = \"Old Town\"` is documented in a [council report](https://example.org/{}).",
                self.rng.below(1000)
            ),
        };
        self.para(&text);
    }

    /// A paragraph with one of the problems the rules catch.
    fn planted(&mut self) {
        let (o, c) = (self.style.open(), self.style.close());
        let text = match self.rng.below(15) {
            0 => {
                let (b, p) = (self.body(), self.speaker());
                format!("{o}{b}, {} said.", self.intro_subject(p).trim_end_matches(','))
            }
            1 => {
                let other = if self.style == Style::Straight { Style::Curly } else { Style::Straight };
                let (b, p) = (self.body(), self.speaker());
                format!("{}{b},{} said {}.", other.open(), other.close(), self.intro_object(p))
            }
            2 => {
                let (b, p) = (self.body(), self.speaker());
                format!("{o}{b}{c}, {} said.", self.intro_subject(p).trim_end_matches(','))
            }
            3 => {
                let b = self.said.first().cloned().unwrap_or_else(|| self.body());
                let p = self.speaker();
                format!("{o}{b},{c} said {}.", self.intro_object(p))
            }
            4 => {
                let p = self.speaker();
                let obj = self.rng.pick(pools::OBJECTS);
                format!(
                    "{o}We (the council) will not wait for {obj},{c} {} said.",
                    self.intro_subject(p).trim_end_matches(',')
                )
            }
            5 => {
                let b = self.body();
                let n = self.rng.pick(pools::NARRATIVE);
                format!("{n}\n\n{o}{b}.{c}\n\n{n}")
            }
            6 => {
                let p = self.speaker();
                self.people[p].introduced = false;
                let b = self.body();
                format!("{o}{b},{c} said {}.", self.intro_object(p))
            }
            7 => {
                // Surname first, full name only later.
                let p = self.speaker();
                let s = self.people[p].surname.clone();
                let topic = self.rng.pick(pools::TOPICS);
                format!("{s} said {topic} would be delayed until next year.")
            }
            8 => {
                let p = self.speaker();
                let wrong = misspell(&self.people[p].surname);
                let b = self.body();
                format!("{o}{b},{c} {wrong} said.")
            }
            9 => {
                let (b, p) = (self.body(), self.speaker());
                let verb = self.rng.pick(pools::LOADED_VERBS);
                format!("{o}{b},{c} {} {verb}.", self.intro_subject(p).trim_end_matches(','))
            }
            10 => self.rng.pick(pools::VAGUE).to_string(),
            11 => {
                let b = self.body();
                format!("{o}{b},{c} said {}.", self.rng.pick(pools::ANONYMOUS))
            }
            12 => "The council will meet again after the the audit is finished.".to_string(),
            13 => "The council is expected to vote on the plan in March".to_string(),
            _ => {
                let (b, p) = (self.body(), self.speaker());
                format!("{o}My best guest is that {b},{c} {} said.", self.intro_subject(p).trim_end_matches(','))
            }
        };
        self.para(&text);
    }
}

fn upper_first(s: &str) -> String {
    let mut c = s.chars();
    c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
}

/// A near spelling of a name ("Sun Yun" / "Sun Yung").
fn misspell(name: &str) -> String {
    match name.char_indices().rev().find(|(_, c)| "aeiou".contains(*c)) {
        Some((i, c)) => {
            let swap = if c == 'e' { "a" } else { "e" };
            format!("{}{swap}{}", &name[..i], &name[i + c.len_utf8()..])
        }
        None => format!("{name}e"),
    }
}
