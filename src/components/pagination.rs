//! Links through the pages of a long list: the first, the last, the current one and its
//! neighbours, each an ordinary link, the current one marked `aria-current="page"`.

use crate::i18n::{t, t_with, Key};
use crate::ui::use_ui;
use leptos::prelude::*;

/// The pages of a list; `link` gives the address of page `n` (the same list, that page).
/// Nothing at all when everything fits on one page.
#[component]
pub fn Pagination<F>(page: u32, pages: u32, link: F) -> impl IntoView
where
    F: Fn(u32) -> String + Send + Sync + 'static,
{
    let lang = use_ui().lang;
    (pages > 1).then(|| {
        let mut items = Vec::new();
        let mut last = 0;
        for number in shown_pages(page, pages) {
            if number > last + 1 {
                items.push(view! { <li class="app-pagination__gap" aria-hidden="true">"…"</li> }.into_any());
            }
            let label = t_with(lang, Key::search_page_label, &[("page", &number.to_string())]);
            let current = (number == page).then_some("page");
            items.push(
                view! {
                    <li>
                        <a class="app-pagination__link" href=link(number) aria-current=current aria-label=label>
                            {number.to_string()}
                        </a>
                    </li>
                }
                .into_any(),
            );
            last = number;
        }
        let previous = (page > 1).then(|| {
            view! {
                <a class="app-pagination__step" href=link(page - 1) rel="prev">
                    {t(lang, Key::search_previous)}
                </a>
            }
        });
        let next = (page < pages).then(|| {
            view! {
                <a class="app-pagination__step" href=link(page + 1) rel="next">
                    {t(lang, Key::search_next)}
                </a>
            }
        });
        view! {
            <nav class="app-pagination" aria-label=t(lang, Key::search_pages_label)>
                {previous}
                <ul class="app-pagination__list">{items}</ul>
                {next}
            </nav>
        }
    })
}

/// The page numbers linked: the first, the last, and the current one with its neighbours.
fn shown_pages(page: u32, pages: u32) -> Vec<u32> {
    let mut shown: Vec<u32> = vec![1, page.saturating_sub(1), page, page + 1, pages];
    shown.retain(|p| (1..=pages).contains(p));
    shown.sort_unstable();
    shown.dedup();
    shown
}

#[cfg(test)]
mod tests {
    use super::shown_pages;

    #[test]
    fn the_ends_and_the_neighbours_of_the_current_page_are_linked() {
        assert_eq!(shown_pages(1, 1), vec![1]);
        assert_eq!(shown_pages(1, 9), vec![1, 2, 9]);
        assert_eq!(shown_pages(5, 9), vec![1, 4, 5, 6, 9]);
        assert_eq!(shown_pages(9, 9), vec![1, 8, 9]);
    }
}
