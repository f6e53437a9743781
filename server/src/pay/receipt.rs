//! The paid receipt as a PDF (krilla, with DejaVu Sans embedded and
//! subset, so Ukrainian renders in any viewer): A4, or a narrow strip for
//! a receipt printer (80 mm). Made from the receipt's data alone, with no
//! date of making in it, so the same receipt comes out byte for byte every
//! time it is downloaded.

use domain::{Lang, Money};
use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point, Rect};
use krilla::page::PageSettings;
use krilla::paint::Fill;
use krilla::text::{Font, TextDirection};
use krilla::Document;
use std::sync::OnceLock;

static REGULAR: &[u8] = include_bytes!("../../fonts/DejaVuSans.ttf");
static BOLD: &[u8] = include_bytes!("../../fonts/DejaVuSans-Bold.ttf");

/// The page's shape.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// A4, 210 × 297 mm.
    A4,
    /// 80 mm wide, for receipt printers.
    Narrow,
}

impl Layout {
    /// `a4` or `narrow`.
    pub fn parse(s: &str) -> Option<Layout> {
        match s {
            "a4" | "" => Some(Layout::A4),
            "narrow" => Some(Layout::Narrow),
            _ => None,
        }
    }
}

/// What a receipt shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReceiptData {
    /// `XXXX-XXXX-XXXX-XXXX`.
    pub code: String,
    /// `дд.мм.рррр`, Kyiv.
    pub paid_on: String,
    /// The payer, as on the ticket (none once its data was erased).
    pub payer: Option<String>,
    /// The recipient's name.
    pub recipient: String,
    /// Its ЄДРПОУ code.
    pub recipient_code: String,
    /// Its IBAN.
    pub iban: String,
    /// What is paid for.
    pub purpose: String,
    /// The amount.
    pub amount: Money,
    /// The provider and its reference (`LiqPay 123456`).
    pub reference: String,
    /// The check page of this code (the QR code's content).
    pub check_url: String,
    /// Made on the sandbox or to a demo recipient: says so across the top.
    pub demo: bool,
    /// The language.
    pub lang: Lang,
}

struct Fonts {
    regular: Font,
    bold: Font,
}

fn fonts() -> Option<&'static Fonts> {
    static FONTS: OnceLock<Option<Fonts>> = OnceLock::new();
    FONTS
        .get_or_init(|| {
            Some(Fonts {
                regular: Font::new(REGULAR.into(), 0)?,
                bold: Font::new(BOLD.into(), 0)?,
            })
        })
        .as_ref()
}

/// The width of `text` at `size` in `face` (points).
fn width(face: &ttf_parser::Face<'_>, text: &str, size: f32) -> f32 {
    let em = f32::from(face.units_per_em());
    let units: f32 = text
        .chars()
        .map(|c| {
            face.glyph_index(c)
                .and_then(|g| face.glyph_hor_advance(g))
                .map_or(0.0, f32::from)
        })
        .sum();
    units * size / em
}

/// `text` broken into lines at spaces, none wider than `max` (a word wider
/// than a line stands alone).
fn wrap(face: &ttf_parser::Face<'_>, text: &str, size: f32, max: f32) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let candidate = if line.is_empty() {
            word.to_string()
        } else {
            format!("{line} {word}")
        };
        if !line.is_empty() && width(face, &candidate, size) > max {
            lines.push(std::mem::replace(&mut line, word.to_string()));
        } else {
            line = candidate;
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

fn words(lang: Lang) -> [&'static str; 11] {
    match lang {
        Lang::Uk => [
            "КВИТАНЦІЯ ПРО ОПЛАТУ",
            "Код квитанції",
            "Дата оплати",
            "Платник",
            "Отримувач",
            "Призначення платежу",
            "Сума",
            "Сума прописом",
            "Платіж",
            "Перевірити квитанцію за кодом:",
            "дані платника стерто",
        ],
        Lang::En => [
            "RECEIPT OF PAYMENT",
            "Receipt code",
            "Paid on",
            "Payer",
            "Recipient",
            "Purpose of payment",
            "Amount",
            "Amount in words",
            "Payment",
            "Check the receipt by its code:",
            "the payer's data erased",
        ],
    }
}

/// Capitalised first letter (the amount in words starts a sentence).
fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// The receipt `r` as a PDF in `layout`.
pub fn render(r: &ReceiptData, layout: Layout) -> Result<Vec<u8>, String> {
    let fonts = fonts().ok_or("the receipt's font does not load")?;
    let face = ttf_parser::Face::parse(REGULAR, 0).map_err(|e| e.to_string())?;
    let (page_w, margin, size) = match layout {
        Layout::A4 => (595.0_f32, 56.0_f32, 11.0_f32),
        Layout::Narrow => (226.8, 10.0, 8.5),
    };
    let text_w = page_w - 2.0 * margin;
    let w = words(r.lang);
    let amount = r.amount.format(r.lang);
    let in_words = capitalised(&domain::pay::in_words(r.amount, r.lang));
    let recipient = format!(
        "{}, ЄДРПОУ {}, IBAN {}",
        r.recipient, r.recipient_code, r.iban
    );
    // (label, value, bold) in reading order.
    let rows: Vec<(&str, String, bool)> = vec![
        (w[1], r.code.clone(), true),
        (w[2], r.paid_on.clone(), false),
        // None: the ticket's personal data was erased.
        (w[3], r.payer.clone().unwrap_or_else(|| w[10].into()), false),
        (w[4], recipient, false),
        (w[5], r.purpose.clone(), false),
        (w[6], amount, true),
        (w[7], in_words, false),
        (w[8], r.reference.clone(), false),
    ];
    // Lay out first (the narrow page is as tall as its text), then draw.
    let line = size * 1.45;
    let mut lines: Vec<(f32, String, bool, f32)> = Vec::new();
    let mut y = margin + size * 1.6;
    if r.demo {
        let demo = match r.lang {
            Lang::Uk => "ДЕМОНСТРАЦІЙНА КВИТАНЦІЯ: ГРОШІ НЕ СПИСАНО",
            Lang::En => "DEMO RECEIPT: NO MONEY WAS CHARGED",
        };
        for l in wrap(&face, demo, size, text_w) {
            lines.push((y, l, true, size));
            y += line;
        }
        y += line * 0.5;
    }
    let title = size * 1.4;
    for l in wrap(&face, w[0], title, text_w) {
        lines.push((y, l, true, title));
        y += title * 1.4;
    }
    y += line * 0.5;
    for (label, value, bold) in rows {
        lines.push((y, label.to_string(), false, size * 0.85));
        y += line * 0.9;
        for l in wrap(&face, &value, size, text_w) {
            lines.push((y, l, bold, size));
            y += line;
        }
        y += line * 0.35;
    }
    let qr = qrcode::QrCode::new(r.check_url.as_bytes()).map_err(|e| e.to_string())?;
    let qr_side = match layout {
        Layout::A4 => 120.0,
        Layout::Narrow => text_w * 0.6,
    };
    lines.push((y, w[9].to_string(), false, size * 0.85));
    y += line * 0.9;
    for l in wrap(&face, &r.check_url, size * 0.85, text_w) {
        lines.push((y, l, false, size * 0.85));
        y += line;
    }
    let qr_top = y;
    let page_h = match layout {
        Layout::A4 => 842.0,
        Layout::Narrow => qr_top + qr_side + margin,
    };

    let mut document = Document::new();
    let settings = PageSettings::from_wh(page_w, page_h).ok_or("page size")?;
    let mut page = document.start_page_with(settings);
    let mut surface = page.surface();
    surface.set_fill(Some(Fill::default()));
    for (y, text, bold, size) in &lines {
        let font = if *bold { &fonts.bold } else { &fonts.regular };
        surface.draw_text(
            Point::from_xy(margin, *y),
            font.clone(),
            *size,
            text,
            false,
            TextDirection::Auto,
        );
    }
    // The QR code: one square per dark module.
    let n = qr.width();
    let module = qr_side / n as f32;
    let mut path = PathBuilder::new();
    for (i, color) in qr.to_colors().iter().enumerate() {
        if *color == qrcode::Color::Dark {
            let (x, yy) = ((i % n) as f32, (i / n) as f32);
            if let Some(rect) =
                Rect::from_xywh(margin + x * module, qr_top + yy * module, module, module)
            {
                path.push_rect(rect);
            }
        }
    }
    if let Some(path) = path.finish() {
        surface.set_fill(Some(Fill {
            paint: rgb::Color::new(0, 0, 0).into(),
            ..Fill::default()
        }));
        surface.draw_path(&path);
    }
    surface.finish();
    page.finish();
    document.finish().map_err(|e| format!("{e:?}"))
}
