//! The app's own words, in Ukrainian and English. Components never hard-code a
//! user-facing string: they ask [`tr`] for a [`Key`].

use domain::Lang;

/// A user-facing string of the app.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    /// The product name.
    Brand,
    /// Under the product name.
    Tagline,
    /// The language switch's label.
    LanguageSwitch,
    /// The catalog heading.
    CatalogTitle,
    /// What to do first.
    CatalogLead,
    /// "How it works" heading.
    HowTitle,
    /// Step 1.
    HowStep1,
    /// Step 2.
    HowStep2,
    /// Step 3.
    HowStep3,
    /// Step 4.
    HowStep4,
    /// The no-lateness rule.
    NoLateness,
    /// Badge: no booking needed.
    NoBooking,
    /// Badge: demo data.
    Demo,
    /// Loading.
    Loading,
    /// Retry button.
    Retry,
    /// Support phones heading.
    Support,
    /// The legal basis.
    LegalBasis,
    /// Notices heading.
    Notices,
}

/// The string for `key` in `lang`.
pub fn tr(lang: Lang, key: Key) -> &'static str {
    let (uk, en) = match key {
        Key::Brand => ("Черга", "Cherga"),
        Key::Tagline => (
            "Електронна черга Державної міграційної служби",
            "Electronic queue of the State Migration Service",
        ),
        Key::LanguageSwitch => ("Мова", "Language"),
        Key::CatalogTitle => ("Оберіть послугу", "Choose a service"),
        Key::CatalogLead => (
            "Працівники ДМС спеціалізуються за послугами: якщо обрати не ту послугу, запис можуть скасувати без її надання. Прочитайте картку послуги, перш ніж записуватися.",
            "DMS officers specialise by service: a booking for the wrong service may be cancelled without the service being provided. Read the service card before you book.",
        ),
        Key::HowTitle => ("Як це працює", "How it works"),
        Key::HowStep1 => (
            "Оберіть послугу й перевірте перелік документів та вартість.",
            "Choose a service and check the documents and the fees.",
        ),
        Key::HowStep2 => (
            "Оберіть підрозділ, день і час.",
            "Choose an office, a day and a time.",
        ),
        Key::HowStep3 => (
            "Сплатіть збори в банку або онлайн у «Моїх талонах».",
            "Pay the fees at a bank or online in “My tickets”.",
        ),
        Key::HowStep4 => (
            "Прийдіть вчасно з усіма документами й квитанціями.",
            "Come on time with every document and receipt.",
        ),
        Key::NoLateness => (
            "Система не допускає запізнень: якщо вас не буде в приміщенні під час виклику, талон буде анульовано.",
            "No lateness: if you are not in the office when called, the ticket is annulled.",
        ),
        Key::NoBooking => ("Запис не потрібен", "No booking needed"),
        Key::Demo => ("демо", "demo"),
        Key::Loading => ("Завантаження…", "Loading…"),
        Key::Retry => ("Спробувати ще раз", "Try again"),
        Key::Support => ("Технічна підтримка", "Technical support"),
        Key::LegalBasis => (
            "Порядок роботи сервісу визначено наказом МВС від 05.09.2018 № 732.",
            "The service works under MVS order No 732 of 05.09.2018.",
        ),
        Key::Notices => ("Оголошення", "Notices"),
    };
    match lang {
        Lang::Uk => uk,
        Lang::En => en,
    }
}

/// The support phone numbers of the service page.
pub const SUPPORT_PHONES: [&str; 3] = ["(097) 470-05-05", "(066) 470-05-05", "(073) 470-05-05"];
