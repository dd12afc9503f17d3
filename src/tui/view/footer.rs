//! The footer: the keys that work here, from the overlays' table or the screen's own.

use crate::tui::app::Context;
use crate::tui::keymap;
use crate::tui::root::Root;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// The (keys, words) pairs shown where the user is.
pub fn entries(root: &Root) -> Vec<(&'static str, &'static str)> {
    match root.context() {
        context if Context::OVERLAYS.contains(&context) => {
            let drawn = root.app.drawn;
            // Help offers scrolling only when its keys did not all fit.
            let scrolls = drawn.help_lines > drawn.help_rows;
            keymap::footer_bindings(keymap::KEYMAP, &[context])
                .filter(|b| scrolls || b.action.as_ref().is_some() || context != Context::Help)
                .map(|b| (b.label.as_str(), b.footer))
                .collect()
        }
        _ => root.top().component().footer(&root.app),
    }
}

pub fn render(root: &Root, frame: &mut Frame, area: Rect) {
    let theme = &root.app.theme;
    let mut spans = Vec::new();
    let width = usize::from(area.width);
    let mut entries = entries(root);
    // The last entry (help or quit) always shows; the others as far as they fit, in order.
    let last = entries.pop();
    let mut used = last.as_ref().map_or(0, keymap::footer_piece);
    let mut shown = Vec::new();
    for entry in entries {
        if used + keymap::footer_piece(&entry) > width + 2 {
            break;
        }
        used += keymap::footer_piece(&entry);
        shown.push(entry);
    }
    shown.extend(last);
    for (key, words) in shown {
        spans.push(Span::styled(key, theme.key()));
        spans.push(Span::raw(format!(" {words}  ")));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}
