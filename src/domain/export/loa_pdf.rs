//! The Letter of Authorization as a PDF, for the admin center's and carriers' upload: the same
//! letter as [`super::loa`] (same template, same values, never the PIN), laid out on US Letter
//! pages in Helvetica, one of the fonts every PDF reader has, so no font file is embedded.
//!
//! The template aligns its values in columns with runs of spaces. In a proportional font a
//! column is placed where its first character would be in a fixed-width one (`COLUMN` points a
//! character), pushed right when the text before it is wider. A line too long for the page wraps
//! at its column. The attachment listing more than 50 numbers starts on a page of its own.

use super::helvetica::{encode, width};
use super::loa;
use crate::domain::order::Order;
use pdf_writer::{Content, Finish, Name, Pdf, Rect, Ref, Str, TextStr};

/// US Letter, in points.
const PAGE_WIDTH: f32 = 612.0;
const PAGE_HEIGHT: f32 = 792.0;
const MARGIN: f32 = 50.0;
const SIZE: f32 = 9.5;
const TITLE_SIZE: f32 = 13.0;
const LEADING: f32 = 11.6;
/// A blank line takes less room than a line of text.
const BLANK_LEADING: f32 = 6.0;
/// A line to sign on gets room above it for the signature.
const SIGNATURE_ROOM: f32 = 14.0;
/// Where a template column starts, per character of the template line.
const COLUMN: f32 = 5.0;
/// The least room between two columns.
const GAP: f32 = 6.0;
/// A column never starts closer than this to the right margin.
const MIN_COLUMN_WIDTH: f32 = 100.0;
/// The footer's baseline, from the bottom of the page.
const FOOTER_Y: f32 = 30.0;

/// One piece of text placed on a page.
#[derive(Debug, Clone, PartialEq)]
pub struct Run {
    pub x: f32,
    pub y: f32,
    pub size: f32,
    pub bold: bool,
    /// WinAnsi bytes.
    pub text: Vec<u8>,
}

/// The letter for an order, as the bytes of a PDF file.
pub fn render(order: &Order) -> Result<Vec<u8>, loa::TemplateError> {
    let letter = loa::render(order)?;
    let title = format!("Letter of Authorization, order {}", order.id);
    Ok(write_pdf(&layout(&letter), &title))
}

/// Another document laid out as the letter is (`report --format pdf`): its first line the
/// title, `N. ` lines headings, columns at runs of two spaces; `footer` names it beside the page
/// numbers, `title` in the file's properties.
pub fn text_pdf(text: &str, footer: &str, title: &str) -> Vec<u8> {
    write_pdf(&layout_named(text, footer), title)
}

/// The letter's text placed on pages.
pub fn layout(letter: &str) -> Vec<Vec<Run>> {
    layout_named(letter, "Letter of Authorization")
}

/// A text placed on pages as the letter is, each page's footer naming it `footer`.
fn layout_named(letter: &str, footer: &str) -> Vec<Vec<Run>> {
    let mut pages: Vec<Vec<Run>> = vec![Vec::new()];
    let top = PAGE_HEIGHT - MARGIN;
    // The baseline of the last line placed.
    let mut y = top + LEADING;
    for (n, line) in letter.lines().map(str::trim_end).enumerate() {
        if line.is_empty() {
            y -= BLANK_LEADING;
            continue;
        }
        let size = if n == 0 { TITLE_SIZE } else { SIZE };
        let bold = n == 0 || is_heading(line);
        let mut above = LEADING;
        if line.contains("__________") {
            above += SIGNATURE_ROOM;
        }
        let rows = wrap(line, size, bold);
        let below = LEADING * rows.len().saturating_sub(1) as f32;
        let at_top = pages.last().is_some_and(Vec::is_empty);
        let new_page = !at_top && (y - above - below < MARGIN || line.starts_with("ATTACHMENT"));
        if new_page {
            pages.push(Vec::new());
        }
        if new_page || at_top {
            // Nothing above the first line of a page but the margin.
            y = top + LEADING;
            above = LEADING;
        }
        y -= above;
        let Some(page) = pages.last_mut() else {
            break;
        };
        for (row, runs) in rows.into_iter().enumerate() {
            let row_y = y - LEADING * row as f32;
            page.extend(runs.into_iter().map(|(x, text)| Run {
                x,
                y: row_y,
                size,
                bold,
                text,
            }));
        }
        y -= below;
        if n == 0 {
            y -= TITLE_SIZE - SIZE;
        }
    }
    let count = pages.len();
    if count > 1 {
        for (i, page) in pages.iter_mut().enumerate() {
            page.push(Run {
                x: MARGIN,
                y: FOOTER_Y,
                size: SIZE - 1.5,
                bold: false,
                text: encode(&format!("{footer}, page {} of {count}", i + 1)),
            });
        }
    }
    pages
}

/// A section heading of the template: "1. CUSTOMER AND ACCOUNT", "ATTACHMENT A: …".
fn is_heading(line: &str) -> bool {
    let numbered = line
        .split_once(". ")
        .is_some_and(|(n, _)| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()));
    numbered || line.starts_with("ATTACHMENT")
}

/// One row of a wrapped line: (x, WinAnsi text) pieces.
type Row = Vec<(f32, Vec<u8>)>;

/// A template line as rows of placed text: its columns (split at runs of two or more spaces),
/// each wrapped at the right margin and continued at its own column; a word wider than the page
/// is cut.
fn wrap(line: &str, size: f32, bold: bool) -> Vec<Row> {
    let right = PAGE_WIDTH - MARGIN;
    let mut rows: Vec<Row> = vec![Vec::new()];
    // Where the text placed on the current row ends.
    let mut end: Option<f32> = None;
    for (column, text) in columns(line) {
        let home = (MARGIN + column as f32 * COLUMN).min(right - MIN_COLUMN_WIDTH);
        let mut x = end.map_or(home, |e| home.max(e + GAP));
        if x > right - MIN_COLUMN_WIDTH {
            rows.push(Vec::new());
            x = home;
        }
        let mut current: Vec<u8> = Vec::new();
        for word in text.split(' ') {
            let mut word = encode(word);
            loop {
                let mut candidate = current.clone();
                if !candidate.is_empty() {
                    candidate.push(b' ');
                }
                candidate.extend_from_slice(&word);
                if x + width(&candidate, size, bold) <= right {
                    current = candidate;
                    break;
                }
                if current.is_empty() {
                    let rest = word.split_off(fitting(&word, right - x, size, bold).max(1));
                    push_run(&mut rows, x, std::mem::replace(&mut word, rest));
                } else {
                    push_run(&mut rows, x, std::mem::take(&mut current));
                }
                rows.push(Vec::new());
                x = home;
            }
        }
        end = Some(x + width(&current, size, bold));
        push_run(&mut rows, x, current);
    }
    rows
}

/// How many bytes of `text` fit in `room` points.
fn fitting(text: &[u8], room: f32, size: f32, bold: bool) -> usize {
    (0..=text.len())
        .take_while(|n| width(&text[..*n], size, bold) <= room)
        .last()
        .unwrap_or(0)
}

fn push_run(rows: &mut [Row], x: f32, text: Vec<u8>) {
    if let Some(row) = rows.last_mut()
        && !text.is_empty()
    {
        row.push((x, text));
    }
}

/// The columns of a template line: (character column, text), split at runs of two or more
/// spaces; the leading spaces are the first column's indent.
fn columns(line: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let chars: Vec<(usize, char)> = line.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        while i < chars.len() && chars[i].1 == ' ' {
            i += 1;
        }
        if i == chars.len() {
            break;
        }
        let start = i;
        while i < chars.len()
            && !(chars[i].1 == ' ' && chars.get(i + 1).is_some_and(|c| c.1 == ' '))
        {
            i += 1;
        }
        let from = chars[start].0;
        let to = chars.get(i).map_or(line.len(), |c| c.0);
        out.push((start, line[from..to].trim_end()));
    }
    out
}

/// The pages as a PDF: one content stream a page, Helvetica and Helvetica-Bold in WinAnsi.
fn write_pdf(pages: &[Vec<Run>], title: &str) -> Vec<u8> {
    let catalog = Ref::new(1);
    let tree = Ref::new(2);
    let regular = Ref::new(3);
    let bold = Ref::new(4);
    let info = Ref::new(5);
    let first_page = 6;
    let page_ref = |i: usize| Ref::new(first_page + 2 * i32::try_from(i).unwrap_or(0));
    let content_ref = |i: usize| Ref::new(first_page + 1 + 2 * i32::try_from(i).unwrap_or(0));

    let mut pdf = Pdf::new();
    pdf.catalog(catalog).pages(tree);
    pdf.pages(tree)
        .kids((0..pages.len()).map(page_ref))
        .count(i32::try_from(pages.len()).unwrap_or(i32::MAX));
    for (font, name) in [(regular, "Helvetica"), (bold, "Helvetica-Bold")] {
        pdf.type1_font(font)
            .base_font(Name(name.as_bytes()))
            .encoding_predefined(Name(b"WinAnsiEncoding"));
    }
    pdf.document_info(info)
        .title(TextStr(title))
        .producer(TextStr("portwiz"));
    for (i, runs) in pages.iter().enumerate() {
        let mut page = pdf.page(page_ref(i));
        page.media_box(Rect::new(0.0, 0.0, PAGE_WIDTH, PAGE_HEIGHT))
            .parent(tree)
            .contents(content_ref(i));
        page.resources()
            .fonts()
            .pair(Name(b"F1"), regular)
            .pair(Name(b"F2"), bold);
        page.finish();
        let mut content = Content::new();
        content.begin_text();
        for run in runs {
            let font = if run.bold { Name(b"F2") } else { Name(b"F1") };
            content
                .set_font(font, run.size)
                .set_text_matrix([1.0, 0.0, 0.0, 1.0, run.x, run.y])
                .show(Str(&run.text));
        }
        content.end_text();
        pdf.stream(content_ref(i), &content.finish());
    }
    pdf.finish()
}

#[cfg(test)]
mod tests;
