//! Texts people write (vacancies, comments, transcripts) are stored as plain text: paragraphs
//! split by blank lines, and lists whose lines start with "-", "*", "•" or a number. This
//! turns them into paragraphs and lists as elements — never by rendering what was typed as
//! HTML.

use leptos::prelude::*;

/// A piece of plain text as the page shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Block {
    /// Lines of one paragraph; their breaks are kept on screen.
    Paragraph(String),
    Bullets(Vec<String>),
    Numbered(Vec<String>),
}

/// The item of a list line, and whether the list is numbered; `None` for any other line.
fn list_item(line: &str) -> Option<(bool, &str)> {
    let line = line.trim_start();
    for marker in ["- ", "* ", "• ", "– "] {
        if let Some(item) = line.strip_prefix(marker) {
            return Some((false, item.trim()));
        }
    }
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    if (1..=3).contains(&digits) {
        let rest = &line[digits..];
        if let Some(item) = rest.strip_prefix(". ").or_else(|| rest.strip_prefix(") ")) {
            return Some((true, item.trim()));
        }
    }
    None
}

pub fn blocks(text: &str) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::new();
    let mut paragraph: Vec<&str> = Vec::new();
    let flush = |paragraph: &mut Vec<&str>, out: &mut Vec<Block>| {
        if !paragraph.is_empty() {
            out.push(Block::Paragraph(paragraph.join("\n")));
            paragraph.clear();
        }
    };
    for line in text.lines().map(str::trim) {
        if line.is_empty() {
            flush(&mut paragraph, &mut out);
            continue;
        }
        match list_item(line) {
            Some((numbered, item)) => {
                flush(&mut paragraph, &mut out);
                match out.last_mut() {
                    Some(Block::Numbered(items)) if numbered => items.push(item.to_string()),
                    Some(Block::Bullets(items)) if !numbered => items.push(item.to_string()),
                    _ if numbered => out.push(Block::Numbered(vec![item.to_string()])),
                    _ => out.push(Block::Bullets(vec![item.to_string()])),
                }
            }
            None => paragraph.push(line),
        }
    }
    flush(&mut paragraph, &mut out);
    out
}

/// Plain text shown as paragraphs and lists.
#[component]
pub fn PlainText(text: String) -> impl IntoView {
    let items = |items: Vec<String>| items.into_iter().map(|item| view! { <li>{item}</li> }).collect_view();
    blocks(&text)
        .into_iter()
        .map(|block| match block {
            Block::Paragraph(text) => view! { <p class="app-prose">{text}</p> }.into_any(),
            Block::Bullets(list) => view! { <ul class="app-list">{items(list)}</ul> }.into_any(),
            Block::Numbered(list) => view! { <ol class="app-list">{items(list)}</ol> }.into_any(),
        })
        .collect_view()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_and_lists_come_from_lines_and_markup_stays_text() {
        let text = "Atenderás a clientes.\nEn turno de mañana.\n\nFunciones:\n- Recibir pedidos\n* Cobrar\n\n1. Primero\n2) Segundo\n<b>no</b>";
        assert_eq!(
            blocks(text),
            vec![
                Block::Paragraph("Atenderás a clientes.\nEn turno de mañana.".into()),
                Block::Paragraph("Funciones:".into()),
                Block::Bullets(vec!["Recibir pedidos".into(), "Cobrar".into()]),
                Block::Numbered(vec!["Primero".into(), "Segundo".into()]),
                Block::Paragraph("<b>no</b>".into()),
            ]
        );
        assert_eq!(blocks("  \n\n"), vec![]);
        assert_eq!(blocks("2026 fue un buen año"), vec![Block::Paragraph("2026 fue un buen año".into())]);
    }
}
