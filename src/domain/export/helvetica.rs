//! Helvetica, one of the PDF standard fonts every reader has (so no font file is embedded), in
//! WinAnsiEncoding: how text becomes its bytes and how wide it is. The widths are Adobe's font
//! metrics (thousandths of the font size) for the codes 32 to 255.

/// Helvetica's widths, codes 32..=255 (0 for the codes WinAnsi leaves undefined).
const REGULAR: [u16; 224] = [
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556,
    556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667,
    611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667,
    667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500,
    222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
    0, 556, 0, 222, 556, 333, 1000, 556, 556, 333, 1000, 667, 333, 1000, 0, 611, 0, 0, 222, 222,
    333, 333, 350, 556, 1000, 333, 1000, 500, 333, 944, 0, 500, 667, 278, 333, 556, 556, 556, 556,
    260, 556, 333, 737, 370, 556, 584, 333, 737, 333, 400, 584, 333, 333, 333, 578, 537, 278, 333,
    333, 365, 556, 834, 834, 834, 611, 667, 667, 667, 667, 667, 667, 1000, 722, 667, 667, 667, 667,
    278, 278, 278, 278, 722, 722, 778, 778, 778, 778, 778, 584, 778, 722, 722, 722, 722, 667, 667,
    611, 556, 556, 556, 556, 556, 556, 889, 500, 556, 556, 556, 556, 278, 278, 278, 278, 556, 556,
    556, 556, 556, 556, 556, 584, 611, 556, 556, 556, 556, 500, 556, 500,
];

/// Helvetica-Bold's widths, codes 32..=255.
const BOLD: [u16; 224] = [
    278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556,
    556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611, 975, 722, 722, 722, 722, 667,
    611, 778, 722, 278, 556, 722, 611, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667,
    667, 611, 333, 278, 333, 584, 556, 333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556,
    278, 889, 611, 611, 611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584,
    0, 556, 0, 278, 556, 500, 1000, 556, 556, 333, 1000, 667, 333, 1000, 0, 611, 0, 0, 278, 278,
    500, 500, 350, 556, 1000, 333, 1000, 556, 333, 944, 0, 500, 667, 278, 333, 556, 556, 556, 556,
    280, 556, 333, 737, 370, 556, 584, 333, 737, 333, 400, 584, 333, 333, 333, 611, 556, 278, 333,
    333, 365, 556, 834, 834, 834, 611, 722, 722, 722, 722, 722, 722, 1000, 722, 667, 667, 667, 667,
    278, 278, 278, 278, 722, 722, 778, 778, 778, 778, 778, 584, 778, 722, 722, 722, 722, 667, 667,
    611, 556, 556, 556, 556, 556, 556, 889, 556, 556, 556, 556, 556, 278, 278, 278, 278, 611, 611,
    611, 611, 611, 611, 611, 584, 611, 611, 611, 611, 611, 556, 611, 556,
];

/// What a character that WinAnsi cannot show becomes.
pub const REPLACEMENT: u8 = b'?';

/// The characters of codes 0x80..=0x9F, where WinAnsi differs from Latin-1 (`None`: undefined).
const HIGH: [Option<char>; 32] = [
    Some('€'),
    None,
    Some('‚'),
    Some('ƒ'),
    Some('„'),
    Some('…'),
    Some('†'),
    Some('‡'),
    Some('ˆ'),
    Some('‰'),
    Some('Š'),
    Some('‹'),
    Some('Œ'),
    None,
    Some('Ž'),
    None,
    None,
    Some('‘'),
    Some('’'),
    Some('“'),
    Some('”'),
    Some('•'),
    Some('–'),
    Some('—'),
    Some('˜'),
    Some('™'),
    Some('š'),
    Some('›'),
    Some('œ'),
    None,
    Some('ž'),
    Some('Ÿ'),
];

/// A character's WinAnsi code, if it has one. Tabs and the no-break space are spaces; other
/// controls have none.
pub fn code(c: char) -> Option<u8> {
    match c {
        '\t' | '\u{A0}' => Some(b' '),
        ' '..='~' => Some(c as u8),
        '\u{A1}'..='\u{FF}' => u8::try_from(u32::from(c)).ok(),
        _ => HIGH
            .iter()
            .position(|h| *h == Some(c))
            .and_then(|i| u8::try_from(0x80 + i).ok()),
    }
}

/// Text as WinAnsi bytes: what it cannot show becomes `?`, controls are dropped.
pub fn encode(text: &str) -> Vec<u8> {
    text.chars()
        .filter(|c| !c.is_control() || *c == '\t')
        .map(|c| code(c).unwrap_or(REPLACEMENT))
        .collect()
}

/// The width of encoded text at `size` points.
pub fn width(bytes: &[u8], size: f32, bold: bool) -> f32 {
    let table = if bold { &BOLD } else { &REGULAR };
    let units: u32 = bytes
        .iter()
        .map(|b| {
            usize::from(*b)
                .checked_sub(32)
                .and_then(|i| table.get(i))
                .map_or(0, |w| u32::from(*w))
        })
        .sum();
    units as f32 * size / 1000.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin_1_and_the_windows_extras_encode_and_the_rest_is_replaced() {
        assert_eq!(encode("Zürich"), b"Z\xfcrich");
        assert_eq!(encode("a – “b” €"), b"a \x96 \x93b\x94 \x80");
        assert_eq!(encode("Łódź 東京"), b"?\xf3d? ??");
        assert_eq!(encode("a\u{7}b\tc"), b"ab c");
    }

    #[test]
    fn widths_follow_the_font_metrics() {
        // space 278, H 722, i 222 (regular); H 722, i 278 (bold).
        assert!((width(b" Hi", 10.0, false) - 12.22).abs() < 1e-4);
        assert!((width(b" Hi", 10.0, true) - 12.78).abs() < 1e-4);
        assert_eq!(width(&[0x81], 10.0, false), 0.0);
    }
}
