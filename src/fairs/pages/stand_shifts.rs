//! The page where a company's employers say who keeps their stand and when (works without
//! JavaScript): the shifts so far, each with a button to take it away, and a form to add one —
//! a representative, a day, from and to, within the fair's hours.

use crate::components::button_form::ButtonForm;
use crate::components::form::{use_form_state, CsrfField, FieldError, SelectField, TextField};
use crate::components::private_page::{PrivateRecordPage, RecordFrame};
use crate::domain::lima_time::lima_date;
use crate::fairs::cards::when_text;
use crate::fairs::stands::shifts::api::{read_stand_shifts, StandShifts};
use crate::fairs::stands::shifts::{shifts_page, REMOVE_SHIFT_PATH, SHIFTS_FIELD};
use crate::fairs::stands::stand_path;
use crate::i18n::{t, t_with, Key};
use crate::ui::use_ui;
use leptos::prelude::*;

/// The shifts of stand `?id=`; the form posts to the page's own address.
#[component]
pub fn StandShiftsPage() -> impl IntoView {
    view! { <PrivateRecordPage param="id" read=read_stand_shifts show=|found| view! { <ShiftsView found /> } /> }
}

#[component]
fn ShiftsView(found: StandShifts) -> impl IntoView {
    let lang = use_ui().lang;
    let form = use_form_state();
    let id = found.stand_id;
    let title = t_with(lang, Key::shifts_title, &[("company", &found.company_name)]);
    let hours = t_with(
        lang,
        Key::shifts_fair_hours,
        &[("fair", &found.fair_title), ("hours", &when_text(lang, found.fair_starts_at, found.fair_ends_at))],
    );
    let shifts = if found.shifts.is_empty() {
        view! { <p>{t(lang, Key::shifts_none)}</p> }.into_any()
    } else {
        let items = found
            .shifts
            .iter()
            .map(|shift| {
                let when = when_text(lang, shift.starts_at, shift.ends_at);
                let remove = t_with(lang, Key::shifts_remove, &[("name", &shift.name), ("when", &when)]);
                view! {
                    <li>
                        <strong>{shift.name.clone()}</strong>
                        <br />
                        {when}
                        <ButtonForm
                            action=REMOVE_SHIFT_PATH
                            label=t(lang, Key::shifts_remove_button)
                            aria_label=remove
                            fields=vec![("stand", id.to_string()), ("shift", shift.id.to_string())]
                            secondary=true
                        />
                    </li>
                }
            })
            .collect_view();
        view! { <ul class="app-list">{items}</ul> }.into_any()
    };
    let options = found.representatives.iter().map(|r| (r.account_id.to_string(), r.name.clone())).collect();
    // A fresh form starts on the fair's first day.
    let day = if form.values.is_empty() { lima_date(found.fair_starts_at) } else { form.value("shift_on") };
    view! {
        <RecordFrame title=title.clone() lead=hours>
            <section aria-labelledby="shifts-h" id=SHIFTS_FIELD tabindex="-1">
                <h2 id="shifts-h">{t(lang, Key::shifts_list_h2)}</h2>
                <FieldError id=format!("{SHIFTS_FIELD}-error") message=form.error(SHIFTS_FIELD) />
                {shifts}
            </section>
            <section aria-labelledby="shift-add-h">
                <h2 id="shift-add-h">{t(lang, Key::shifts_add_h2)}</h2>
                <form method="post" action=shifts_page(id) novalidate>
                    <CsrfField />
                    <SelectField
                        id="representative"
                        label=t(lang, Key::shifts_representative)
                        hint=Some(t(lang, Key::shifts_representative_hint))
                        options
                        selected=form.value("representative")
                        error=form.error("representative")
                    />
                    <TextField id="shift_on" label=t(lang, Key::shifts_day) input_type="date" autocomplete="off" value=day error=form.error("shift_on") />
                    <TextField id="from_time" label=t(lang, Key::shifts_from) input_type="time" autocomplete="off" value=form.value("from_time") error=form.error("from_time") />
                    <TextField id="to_time" label=t(lang, Key::shifts_to) input_type="time" autocomplete="off" value=form.value("to_time") error=form.error("to_time") />
                    <div class="app-button-group">
                        <button class="app-button" type="submit">{t(lang, Key::shifts_add_button)}</button>
                        <a href=stand_path(id)>{t(lang, Key::shifts_back)}</a>
                    </div>
                </form>
            </section>
        </RecordFrame>
    }
}
