//! Finding published vacancies: what a job seeker asks for, read from the search form's
//! address (a plain GET form, so a search can be shared and bookmarked), and what comes back.
//! Both storage engines take the same [`SearchQuery`] and the same [`search_terms`], so they
//! find the same vacancies.

use super::{ContractType, Modality, WorkingHours};
use crate::domain::region::Region;
use serde::{Deserialize, Serialize};

/// The search page; its form sends itself here.
pub const SEARCH_PATH: &str = "/empleos";
/// What the filters would find, as one sentence: asked by the search form's island as the
/// filters change (the same parameters as the page).
pub const COUNT_PATH: &str = "/empleos/cuantas";
/// Vacancies on one page of results.
pub const PAGE_SIZE: u32 = 20;
/// Matches are counted up to this many; more are shown as "more than 1,000". Counting checks
/// each match, so the cap is what keeps a very common word cheap (measured in
/// bench/results/search.md); nobody pages through more than fifty pages.
pub const COUNT_CAP: u32 = 1_000;
/// Ranking by relevance scores every match before the first page can be cut, so it is done
/// only up to this many matches; above it the newest come first and the page says why.
pub const RANK_CAP: u32 = 1_000;
/// Longest text the words field takes, and most words used from it.
pub const MAX_WORDS_CHARS: usize = 200;
pub const MAX_TERMS: usize = 8;
/// Highest minimum salary accepted, in soles a month.
pub const MAX_SALARY: i64 = 1_000_000;
/// The "published in the last" choices, in days.
pub const DAYS_CHOICES: [u32; 4] = [1, 7, 30, 90];

/// The names of the search form's fields, which are also its address's parameters.
pub mod param {
    pub const WORDS: &str = "q";
    pub const REGION: &str = "region";
    pub const MODALITY: &str = "modalidad";
    pub const CONTRACT: &str = "contrato";
    pub const HOURS: &str = "jornada";
    pub const ACCOMMODATION: &str = "ajuste";
    pub const SALARY: &str = "sueldo";
    pub const DAYS: &str = "dias";
    pub const SORT: &str = "orden";
    pub const PAGE: &str = "pagina";
}

/// How results are ordered.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum SortOrder {
    Relevance,
    Newest,
}

impl SortOrder {
    pub fn code(self) -> &'static str {
        match self {
            SortOrder::Relevance => "relevancia",
            SortOrder::Newest => "recientes",
        }
    }

    pub fn from_code(code: &str) -> Option<SortOrder> {
        [SortOrder::Relevance, SortOrder::Newest].into_iter().find(|s| s.code() == code)
    }
}

/// What a job seeker asked for. Values that cannot be understood (a tampered address, a
/// region that does not exist) are left out rather than refused: a search always answers.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchQuery {
    /// The words as typed (cut to [`MAX_WORDS_CHARS`]), shown back in the field.
    pub words: String,
    /// A region slug.
    pub region: Option<String>,
    pub modality: Option<Modality>,
    pub contract: Option<ContractType>,
    pub hours: Option<WorkingHours>,
    /// Accommodation codes; a vacancy must offer every one.
    pub accommodations: Vec<String>,
    /// Soles a month the job must be able to pay.
    pub min_salary: Option<i64>,
    /// Published in the last this many days.
    pub days: Option<u32>,
    /// `None`: relevance when there are words, newest otherwise.
    pub sort: Option<SortOrder>,
    /// From 1.
    pub page: u32,
    /// The minimum salary as typed, when it was not a number the search could use.
    pub bad_salary: Option<String>,
    /// Published after this second: what a saved search's alert has not told yet. Never
    /// read from an address.
    #[serde(default)]
    pub published_after: Option<i64>,
}

impl SearchQuery {
    /// Reads the search form's fields from an address's parameters.
    pub fn from_pairs(pairs: &[(String, String)]) -> SearchQuery {
        let one = |name: &str| {
            pairs.iter().find(|(k, v)| k == name && !v.trim().is_empty()).map(|(_, v)| v.trim().to_string())
        };
        let mut query = SearchQuery {
            words: one(param::WORDS).map(|w| w.chars().take(MAX_WORDS_CHARS).collect()).unwrap_or_default(),
            region: one(param::REGION).filter(|slug| Region::parse(slug).is_some()),
            modality: one(param::MODALITY).and_then(|c| Modality::from_code(&c)),
            contract: one(param::CONTRACT).and_then(|c| ContractType::from_code(&c)),
            hours: one(param::HOURS).and_then(|c| WorkingHours::from_code(&c)),
            days: one(param::DAYS).and_then(|d| d.parse().ok()).filter(|d| DAYS_CHOICES.contains(d)),
            sort: one(param::SORT).and_then(|c| SortOrder::from_code(&c)),
            page: one(param::PAGE).and_then(|p| p.parse().ok()).filter(|p| *p >= 1).unwrap_or(1),
            ..SearchQuery::default()
        };
        for (key, value) in pairs {
            let code = value.trim();
            if key == param::ACCOMMODATION && !code.is_empty() && !query.accommodations.iter().any(|c| c == code) {
                query.accommodations.push(code.chars().take(64).collect());
            }
        }
        query.accommodations.truncate(32);
        if let Some(typed) = one(param::SALARY) {
            match parse_soles(&typed) {
                Some(amount) => query.min_salary = Some(amount),
                None => query.bad_salary = Some(typed.chars().take(40).collect()),
            }
        }
        query
    }

    /// The words a search engine looks for.
    pub fn terms(&self) -> Vec<String> {
        search_terms(&self.words)
    }

    /// The order asked for: relevance only makes sense when there are words.
    pub fn sort_asked(&self) -> SortOrder {
        match (self.sort, self.terms().is_empty()) {
            (_, true) => SortOrder::Newest,
            (Some(sort), false) => sort,
            (None, false) => SortOrder::Relevance,
        }
    }

    /// True when anything narrows the search, words or a filter.
    pub fn narrows(&self) -> bool {
        !self.terms().is_empty()
            || self.region.is_some()
            || self.modality.is_some()
            || self.contract.is_some()
            || self.hours.is_some()
            || !self.accommodations.is_empty()
            || self.min_salary.is_some()
            || self.days.is_some()
    }

    /// The address of this search's page `page`: only what was chosen, in the form's order.
    pub fn path_for_page(&self, page: u32) -> String {
        use crate::ui::percent_encode;
        let mut pairs: Vec<(&str, String)> = Vec::new();
        if !self.words.is_empty() {
            pairs.push((param::WORDS, self.words.clone()));
        }
        let codes = [
            (param::REGION, self.region.clone()),
            (param::MODALITY, self.modality.map(|m| m.code().to_string())),
            (param::CONTRACT, self.contract.map(|c| c.code().to_string())),
            (param::HOURS, self.hours.map(|h| h.code().to_string())),
        ];
        pairs.extend(codes.into_iter().filter_map(|(name, value)| Some((name, value?))));
        pairs.extend(self.accommodations.iter().map(|code| (param::ACCOMMODATION, code.clone())));
        if let Some(amount) = self.min_salary {
            pairs.push((param::SALARY, amount.to_string()));
        }
        if let Some(days) = self.days {
            pairs.push((param::DAYS, days.to_string()));
        }
        if let Some(sort) = self.sort {
            pairs.push((param::SORT, sort.code().to_string()));
        }
        if page > 1 {
            pairs.push((param::PAGE, page.to_string()));
        }
        if pairs.is_empty() {
            return SEARCH_PATH.to_string();
        }
        let query: Vec<String> =
            pairs.into_iter().map(|(name, value)| format!("{name}={}", percent_encode(&value))).collect();
        format!("{SEARCH_PATH}?{}", query.join("&"))
    }
}

/// An amount of soles as people type it: "1200", "1,200", "1 200", "S/ 1200", "1200.00".
fn parse_soles(typed: &str) -> Option<i64> {
    let text = typed.trim().trim_start_matches("S/").trim_start_matches("s/").trim();
    let whole = match text.split_once('.') {
        Some((whole, cents)) if cents.len() <= 2 && cents.chars().all(|c| c.is_ascii_digit()) => whole,
        Some(_) => return None,
        None => text,
    };
    let digits: String = whole.chars().filter(|c| !matches!(c, ',' | ' ' | '\u{a0}')).collect();
    if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) || digits.len() > 9 {
        return None;
    }
    digits.parse().ok().filter(|amount| *amount <= MAX_SALARY)
}

/// Words too common to narrow a search, in both languages.
const STOP_WORDS: &[&str] = &[
    "al", "algo", "ante", "como", "con", "contra", "cual", "cuando", "de", "del", "desde", "donde", "el", "ella", "en",
    "entre", "era", "es", "esta", "este", "esto", "fue", "ha", "hay", "la", "las", "le", "les", "lo", "los", "mas",
    "me", "mi", "muy", "ni", "no", "nos", "para", "pero", "por", "que", "se", "sin", "sobre", "su", "sus", "te", "tu",
    "un", "una", "uno", "unas", "unos", "ya", "yo", "an", "and", "for", "in", "of", "or", "the", "to", "with",
];

/// The words of a search as both engines look for them: lower case, accents and `ñ` folded
/// the way SQLite's `remove_diacritics` and PostgreSQL's `unaccent` fold them, common words
/// dropped, and a Spanish plural cut back to its singular. Each is matched as a whole word:
/// PostgreSQL stems it further with its Spanish stemmer, SQLite with [`stem`].
pub fn search_terms(words: &str) -> Vec<String> {
    let mut terms: Vec<String> = Vec::new();
    for word in words.split(|c: char| !c.is_alphanumeric()) {
        let folded = fold(word);
        if folded.chars().count() < 2 || STOP_WORDS.contains(&folded.as_str()) {
            continue;
        }
        let term = singular(folded);
        if !terms.contains(&term) {
            terms.push(term);
        }
        if terms.len() == MAX_TERMS {
            break;
        }
    }
    terms
}

/// The words of a text, lower case and accents folded, every one kept: for making codes.
pub fn folded_words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(fold).collect()
}

fn fold(word: &str) -> String {
    word.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'á' | 'à' | 'â' | 'ä' | 'ã' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'í' | 'ì' | 'î' | 'ï' => 'i',
            'ó' | 'ò' | 'ô' | 'ö' | 'õ' => 'o',
            'ú' | 'ù' | 'û' | 'ü' => 'u',
            'ñ' => 'n',
            'ç' => 'c',
            other => other,
        })
        .collect()
}

/// "contadores" → "contador", "ventas" → "venta"; short words stay as they are.
fn singular(term: String) -> String {
    let chars: Vec<char> = term.chars().collect();
    let n = chars.len();
    if n >= 6 && chars[n - 2..] == ['e', 's'] && matches!(chars[n - 3], 'r' | 'l' | 'n' | 'd') {
        return chars[..n - 2].iter().collect();
    }
    if n >= 5 && chars[n - 1] == 's' && chars[n - 2] != 's' {
        return chars[..n - 1].iter().collect();
    }
    term
}

/// Which rules [`stemmed_words`] follows. SQLite's word index holds what they made of each
/// vacancy, so changing them (or `fold` and `singular`, which they use) means raising this:
/// the index is then rebuilt at the next start.
pub const STEM_RULES: i64 = 1;

/// A search term as SQLite's word index keeps words (it has no Spanish stemmer of its own):
/// the last vowel of a longer word cut, so that the feminine and masculine of a job meet
/// ("contadora" and "contador" → "contador", "técnica" and "técnico" → "tecnic",
/// "cliente" → "client"). Matching whole stems rather than prefixes lets the index stop after
/// the newest matches instead of gathering every word that begins the same way (measured in
/// bench/results/search.md).
pub fn stem(term: &str) -> String {
    let mut chars: Vec<char> = term.chars().collect();
    if chars.len() >= 5 && matches!(chars.last(), Some('a' | 'e' | 'o')) {
        chars.pop();
    }
    chars.into_iter().collect()
}

/// A text's words as SQLite's word index keeps them: folded, singular and stemmed as a
/// search's terms are ([`search_terms`], [`stem`]), common words kept.
pub fn stemmed_words(text: &str) -> String {
    let mut words = String::with_capacity(text.len());
    for word in text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
        if !words.is_empty() {
            words.push(' ');
        }
        words.push_str(&stem(&singular(fold(word))));
    }
    words
}

/// One vacancy in a list of results.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchHit {
    pub id: i64,
    pub title: String,
    pub company_name: String,
    pub region: String,
    pub province: String,
    pub district: String,
    pub modality: Modality,
    pub contract: ContractType,
    pub hours: WorkingHours,
    pub salary: Option<(i64, i64)>,
    pub published_at: i64,
    /// Accommodation codes it offers, in the list's order.
    pub accommodations: Vec<String>,
}

/// One page of results.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchResults {
    /// How many vacancies match, counted up to [`COUNT_CAP`].
    pub total: u32,
    /// More than [`COUNT_CAP`] match.
    pub capped: bool,
    /// Ordered by relevance (else newest first).
    pub ranked: bool,
    /// The page shown, from 1; a page past the end shows the last one.
    pub page: u32,
    pub hits: Vec<SearchHit>,
}

impl SearchResults {
    pub fn pages(&self) -> u32 {
        self.total.min(COUNT_CAP).div_ceil(PAGE_SIZE).max(1)
    }
}

/// The page to show of `total` matches when `asked` was asked for.
pub fn page_within(asked: u32, total: u32) -> u32 {
    asked.clamp(1, total.min(COUNT_CAP).div_ceil(PAGE_SIZE).max(1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
    }

    #[test]
    fn terms_fold_accents_and_case_drop_common_words_and_plurals() {
        assert_eq!(search_terms("Técnico de MANTENIMIENTO"), vec!["tecnico", "mantenimiento"]);
        assert_eq!(search_terms("técnicos contadores"), vec!["tecnico", "contador"]);
        assert_eq!(search_terms("diseño, año"), vec!["diseno", "ano"]);
        assert_eq!(search_terms("ventas"), vec!["venta"]);
        assert_eq!(search_terms("de la y el"), Vec::<String>::new());
        assert_eq!(search_terms("\"OR\" NEAR(* -:^"), vec!["near"]);
        assert_eq!(search_terms(&"palabra ".repeat(3)), vec!["palabra"]);
        let many: String = (0..20).map(|i| format!("w{i}x ")).collect();
        assert_eq!(search_terms(&many).len(), MAX_TERMS);
    }

    #[test]
    fn a_text_is_stemmed_as_its_search_terms_are() {
        let stems = |text: &str| {
            let mut stems: Vec<String> = search_terms(text).iter().map(|t| stem(t)).collect();
            stems.dedup();
            stems
        };
        assert_eq!(stems("contadora contadores Contador"), vec!["contador"]);
        assert_eq!(stems("Técnicas técnico TÉCNICOS"), vec!["tecnic"]);
        assert_eq!(stems("clientes cliente clienta"), vec!["client"]);
        assert_eq!(stems("atención atenciones"), vec!["atencion"]);
        assert_eq!(stems("caja java"), vec!["caja", "java"], "short words stay whole");
        assert_eq!(
            stemmed_words("Atención al CLIENTE, en Cusco: técnicas (Excel 2019)"),
            "atencion al client en cusc tecnic excel 2019"
        );
        for text in ["Vendedoras de tienda", "almacenes y ventas", "diseño gráfico", "Señor Año"] {
            let indexed = stemmed_words(text);
            for term in stems(text) {
                assert!(indexed.split(' ').any(|word| word == term), "{term} is among {indexed}");
            }
        }
    }

    #[test]
    fn the_form_is_read_and_what_it_cannot_use_is_left_out() {
        let query = SearchQuery::from_pairs(&pairs(&[
            ("q", "  cocinero "),
            ("region", "cusco"),
            ("modalidad", "remote"),
            ("contrato", "nonsense"),
            ("jornada", "part_time"),
            ("ajuste", "step_free_access"),
            ("ajuste", "step_free_access"),
            ("ajuste", "quiet_workspace"),
            ("sueldo", "S/ 1,500"),
            ("dias", "7"),
            ("orden", "recientes"),
            ("pagina", "3"),
        ]));
        assert_eq!(query.words, "cocinero");
        assert_eq!(query.region.as_deref(), Some("cusco"));
        assert_eq!(query.modality, Some(Modality::Remote));
        assert_eq!(query.contract, None);
        assert_eq!(query.hours, Some(WorkingHours::PartTime));
        assert_eq!(query.accommodations, vec!["step_free_access", "quiet_workspace"]);
        assert_eq!(query.min_salary, Some(1500));
        assert_eq!(query.days, Some(7));
        assert_eq!(query.sort, Some(SortOrder::Newest));
        assert_eq!(query.page, 3);

        let odd = SearchQuery::from_pairs(&pairs(&[
            ("region", "atlantis"),
            ("dias", "5"),
            ("pagina", "-2"),
            ("sueldo", "mucho"),
        ]));
        assert_eq!((odd.region, odd.days, odd.page, odd.min_salary), (None, None, 1, None));
        assert_eq!(odd.bad_salary.as_deref(), Some("mucho"));
        assert!(!SearchQuery::from_pairs(&pairs(&[("sueldo", "")])).narrows());
    }

    #[test]
    fn salaries_are_read_as_people_write_them() {
        for (typed, amount) in
            [("1200", Some(1200)), ("1,200", Some(1200)), ("1 200", Some(1200)), ("1200.50", Some(1200))]
        {
            assert_eq!(parse_soles(typed), amount, "{typed}");
        }
        for typed in ["-5", "12a", "1.2.3", "99999999999", "2000000"] {
            assert_eq!(parse_soles(typed), None, "{typed}");
        }
    }

    #[test]
    fn relevance_is_the_default_only_with_words() {
        let with_words = SearchQuery { words: "chofer".into(), ..SearchQuery::default() };
        assert_eq!(with_words.sort_asked(), SortOrder::Relevance);
        let newest = SearchQuery { sort: Some(SortOrder::Newest), ..with_words.clone() };
        assert_eq!(newest.sort_asked(), SortOrder::Newest);
        let no_words = SearchQuery { sort: Some(SortOrder::Relevance), ..SearchQuery::default() };
        assert_eq!(no_words.sort_asked(), SortOrder::Newest);
    }

    #[test]
    fn a_page_address_reads_back_as_the_same_search() {
        let query = SearchQuery {
            words: "técnico & ayudante".into(),
            region: Some("la-libertad".into()),
            accommodations: vec!["job_coach".into(), "remote_work".into()],
            min_salary: Some(1300),
            days: Some(30),
            sort: Some(SortOrder::Newest),
            page: 1,
            ..SearchQuery::default()
        };
        let path = query.path_for_page(4);
        let ui = crate::ui::Ui { path: path.clone(), ..crate::ui::Ui::default() };
        let back = SearchQuery::from_pairs(&ui.query_pairs());
        assert_eq!(back, SearchQuery { page: 4, ..query.clone() });
        assert_eq!(SearchQuery::default().path_for_page(1), SEARCH_PATH);
    }

    #[test]
    fn pages_are_counted_up_to_the_cap() {
        assert_eq!(page_within(5, 0), 1);
        assert_eq!(page_within(5, 41), 3);
        assert_eq!(page_within(0, 41), 1);
        assert_eq!(page_within(9_999, 50_000), COUNT_CAP / PAGE_SIZE);
    }
}
