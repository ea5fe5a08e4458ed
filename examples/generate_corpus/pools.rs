//! Word pools the wire templates draw from: names of many naming traditions, titles,
//! bodies, places, and the phrases quotes and narrative are built from.
//!
//! Names are combined at random within a tradition, so the people are invented even
//! when each part is common.

/// How a tradition orders a person's names.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Order {
    /// Given name first, family name last (second reference: the last word).
    GivenFirst,
    /// Family name first (Chinese, Korean, Japanese and Hungarian copy; second reference: the first word).
    FamilyFirst,
}

pub struct Tradition {
    pub order: Order,
    pub given: &'static [&'static str],
    pub family: &'static [&'static str],
    /// Particles that may precede a family name (de, van, al-).
    pub particles: &'static [&'static str],
}

pub const TRADITIONS: &[Tradition] = &[
    Tradition {
        order: Order::GivenFirst,
        given: &["Patricia", "Bradley", "Janelle", "Kelsey", "Thomas", "Ruth", "Brendan", "Megan", "Owen", "Harriet"],
        family: &["Sutton", "Brooks", "Abernethy", "Whitcombe", "Hargreaves", "Pemberton", "Lindqvist", "Carrow"],
        particles: &[],
    },
    Tradition {
        order: Order::GivenFirst,
        given: &["Ramón", "Lucía", "Joaquín", "Inés", "Mateo", "Ximena", "Begoña", "Álvaro"],
        family: &["Vega", "Ortiz", "Quiroga", "Echeverría", "Salcedo", "Iturbe", "Mendieta", "Zubiri"],
        particles: &["de la", "del", "de"],
    },
    Tradition {
        order: Order::FamilyFirst,
        given: &["Yun", "Xiaoming", "Jiahui", "Weiguo", "Lihua", "Zhenyu", "Meiling"],
        family: &["Sun", "Zhao", "Qian", "Lin", "Guo", "Hu", "Deng", "Xu"],
        particles: &[],
    },
    Tradition {
        order: Order::FamilyFirst,
        given: &["Seo-yeon", "Min-jun", "Ji-hoon", "Ja-young", "Hye-jin", "Dong-hyun", "Eun-ji"],
        family: &["Han", "Choi", "Park", "Lee", "Jang", "Yoon", "Seo"],
        particles: &[],
    },
    Tradition {
        order: Order::FamilyFirst,
        given: &["Naoki", "Eri", "Takeshi", "Daiki", "Haruka", "Kenji", "Ayumi"],
        family: &["Ishida", "Kobayashi", "Mori", "Suzuki", "Takahashi", "Nakamura", "Fujita"],
        particles: &[],
    },
    Tradition {
        order: Order::GivenFirst,
        given: &["Halima", "Chidi", "Tunde", "Ngozi", "Ibrahim", "Folake", "Emeka", "Aisha"],
        family: &["Okafor", "Adeyemi", "Sani", "Okonkwo", "Balogun", "Eze", "Musa", "Nwosu"],
        particles: &[],
    },
    Tradition {
        order: Order::GivenFirst,
        given: &["Faith", "Brian", "Wanjiru", "Kipchoge", "Achieng", "Otieno"],
        family: &["Chepkoech", "Kiptoo", "Mwangi", "Odhiambo", "Wambui", "Kamau"],
        particles: &[],
    },
    Tradition {
        order: Order::GivenFirst,
        given: &["Khalid", "Layla", "Omar", "Yasmin", "Tariq", "Noor", "Samir"],
        family: &["Haddad", "Mansour", "Rahman", "Khoury", "Nasser", "Saleh"],
        particles: &["al-", "el-"],
    },
    Tradition {
        order: Order::GivenFirst,
        given: &["Priya", "Arjun", "Sunita", "Vikram", "Ananya", "Rohan"],
        family: &["Raghunathan", "Iyer", "Banerjee", "Deshpande", "Kulkarni", "Menon"],
        particles: &[],
    },
    Tradition {
        order: Order::GivenFirst,
        given: &["Dmitri", "Olga", "Yekaterina", "Sergei", "Anastasia", "Pavel"],
        family: &["Volkov", "Lebedeva", "Sokolov", "Kuznetsova", "Morozov"],
        particles: &[],
    },
    Tradition {
        order: Order::GivenFirst,
        given: &["Elif", "Mehmet", "Zeynep", "Burak", "Ayşe", "Çağan"],
        family: &["Yılmaz", "Demir", "Şahin", "Öztürk", "Kaya", "Çelik"],
        particles: &[],
    },
    Tradition {
        order: Order::GivenFirst,
        given: &["Ingrid", "Piet", "Lena", "Jürgen", "Sanne", "Tomas", "Małgorzata", "Wojciech"],
        family: &["Aalst", "Hofstetter", "Brandt", "Solvang", "Wieczorek", "Kowalczyk", "Mertens", "Eriksen"],
        particles: &["van", "von", "van der"],
    },
    Tradition {
        order: Order::GivenFirst,
        given: &["Nguyen", "Thi Lan", "Minh", "Hoa", "Duc Anh"],
        family: &["Tran", "Pham", "Vo", "Dang", "Bui"],
        particles: &[],
    },
    Tradition {
        order: Order::GivenFirst,
        given: &["Siobhán", "Ciarán", "Aoife", "Declan", "Niamh"],
        family: &["O’Farrell", "McGuinness", "O’Connell", "Ní Bhriain", "Mac Giolla"],
        particles: &[],
    },
];

pub const TITLES: &[(&str, &str)] = &[
    ("Energy Minister", "the energy minister"),
    ("Finance Minister", "the finance minister"),
    ("Mayor", "the mayor"),
    ("Sen.", "the senator"),
    ("Rep.", "the congresswoman"),
    ("Gov.", "the governor"),
    ("Chief Executive", "the chief executive"),
    ("Police Chief", "the police chief"),
    ("Councillor", "the councillor"),
    ("Prof.", "the professor"),
    ("Judge", "the judge"),
    ("Coach", "the coach"),
];

pub const ROLES: &[&str] = &[
    "a spokeswoman for the ministry",
    "a spokesman for the company",
    "director of the energy program at the Centre for Power Policy",
    "a professor of economics at Halvard University",
    "who heads a cooperative of about 120 trawler owners",
    "a retired machinist",
    "the head of the volunteer fire brigade",
    "a lawyer for the families",
    "an analyst at Brightwater Capital in London",
    "a nurse at the regional hospital",
    "the union’s general secretary",
    "a senior fellow at the Institute for Coastal Studies",
];

pub const BODIES: &[&str] = &[
    "the Foreign Ministry",
    "the Federal Grid Authority",
    "the Ministry of Oceans and Fisheries",
    "the city council",
    "the central bank",
    "the Federation of Nigerian Manufacturers",
    "the presidential office",
    "the U.S. Department of Energy",
    "the World Health Organization",
    "Hanbit Turbine",
];

pub const PLACES: &[&str] = &[
    "MILWAUKEE",
    "NAIROBI",
    "TOKYO",
    "LAGOS",
    "SEOUL",
    "BOGOTÁ",
    "ISTANBUL",
    "MUMBAI",
    "BRUSSELS",
    "HANOI",
    "CORK",
    "VARNHOLM",
    "SÃO PAULO",
    "ABU DHABI",
];

pub const TOPICS: &[&str] = &[
    "flood defences",
    "the fisheries agreement",
    "electricity rationing",
    "the budget",
    "rural hospitals",
    "the marathon",
    "tariffs on imported steel",
    "the sentencing",
    "the bank merger",
    "the doctors’ strike",
    "the exoplanet survey",
    "the border talks",
];

pub const SUBJECTS: &[&str] = &[
    "We",
    "They",
    "Most people in this town",
    "The people working there",
    "All of us",
    "Our engineers",
    "The voters",
    "The families here",
    "You",
    "My neighbours",
];

pub const VERB_PHRASES: &[&str] = &[
    "have waited long enough for",
    "are not going to give up on",
    "never asked for",
    "will keep fighting for",
    "paid twice for",
    "cannot plan around",
    "were promised",
    "know exactly what happened to",
    "will not be rushed into",
    "have been asking about",
];

pub const OBJECTS: &[&str] = &[
    "this decision",
    "a wall that cracked in 2019",
    "the pumps",
    "a fair deal",
    "the results of the audit",
    "the money from the state",
    "a schedule we can trust",
    "the families who lost everything",
    "a single straight answer",
    "the hospital in Marathon County",
];

pub const TAILS: &[&str] = &[
    "",
    " and we will say so again next week",
    " before the winter",
    " since the summer",
    ", whatever the council decides",
    " and nobody has explained why",
    " in the ’90s and again last year",
    " because that is what Japan’s fishermen were told",
];

pub const NARRATIVE: &[&str] = &[
    "The two sides have been separated by less than two points in most public polls since the summer.",
    "The lapse of the previous agreement in 2023 left boats from each country unable to fish in the other’s waters.",
    "Early voting begins next week, and turnout in the county has been low in recent elections.",
    "The relays are being supplied by a South Korean manufacturer that also maintains several turbines in the south.",
    "Residents of the low-lying district, many of whom moved there in the ’90s, filled the public gallery.",
    "The U.S. Department of Energy estimated the cost at $14.2 million, with work due to begin in the spring.",
    "About 30 people gathered to watch in a bar near the campus, and reactions split largely along party lines.",
    "The council is due to meet again on March 3, when a revised schedule will be presented.",
    "Fuel costs have forced a third of the cooperative’s members to tie up their boats since the winter.",
    "The ruling can be appealed within 30 days, according to court documents.",
];

pub const HEADINGS: &[&str] = &[
    "What went wrong",
    "A record in the cold",
    "Concerns over support",
    "The view from the harbour",
    "Costs and delays",
    "What happens next",
];

pub const LOADED_VERBS: &[&str] = &["claimed", "admitted", "insisted", "conceded", "alleged"];

pub const VAGUE: &[&str] = &[
    "Critics say the plan will cost far more than the ministry admits.",
    "Some believe the decision was made months ago.",
    "Many observers have questioned whether the timetable is realistic.",
    "Western governments have accused the ministry of delaying the inquiry.",
];

pub const ANONYMOUS: &[&str] = &[
    "a person familiar with the matter",
    "an official with knowledge of the talks",
    "two people briefed on the negotiations",
];

pub const ANONYMITY_REASONS: &[&str] = &[
    "who spoke on condition of anonymity because the talks were private",
    "who asked not to be named because they were not authorised to speak publicly",
];

/// Phrases for partial quotes after "was" or "had been".
pub const VERDICTS: &[&str] = &[
    "a betrayal of what we were told",
    "long overdue",
    "a gamble with other people’s kitchens",
    "structurally fatigued",
    "a meaningful signal",
    "reasonable limits",
    "not a plan but a hope",
    "the lesser pain",
];
