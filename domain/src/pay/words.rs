//! An amount in words, as a receipt writes it beside the figures:
//! «триста сорок п'ять гривень 00 копійок», "three hundred forty-five
//! hryvnias 00 kopiykas". Ukrainian agrees the number with its noun: the
//! hryvnia and the thousand are feminine (одна гривня, дві тисячі), the
//! larger groups masculine, and the noun takes one of three forms (1, 2–4,
//! the rest; 11–14 take the last).

use crate::money::Money;
use crate::Lang;

const UK_ONES_M: [&str; 10] = [
    "",
    "один",
    "два",
    "три",
    "чотири",
    "п'ять",
    "шість",
    "сім",
    "вісім",
    "дев'ять",
];
const UK_TEENS: [&str; 10] = [
    "десять",
    "одинадцять",
    "дванадцять",
    "тринадцять",
    "чотирнадцять",
    "п'ятнадцять",
    "шістнадцять",
    "сімнадцять",
    "вісімнадцять",
    "дев'ятнадцять",
];
const UK_TENS: [&str; 10] = [
    "",
    "",
    "двадцять",
    "тридцять",
    "сорок",
    "п'ятдесят",
    "шістдесят",
    "сімдесят",
    "вісімдесят",
    "дев'яносто",
];
const UK_HUNDREDS: [&str; 10] = [
    "",
    "сто",
    "двісті",
    "триста",
    "чотириста",
    "п'ятсот",
    "шістсот",
    "сімсот",
    "вісімсот",
    "дев'ятсот",
];
/// The groups above the units: their three forms and whether feminine.
const UK_GROUPS: [([&str; 3], bool); 5] = [
    (["тисяча", "тисячі", "тисяч"], true),
    (["мільйон", "мільйони", "мільйонів"], false),
    (["мільярд", "мільярди", "мільярдів"], false),
    (["трильйон", "трильйони", "трильйонів"], false),
    (["квадрильйон", "квадрильйони", "квадрильйонів"], false),
];

const EN_ONES: [&str; 20] = [
    "",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];
const EN_TENS: [&str; 10] = [
    "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];
const EN_GROUPS: [&str; 5] = ["thousand", "million", "billion", "trillion", "quadrillion"];

/// Which of a Ukrainian noun's three forms goes with `n`: 0 for 1 (21, 31…),
/// 1 for 2–4 (22–24…), 2 for the rest and for 11–14.
pub fn uk_form(n: u64) -> usize {
    match (n % 10, n % 100) {
        (_, 11..=14) => 2,
        (1, _) => 0,
        (2..=4, _) => 1,
        _ => 2,
    }
}

/// Ukrainian words of `n` (1–999), feminine where the noun is.
fn uk_triple(n: u64, feminine: bool, out: &mut Vec<&'static str>) {
    let (h, rest) = ((n / 100) as usize, n % 100);
    if h > 0 {
        out.push(UK_HUNDREDS[h]);
    }
    if (10..20).contains(&rest) {
        out.push(UK_TEENS[(rest - 10) as usize]);
        return;
    }
    let (t, u) = ((rest / 10) as usize, (rest % 10) as usize);
    if t > 0 {
        out.push(UK_TENS[t]);
    }
    match (u, feminine) {
        (0, _) => {}
        (1, true) => out.push("одна"),
        (2, true) => out.push("дві"),
        _ => out.push(UK_ONES_M[u]),
    }
}

fn en_triple(n: u64, out: &mut Vec<String>) {
    let (h, rest) = ((n / 100) as usize, (n % 100) as usize);
    if h > 0 {
        out.push(format!("{} hundred", EN_ONES[h]));
    }
    match rest {
        0 => {}
        1..=19 => out.push(EN_ONES[rest].to_string()),
        _ if rest % 10 == 0 => out.push(EN_TENS[rest / 10].to_string()),
        _ => out.push(format!("{}-{}", EN_TENS[rest / 10], EN_ONES[rest % 10])),
    }
}

/// `n`'s groups of three digits, the units first.
fn groups(mut n: u64) -> Vec<u64> {
    let mut g = Vec::new();
    while n > 0 {
        g.push(n % 1000);
        n /= 1000;
    }
    g
}

/// Whole hryvnias in Ukrainian words with the noun: «триста сорок п'ять гривень».
fn uk_hryvnias(n: u64) -> String {
    if n == 0 {
        return "нуль гривень".into();
    }
    let mut words: Vec<&'static str> = Vec::new();
    let g = groups(n);
    for (i, triple) in g.iter().enumerate().rev() {
        if *triple == 0 {
            continue;
        }
        if i == 0 {
            uk_triple(*triple, true, &mut words);
        } else if let Some((forms, feminine)) = UK_GROUPS.get(i - 1) {
            uk_triple(*triple, *feminine, &mut words);
            words.push(forms[uk_form(*triple)]);
        }
    }
    words.push(["гривня", "гривні", "гривень"][uk_form(n)]);
    words.join(" ")
}

fn en_hryvnias(n: u64) -> String {
    if n == 0 {
        return "zero hryvnias".into();
    }
    let mut words = Vec::new();
    let g = groups(n);
    for (i, triple) in g.iter().enumerate().rev() {
        if *triple == 0 {
            continue;
        }
        en_triple(*triple, &mut words);
        if i > 0 {
            if let Some(name) = EN_GROUPS.get(i - 1) {
                words.push((*name).to_string());
            }
        }
    }
    words.push(if n == 1 { "hryvnia" } else { "hryvnias" }.into());
    words.join(" ")
}

/// `amount` in words, the kopiykas in figures as receipts write them:
/// «триста сорок п'ять гривень 00 копійок», "one hryvnia 01 kopiyka".
pub fn in_words(amount: Money, lang: Lang) -> String {
    let (uah, kop) = (amount.kopiykas() / 100, amount.kopiykas() % 100);
    match lang {
        Lang::Uk => format!(
            "{} {kop:02} {}",
            uk_hryvnias(uah),
            ["копійка", "копійки", "копійок"][uk_form(kop)]
        ),
        Lang::En => format!(
            "{} {kop:02} {}",
            en_hryvnias(uah),
            if kop == 1 { "kopiyka" } else { "kopiykas" }
        ),
    }
}
