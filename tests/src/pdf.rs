//! What the browser tests read in a printed PDF.

/// The pages of a PDF: its `/Type /Page` objects (the page tree's nodes are
/// `/Type /Pages`).
pub fn pages(pdf: &[u8]) -> usize {
    let needle = b"/Type /Page";
    pdf.windows(needle.len() + 1)
        .filter(|w| w.starts_with(needle) && w[needle.len()] != b's')
        .count()
}

#[cfg(test)]
mod tests {
    #[test]
    fn pages_are_counted_without_the_page_tree() {
        let pdf = b"1 0 obj << /Type /Pages /Count 2 >> 2 0 obj << /Type /Page /Parent 1 0 R >> 3 0 obj << /Type /Page>>";
        assert_eq!(super::pages(pdf), 2);
        assert_eq!(super::pages(b"<< /Type /Pages >>"), 0);
    }
}
