//! The profile in short steps, one topic a page: which steps there are, what each holds so
//! far, and the list that takes the person (or the counsellor acting for them) from one to the
//! next. Each step saves itself, so stopping halfway loses nothing.

use super::api::{read_profile_step, ProfileStepForm};
use super::{disability_path, seeker_path, step_path, SeekerProfile, CERTIFICATES_PATH, EXPERIENCE_PATH};
use super::{DETAILS_PATH, LANGUAGES_PATH, MY_PROFILE_PATH};
use crate::components::form::{use_form_state, ErrorSummary};
use crate::components::loaded::Loaded;
use crate::components::notice::{sign_in_first, NoticeBanner};
use crate::i18n::{t, t_with, Key, Lang};
use crate::ui::use_ui;
use leptos::prelude::*;
use leptos_meta::Title;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ProfileStep {
    /// Who the person is and how to reach them: given when the profile was made, changed on
    /// its own page after.
    Personal,
    Languages,
    Experience,
    Certificates,
    /// A CV of their own, as a PDF: optional.
    CvFile,
    /// Disability data and the accommodations needed: optional, and only with its consent.
    Disability,
}

impl ProfileStep {
    pub fn title(self) -> Key {
        match self {
            ProfileStep::Personal => Key::step_personal,
            ProfileStep::Languages => Key::step_languages,
            ProfileStep::Experience => Key::step_experience,
            ProfileStep::Certificates => Key::step_certificates,
            ProfileStep::CvFile => Key::step_cv_file,
            ProfileStep::Disability => Key::step_disability,
        }
    }
}

/// How far a profile has got, as much as the step list shows of it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProfileProgress {
    pub seeker_id: i64,
    /// Whether the person is looking at their own profile (else a counsellor acts for them).
    pub is_self: bool,
    pub languages: usize,
    pub jobs: usize,
    pub certificates: usize,
    /// Whether they uploaded a CV.
    pub cv_file: bool,
    /// Whether disability data is stored; `None` when that step is not offered here (no
    /// consent to process it, or not this viewer's to change).
    pub disability: Option<bool>,
}

impl ProfileProgress {
    pub fn of(profile: &SeekerProfile, is_self: bool, offers_disability: bool) -> ProfileProgress {
        ProfileProgress {
            seeker_id: profile.id,
            is_self,
            languages: profile.languages.len(),
            jobs: profile.experience.len(),
            certificates: profile.certificates.len(),
            cv_file: profile.cv_file.is_some(),
            disability: offers_disability.then_some(profile.disability.is_some()),
        }
    }

    pub fn steps(&self) -> Vec<ProfileStep> {
        let mut steps = vec![
            ProfileStep::Personal,
            ProfileStep::Languages,
            ProfileStep::Experience,
            ProfileStep::Certificates,
            ProfileStep::CvFile,
        ];
        if self.disability.is_some() {
            steps.push(ProfileStep::Disability);
        }
        steps
    }

    /// The profile as a whole: the person's own, or the page of the person acted for.
    pub fn profile_path(&self) -> String {
        if self.is_self {
            MY_PROFILE_PATH.to_string()
        } else {
            seeker_path(self.seeker_id)
        }
    }

    /// Where the step is filled in.
    pub fn path(&self, step: ProfileStep) -> String {
        let persona = (!self.is_self).then_some(self.seeker_id);
        match step {
            ProfileStep::Personal => step_path(DETAILS_PATH, persona),
            ProfileStep::Languages => step_path(LANGUAGES_PATH, persona),
            ProfileStep::Experience => step_path(EXPERIENCE_PATH, persona),
            ProfileStep::Certificates => step_path(CERTIFICATES_PATH, persona),
            ProfileStep::CvFile => step_path(super::cv::CV_FILE_PATH, persona),
            ProfileStep::Disability => disability_path(self.seeker_id),
        }
    }

    /// What the step holds, in words: "2 idiomas", "Nada todavía".
    pub fn state(&self, lang: Lang, step: ProfileStep) -> String {
        let counted = |n: usize, one: Key, many: Key| match n {
            0 => t(lang, Key::step_nothing_yet).to_string(),
            1 => t(lang, one).to_string(),
            n => t_with(lang, many, &[("count", &n.to_string())]),
        };
        match step {
            ProfileStep::Personal => t(lang, Key::step_done).to_string(),
            ProfileStep::Languages => counted(self.languages, Key::step_languages_one, Key::step_languages_many),
            ProfileStep::Experience => counted(self.jobs, Key::step_jobs_one, Key::step_jobs_many),
            ProfileStep::Certificates => {
                counted(self.certificates, Key::step_certificates_one, Key::step_certificates_many)
            }
            ProfileStep::CvFile => t(lang, if self.cv_file { Key::step_done } else { Key::step_optional }).to_string(),
            ProfileStep::Disability => match self.disability {
                Some(true) => t(lang, Key::step_done).to_string(),
                _ => t(lang, Key::step_optional).to_string(),
            },
        }
    }

    /// "Paso 3 de 5".
    pub fn position(&self, lang: Lang, step: ProfileStep) -> String {
        let steps = self.steps();
        let at = steps.iter().position(|s| *s == step).map_or(0, |i| i + 1);
        t_with(lang, Key::step_position, &[("n", &at.to_string()), ("of", &steps.len().to_string())])
    }

    /// Where a saved step goes on to: the next step, or the profile after the last.
    pub fn after(&self, step: ProfileStep) -> String {
        self.next(step).map_or_else(|| self.profile_path(), |next| self.path(next))
    }

    /// The step after `step`, if there is one.
    pub fn next(&self, step: ProfileStep) -> Option<ProfileStep> {
        let steps = self.steps();
        let at = steps.iter().position(|s| *s == step)?;
        steps.get(at + 1).copied()
    }
}

/// The steps of the profile as a list of links, each saying what it holds; the step on show
/// (if any) is marked as the current one.
#[component]
pub fn ProfileSteps(progress: ProfileProgress, #[prop(optional)] current: Option<ProfileStep>) -> impl IntoView {
    let lang = use_ui().lang;
    let items = progress
        .steps()
        .into_iter()
        .map(|step| {
            let is_current = current == Some(step);
            let label = t(lang, step.title());
            let state = progress.state(lang, step);
            view! {
                <li class="app-steps__item" class:app-steps__item--current=is_current>
                    <a href=progress.path(step) aria-current=is_current.then_some("step")>
                        {label}
                    </a>
                    <span class="app-steps__state">{format!(" — {state}")}</span>
                </li>
            }
        })
        .collect_view();
    view! {
        <nav class="app-steps" aria-labelledby="profile-steps-h">
            <h2 id="profile-steps-h" class="app-steps__title">{t(lang, Key::steps_h2)}</h2>
            <ol class="app-steps__list">{items}</ol>
        </nav>
    }
}

/// A step's page: who it is for, a form or two of `children`, then the way on and the whole
/// list of steps. The page at `base` reads the profile of the person signed in, or with
/// `?persona=` of the person a counsellor acts for.
#[component]
pub fn ProfileStepPage(
    base: &'static str,
    step: ProfileStep,
    /// The heading when the person looks at their own profile, and when someone acts for them
    /// (`{name}` is their name).
    own_heading: Key,
    their_heading: Key,
    intro: Key,
    /// The step's forms, from what the profile holds and the `?persona=` asked for.
    body: fn(&ProfileStepForm, Option<i64>) -> AnyView,
) -> impl IntoView {
    let ui = use_ui();
    let lang = ui.lang;
    let persona = ui.query_id("persona");
    if let Some(away) = sign_in_first(&ui, &step_path(base, persona)) {
        return away;
    }
    let found = Resource::new_blocking(move || persona, read_profile_step);
    let show = move |found: ProfileStepForm| {
        let form = use_form_state();
        let heading = if found.is_self() {
            t(lang, own_heading).to_string()
        } else {
            t_with(lang, their_heading, &[("name", &found.full_name)])
        };
        let title =
            if form.has_errors() { format!("{}: {heading}", t(lang, Key::form_error_prefix)) } else { heading.clone() };
        let forms = body(&found, persona);
        let progress = found.progress;
        view! {
            <Title text=title />
            <div class="app-width app-narrow">
                <NoticeBanner />
                <ErrorSummary errors=form.errors.clone() />
                <p class="app-caption">{progress.position(lang, step)}</p>
                <h1>{heading}</h1>
                <p class="app-lead">{t(lang, intro)}</p>
                {forms}
                <NextStep progress=progress.clone() step />
                <ProfileSteps progress current=step />
            </div>
        }
    };
    view! { <Loaded found show /> }.into_any()
}

/// Under a step's form: the way on to the next step, or back to the profile after the last.
#[component]
pub fn NextStep(progress: ProfileProgress, step: ProfileStep) -> impl IntoView {
    let lang = use_ui().lang;
    let (href, words) = match progress.next(step) {
        Some(next) => (progress.path(next), t_with(lang, Key::step_next, &[("step", t(lang, next.title()))])),
        None => (progress.profile_path(), t(lang, Key::step_back_to_profile).to_string()),
    };
    view! {
        <p class="app-next-step">
            <a class="app-button app-button--secondary" href=href>{words}</a>
        </p>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn progress(disability: Option<bool>) -> ProfileProgress {
        ProfileProgress {
            seeker_id: 7,
            is_self: false,
            languages: 2,
            jobs: 0,
            certificates: 1,
            cv_file: false,
            disability,
        }
    }

    #[test]
    fn the_steps_say_where_they_are_and_what_they_hold() {
        let with = progress(Some(false));
        assert_eq!(with.steps().len(), 6);
        assert_eq!(with.position(Lang::Es, ProfileStep::Experience), "Paso 3 de 6");
        assert_eq!(with.next(ProfileStep::Certificates), Some(ProfileStep::CvFile));
        assert_eq!(with.next(ProfileStep::CvFile), Some(ProfileStep::Disability));
        assert_eq!(with.state(Lang::Es, ProfileStep::CvFile), "opcional, sin completar");
        assert_eq!(with.path(ProfileStep::Experience), "/mi-perfil/experiencia?persona=7");
        assert_eq!(with.path(ProfileStep::Personal), "/mi-perfil/datos?persona=7");
        assert_eq!(with.profile_path(), "/persona/7");
        assert_eq!(with.state(Lang::Es, ProfileStep::Languages), "2 idiomas");
        assert_eq!(with.state(Lang::Es, ProfileStep::Experience), "nada todavía");
        assert_eq!(with.state(Lang::Es, ProfileStep::Certificates), "1 certificado");
        let without = progress(None);
        assert_eq!(without.position(Lang::Es, ProfileStep::CvFile), "Paso 5 de 5");
        assert_eq!(without.next(ProfileStep::CvFile), None);
        assert_eq!(without.after(ProfileStep::CvFile), "/persona/7");
        assert_eq!(without.after(ProfileStep::Personal), "/mi-perfil/idiomas?persona=7");
        assert_eq!(without.path(ProfileStep::CvFile), "/mi-perfil/cv-pdf?persona=7");
        let own = ProfileProgress { is_self: true, ..without };
        assert_eq!(own.path(ProfileStep::Languages), "/mi-perfil/idiomas");
        assert_eq!(own.path(ProfileStep::Personal), "/mi-perfil/datos");
        assert_eq!(own.profile_path(), "/mi-perfil");
    }
}
