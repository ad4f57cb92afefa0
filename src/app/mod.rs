//! The HTML document every page shares (`shell`), the site's header and footer (`layout`),
//! the route table (`App`), and what it wires between features that do not name each other
//! (`profile_parts`, the search page's button that keeps a search).

pub mod layout;
pub mod profile_parts;

use crate::accounts::pages::{
    AccountPage, CancelEmailChangePage, ChangeEmailPage, ChangePasswordPage, CheckEmailPage, ConfirmEmailChangePage,
    ConfirmEmailPage, DeleteAccountPage, DownloadDataPage, EmployerSignUpPage, ForgotPasswordPage, NewStaffPage,
    ResetPasswordPage, RolesPage, SessionsPage, SignInPage, SignUpPage,
};
use crate::accounts::session_timeout::SessionTimeoutWarning;
use crate::alerts::pages::{MySearchesPage, StopAlertPage};
use crate::applications::pages::{ApplicantsPage, ApplyPage, MyApplicationsPage};
use crate::audit::pages::AuditLogPage;
use crate::casework::pages::OutcomePage;
use crate::components::status_page::NotFoundPage;
use crate::fairs::pages::{
    BookSlotPage, ConversationPage, FairFormPage, FairOutcomesPage, FairPage, FairRegistrationsPage, FairReportsPage,
    FairVideoPage, FairsPage, RegistrationPage, ReportMessagePage, StandChatPage, StandChatsPage, StandFormPage,
    StandOutcomesPage, StandPage, StandQuestionsPage, StandShiftsPage, StandSlotsPage, StandVideoPage,
};
use crate::home::HomePage;
use crate::interviews::pages::{
    HeadFormPage, NewTemplatePage, QuestionFormPage, SectionFormPage, TemplateLibraryPage, TemplatePage,
};
use crate::interviews::records::pages::{PreparePage, RecordPage};
use crate::matches::pages::MatchesPage;
use crate::organisations::pages::CompanyReviewPage;
use crate::second_factor::pages::{
    AppPage, CodePage, PasskeyPage, PasskeyRemovePage, RecoveryCodesPage, RemovePage, ResetPage, SecurityPage,
};
use crate::seekers::pages::claim::{ClaimProfilePage, ConsentSheetPage};
use crate::seekers::pages::cv::{CvFilePage, CvPage};
use crate::seekers::pages::details::DetailsPage;
use crate::seekers::pages::history::{CertificatesPage, ExperiencePage};
use crate::seekers::pages::languages::LanguagesPage;
use crate::seekers::pages::{
    CaseloadPage, DeleteProfilePage, DisabilityPage, MyProfilePage, RegisterSeekerPage, SeekerPage,
};
use crate::ui::Ui;
use crate::vacancies::pages::video::VacancyVideoPage;
use crate::vacancies::pages::AccommodationsPage;
use crate::vacancies::pages::SearchPage;
use crate::vacancies::pages::{MyVacanciesPage, VacancyFormPage, VacancyPage};
use layout::{SiteFooter, SiteHeader, SkipLink};
use leptos::prelude::*;
use leptos_meta::{provide_meta_context, MetaTags};
use leptos_router::components::{FlatRoutes, Route, Router};
use leptos_router::{ParamSegment, SsrMode, StaticSegment};
use profile_parts::PROFILE_PARTS;

/// The document around every page. Language and preferences are applied here, on the server,
/// so the first paint is already right: no flash of the wrong theme or language.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    let ui = request_ui();
    set_content_security_policy();
    let (lang, classes) = (ui.lang.tag(), ui.prefs.html_classes());
    provide_context(ui);
    view! {
        <!DOCTYPE html>
        <html lang=lang class=classes>
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <link rel="stylesheet" href="/pkg/senda.css" />
                <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
                <AutoReload options=options.clone() />
                <IdleCap />
                <HydrationScripts options islands=true />
                <MetaTags />
            </head>
            <body>
                <App />
            </body>
        </html>
    }
}

/// Leptos starts the islands from `requestIdleCallback`, and a page on a busy phone (or a busy
/// machine) may never be idle: its buttons would stay asleep however long the person waits.
/// This caps the wait at one second, after which the islands wake whether or not the browser
/// found a quiet moment. It must run before the hydration script asks for its callback.
#[component]
fn IdleCap() -> impl IntoView {
    const CAP: &str = "{const r=window.requestIdleCallback;if(r)window.requestIdleCallback=\
                       (c,o)=>r.call(window,c,Object.assign({timeout:1000},o))}";
    view! { <script nonce=leptos::nonce::use_nonce() inner_html=CAP></script> }
}

#[cfg(feature = "ssr")]
fn request_ui() -> Ui {
    use_context::<axum::http::request::Parts>().map(|parts| Ui::from_request(&parts)).unwrap_or_default()
}

#[cfg(not(feature = "ssr"))]
fn request_ui() -> Ui {
    Ui::default()
}

/// Scripts run only from our own files and from the one inline script Leptos writes, which
/// carries this response's nonce: no `unsafe-inline`. `wasm-unsafe-eval` lets the islands'
/// WebAssembly compile; nothing else is evaluated.
#[cfg(feature = "ssr")]
fn set_content_security_policy() {
    use axum::http::{header, HeaderValue};
    let Some(response) = use_context::<leptos_axum::ResponseOptions>() else { return };
    let nonce = leptos::nonce::use_nonce().map(|n| format!(" 'nonce-{}'", n.as_inner())).unwrap_or_default();
    let policy = format!(
        "default-src 'self'; script-src 'self'{nonce} 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; \
         font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
    );
    if let Ok(value) = HeaderValue::from_str(&policy) {
        response.insert_header(header::CONTENT_SECURITY_POLICY, value);
    }
}

#[cfg(not(feature = "ssr"))]
fn set_content_security_policy() {}

/// Every route renders its whole content on the server (`SsrMode::Async`): with JavaScript
/// off nothing is left waiting for a script.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    view! {
        <Router>
            <SkipLink />
            <SiteHeader />
            <main id="content" class="app-main" tabindex="-1">
                <SessionTimeoutWarning />
                <FlatRoutes fallback=NotFoundPage>
                    <Route path=StaticSegment("") view=HomePage ssr=SsrMode::Async />
                    <Route path=StaticSegment("entrar") view=SignInPage ssr=SsrMode::Async />
                    <Route path=StaticSegment("cuenta") view=AccountPage ssr=SsrMode::Async />
                    <Route path=(StaticSegment("cuenta"), StaticSegment("contrasena")) view=ChangePasswordPage ssr=SsrMode::Async />
                    <Route path=(StaticSegment("cuenta"), StaticSegment("sesiones")) view=SessionsPage ssr=SsrMode::Async />
                    <Route path=(StaticSegment("cuenta"), StaticSegment("correo")) view=ChangeEmailPage ssr=SsrMode::Async />
                    <Route path=(StaticSegment("cuenta"), StaticSegment("correo"), StaticSegment("confirmar")) view=ConfirmEmailChangePage ssr=SsrMode::Async />
                    <Route path=(StaticSegment("cuenta"), StaticSegment("correo"), StaticSegment("cancelar")) view=CancelEmailChangePage ssr=SsrMode::Async />
                    <Route path=(StaticSegment("cuenta"), StaticSegment("eliminar")) view=DeleteAccountPage ssr=SsrMode::Async />
                    <Route path=(StaticSegment("cuenta"), StaticSegment("mis-datos")) view=DownloadDataPage ssr=SsrMode::Async />
                    <Route path=(StaticSegment("cuentas"), StaticSegment("roles")) view=RolesPage ssr=SsrMode::Async />
                    <Route path=(StaticSegment("entrar"), StaticSegment("codigo")) view=CodePage ssr=SsrMode::Async />
                    <Route path=(StaticSegment("cuenta"), StaticSegment("verificacion")) view=SecurityPage ssr=SsrMode::Async />
                    <Route path=(StaticSegment("cuenta"), StaticSegment("verificacion"), StaticSegment("app")) view=AppPage ssr=SsrMode::Async />
                    <Route path=(StaticSegment("cuenta"), StaticSegment("verificacion"), StaticSegment("codigos")) view=RecoveryCodesPage ssr=SsrMode::Async />
                    <Route path=(StaticSegment("cuenta"), StaticSegment("verificacion"), StaticSegment("quitar")) view=RemovePage ssr=SsrMode::Async />
                    <Route path=(StaticSegment("cuenta"), StaticSegment("verificacion"), StaticSegment("llave")) view=PasskeyPage ssr=SsrMode::Async />
                    <Route path=(StaticSegment("cuenta"), StaticSegment("verificacion"), StaticSegment("llave"), StaticSegment("quitar")) view=PasskeyRemovePage ssr=SsrMode::Async />
                    <Route path=(StaticSegment("cuentas"), StaticSegment("verificacion")) view=ResetPage ssr=SsrMode::Async />
                    <Route path=StaticSegment("auditoria") view=AuditLogPage ssr=SsrMode::Async />
                    <Route path=StaticSegment("registro") view=SignUpPage ssr=SsrMode::Async />
                    <Route path=(StaticSegment("registro"), StaticSegment("confirmar")) view=ConfirmEmailPage ssr=SsrMode::Async />
                    <Route path=(StaticSegment("registro"), StaticSegment("empresa")) view=EmployerSignUpPage ssr=SsrMode::Async />
                    <Route path=(StaticSegment("cuentas"), StaticSegment("nueva")) view=NewStaffPage ssr=SsrMode::Async />
                    <Route path=(StaticSegment("empresas"), StaticSegment("verificacion")) view=CompanyReviewPage ssr=SsrMode::Async />
                    <Route path=StaticSegment("empleos") view=|| view! { <SearchPage keep=crate::alerts::save_button::keep_search /> } ssr=SsrMode::Async />
                    <Route path=StaticSegment("ajustes") view=AccommodationsPage ssr=SsrMode::Async />
                    <Route path=(StaticSegment("vacante"), ParamSegment("id")) view=VacancyPage ssr=SsrMode::Async />
                    <Route path=(StaticSegment("vacantes"), StaticSegment("nueva")) view=VacancyFormPage ssr=SsrMode::Async />
                    <Route path=(StaticSegment("vacantes"), StaticSegment("editar")) view=VacancyFormPage ssr=SsrMode::Async />
                    <Route path=(StaticSegment("vacantes"), StaticSegment("video")) view=VacancyVideoPage ssr=SsrMode::Async />
                    <Route path=StaticSegment("mis-vacantes") view=MyVacanciesPage ssr=SsrMode::Async />
                    <Route path=StaticSegment("ferias") view=FairsPage ssr=SsrMode::Async />
                    <Route path=(StaticSegment("ferias"), StaticSegment("nueva")) view=FairFormPage ssr=SsrMode::Async />
                    <Route path=(StaticSegment("ferias"), StaticSegment("editar")) view=FairFormPage ssr=SsrMode::Async />
                    <Route path=(StaticSegment("ferias"), StaticSegment("video")) view=FairVideoPage ssr=SsrMode::Async />
                    <Route path=(StaticSegment("feria"), ParamSegment("id")) view=FairPage ssr=SsrMode::Async />
                    <Route path=(StaticSegment("ferias"), StaticSegment("inscripcion")) view=RegistrationPage ssr=SsrMode::Async />
                    <Route path=(StaticSegment("ferias"), StaticSegment("inscritos")) view=FairRegistrationsPage ssr=SsrMode::Async />
                    <Route path=(StaticSegment("ferias"), StaticSegment("stand")) view=StandFormPage ssr=SsrMode::Async />
                    <Route path=(StaticSegment("ferias"), StaticSegment("stand"), StaticSegment("video")) view=StandVideoPage ssr=SsrMode::Async />
                    <Route path=(StaticSegment("ferias"), StaticSegment("stand"), StaticSegment("turnos")) view=StandShiftsPage ssr=SsrMode::Async />
                    <Route path=(StaticSegment("ferias"), StaticSegment("stand"), StaticSegment("preguntas")) view=StandQuestionsPage ssr=SsrMode::Async />
                    <Route path=(StaticSegment("ferias"), StaticSegment("stand"), StaticSegment("entrevistas")) view=StandSlotsPage ssr=SsrMode::Async />
                    <Route path=(StaticSegment("ferias"), StaticSegment("entrevista"), StaticSegment("reservar")) view=BookSlotPage ssr=SsrMode::Async />
                    <Route path=(StaticSegment("ferias"), StaticSegment("stand"), StaticSegment("chat")) view=StandChatPage ssr=SsrMode::Async />
                    <Route path=(StaticSegment("ferias"), StaticSegment("stand"), StaticSegment("chat"), StaticSegment("reportar")) view=ReportMessagePage ssr=SsrMode::Async />
                    <Route path=(StaticSegment("ferias"), StaticSegment("reportes")) view=FairReportsPage ssr=SsrMode::Async />
                    <Route path=(StaticSegment("ferias"), StaticSegment("resultados")) view=FairOutcomesPage ssr=SsrMode::Async />
                    <Route path=(StaticSegment("ferias"), StaticSegment("stand"), StaticSegment("resultados")) view=StandOutcomesPage ssr=SsrMode::Async />
                    <Route path=(StaticSegment("ferias"), StaticSegment("stand"), StaticSegment("chats")) view=StandChatsPage ssr=SsrMode::Async />
                    <Route path=(StaticSegment("ferias"), StaticSegment("stand"), StaticSegment("chats"), StaticSegment("conversacion")) view=ConversationPage ssr=SsrMode::Async />
                    <Route path=(StaticSegment("stand"), ParamSegment("id")) view=StandPage ssr=SsrMode::Async />
                    <Route path=StaticSegment("entrevistas") view=TemplateLibraryPage ssr=SsrMode::Async />
                    <Route path=(StaticSegment("entrevistas"), StaticSegment("nueva")) view=NewTemplatePage ssr=SsrMode::Async />
                    <Route path=(StaticSegment("entrevistas"), StaticSegment("plantilla")) view=TemplatePage ssr=SsrMode::Async />
                    <Route path=(StaticSegment("entrevistas"), StaticSegment("plantilla"), StaticSegment("datos")) view=HeadFormPage ssr=SsrMode::Async />
                    <Route path=(StaticSegment("entrevistas"), StaticSegment("plantilla"), StaticSegment("seccion")) view=SectionFormPage ssr=SsrMode::Async />
                    <Route path=(StaticSegment("entrevistas"), StaticSegment("plantilla"), StaticSegment("pregunta")) view=QuestionFormPage ssr=SsrMode::Async />
                    <Route path=(StaticSegment("entrevistas"), StaticSegment("registro")) view=RecordPage ssr=SsrMode::Async />
                    <Route path=(StaticSegment("entrevistas"), StaticSegment("preparar")) view=PreparePage ssr=SsrMode::Async />
                    <Route path=StaticSegment("personas") view=CaseloadPage ssr=SsrMode::Async />
                    <Route path=StaticSegment("mi-perfil") view=|| view! { <MyProfilePage parts=PROFILE_PARTS /> } ssr=SsrMode::Async />
                    <Route path=(StaticSegment("mi-perfil"), StaticSegment("borrar")) view=DeleteProfilePage ssr=SsrMode::Async />
                    <Route path=(StaticSegment("mi-perfil"), StaticSegment("vincular")) view=ClaimProfilePage ssr=SsrMode::Async />
                    <Route path=(StaticSegment("mi-perfil"), StaticSegment("datos")) view=DetailsPage ssr=SsrMode::Async />
                    <Route path=(StaticSegment("mi-perfil"), StaticSegment("idiomas")) view=LanguagesPage ssr=SsrMode::Async />
                    <Route path=StaticSegment("cv") view=CvPage ssr=SsrMode::Async />
                    <Route path=(StaticSegment("mi-perfil"), StaticSegment("cv-pdf")) view=CvFilePage ssr=SsrMode::Async />
                    <Route path=StaticSegment("mis-busquedas") view=MySearchesPage ssr=SsrMode::Async />
                    <Route path=(StaticSegment("avisos"), StaticSegment("dejar")) view=StopAlertPage ssr=SsrMode::Async />
                    <Route path=(StaticSegment("mi-perfil"), StaticSegment("experiencia")) view=ExperiencePage ssr=SsrMode::Async />
                    <Route path=(StaticSegment("mi-perfil"), StaticSegment("certificados")) view=CertificatesPage ssr=SsrMode::Async />
                    <Route path=(StaticSegment("personas"), StaticSegment("hoja")) view=ConsentSheetPage ssr=SsrMode::Async />
                    <Route path=(StaticSegment("personas"), StaticSegment("discapacidad")) view=DisabilityPage ssr=SsrMode::Async />
                    <Route path=(StaticSegment("personas"), StaticSegment("resultado")) view=OutcomePage ssr=SsrMode::Async />
                    <Route path=(StaticSegment("personas"), StaticSegment("nueva")) view=RegisterSeekerPage ssr=SsrMode::Async />
                    <Route path=(StaticSegment("persona"), ParamSegment("id")) view=|| view! { <SeekerPage parts=PROFILE_PARTS /> } ssr=SsrMode::Async />
                    <Route path=StaticSegment("postular") view=ApplyPage ssr=SsrMode::Async />
                    <Route path=StaticSegment("mis-postulaciones") view=MyApplicationsPage ssr=SsrMode::Async />
                    <Route path=StaticSegment("recomendadas") view=MatchesPage ssr=SsrMode::Async />
                    <Route path=StaticSegment("postulantes") view=ApplicantsPage ssr=SsrMode::Async />
                    <Route path=StaticSegment("revisa-tu-correo") view=CheckEmailPage ssr=SsrMode::Async />
                    <Route path=(StaticSegment("contrasena"), StaticSegment("olvidada")) view=ForgotPasswordPage ssr=SsrMode::Async />
                    <Route path=(StaticSegment("contrasena"), StaticSegment("nueva")) view=ResetPasswordPage ssr=SsrMode::Async />
                </FlatRoutes>
            </main>
            <SiteFooter />
        </Router>
    }
}
