//! What a page says after a form sent the person to it: a success message named in the
//! address (`?aviso=…`, so it survives a plain redirect without JavaScript), and the
//! redirect of signed-out visitors to sign in.

use crate::i18n::Key;
use crate::ui::{use_ui, Ui};
use leptos::prelude::*;

/// The success messages a redirect can ask for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Notice {
    PasswordReset,
    PasswordChanged,
    EmailConfirmed,
    EmailConfirmedSignIn,
    SessionEnded,
    SessionsEnded,
    CompanyVerified,
    StaffInvited,
    JoinApproved,
    JoinRejected,
    EmailChangeSent,
    EmailChanged,
    EmailChangeCancelled,
    NoEmailChangePending,
    AccountDeleted,
    RoleGranted,
    RoleRevoked,
    VacancySaved,
    VacancyMoved,
    VacancyPublished,
    VacancyReported,
    ReportResolved,
    AccommodationsChanged,
    VideoSaved,
    VideoRemoved,
    SeekerRegistered,
    ProfileSaved,
    ConsentsConfirmed,
    ConsentWithdrawn,
    ConsentGiven,
    DisabilitySaved,
    Applied,
    /// Applied by a counsellor; the profile goes once the person gives the consent to share it.
    AppliedAwaitingConsent,
    AlreadyApplied,
    ApplicationWithdrawn,
    ApplicationMoved,
    ApplicationChangedMeanwhile,
    CaseNoteAdded,
    OutcomeRecorded,
    ProfileDeleted,
    ProfileClaimed,
    LanguagesSaved,
    ExperienceAdded,
    ExperienceRemoved,
    CertificateAdded,
    CertificateRemoved,
    SearchSaved,
    SearchSavedAlready,
    SearchesFull,
    SearchDeleted,
    AlertStopped,
    CvFileSaved,
    CvFileRemoved,
    DetailsSaved,
    SecondFactorRemoved,
    RecoveryCodeUsed,
    SecondFactorReset,
    PasskeyAdded,
    PasskeyRemoved,
    FairSaved,
    FairMoved,
    FairPublished,
    FairCancelled,
}

impl Notice {
    const ALL: [Notice; 63] = [
        Notice::PasswordReset,
        Notice::PasswordChanged,
        Notice::EmailConfirmed,
        Notice::EmailConfirmedSignIn,
        Notice::SessionEnded,
        Notice::SessionsEnded,
        Notice::CompanyVerified,
        Notice::StaffInvited,
        Notice::JoinApproved,
        Notice::JoinRejected,
        Notice::EmailChangeSent,
        Notice::EmailChanged,
        Notice::EmailChangeCancelled,
        Notice::NoEmailChangePending,
        Notice::AccountDeleted,
        Notice::RoleGranted,
        Notice::RoleRevoked,
        Notice::VacancySaved,
        Notice::VacancyMoved,
        Notice::VacancyPublished,
        Notice::VacancyReported,
        Notice::ReportResolved,
        Notice::AccommodationsChanged,
        Notice::VideoSaved,
        Notice::VideoRemoved,
        Notice::SeekerRegistered,
        Notice::ProfileSaved,
        Notice::ConsentsConfirmed,
        Notice::ConsentWithdrawn,
        Notice::ConsentGiven,
        Notice::DisabilitySaved,
        Notice::Applied,
        Notice::AppliedAwaitingConsent,
        Notice::AlreadyApplied,
        Notice::ApplicationWithdrawn,
        Notice::ApplicationMoved,
        Notice::ApplicationChangedMeanwhile,
        Notice::CaseNoteAdded,
        Notice::OutcomeRecorded,
        Notice::ProfileDeleted,
        Notice::ProfileClaimed,
        Notice::LanguagesSaved,
        Notice::ExperienceAdded,
        Notice::ExperienceRemoved,
        Notice::CertificateAdded,
        Notice::CertificateRemoved,
        Notice::SearchSaved,
        Notice::SearchSavedAlready,
        Notice::SearchesFull,
        Notice::SearchDeleted,
        Notice::AlertStopped,
        Notice::CvFileSaved,
        Notice::CvFileRemoved,
        Notice::DetailsSaved,
        Notice::SecondFactorRemoved,
        Notice::RecoveryCodeUsed,
        Notice::SecondFactorReset,
        Notice::PasskeyAdded,
        Notice::PasskeyRemoved,
        Notice::FairSaved,
        Notice::FairMoved,
        Notice::FairPublished,
        Notice::FairCancelled,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Notice::PasswordReset => "clave-nueva",
            Notice::PasswordChanged => "clave-cambiada",
            Notice::EmailConfirmed => "correo-confirmado",
            Notice::EmailConfirmedSignIn => "correo-confirmado-entra",
            Notice::SessionEnded => "sesion-cerrada",
            Notice::SessionsEnded => "sesiones-cerradas",
            Notice::CompanyVerified => "empresa-verificada",
            Notice::StaffInvited => "cuenta-creada",
            Notice::JoinApproved => "solicitud-aprobada",
            Notice::JoinRejected => "solicitud-rechazada",
            Notice::EmailChangeSent => "correo-enlace-enviado",
            Notice::EmailChanged => "correo-cambiado",
            Notice::EmailChangeCancelled => "cambio-de-correo-cancelado",
            Notice::NoEmailChangePending => "sin-cambio-de-correo",
            Notice::AccountDeleted => "cuenta-eliminada",
            Notice::RoleGranted => "rol-dado",
            Notice::RoleRevoked => "rol-quitado",
            Notice::VacancySaved => "vacante-guardada",
            Notice::VacancyMoved => "vacante-estado",
            Notice::VacancyPublished => "vacante-publicada",
            Notice::VacancyReported => "vacante-reportada",
            Notice::ReportResolved => "reporte-revisado",
            Notice::AccommodationsChanged => "ajustes-guardados",
            Notice::VideoSaved => "video-guardado",
            Notice::VideoRemoved => "video-quitado",
            Notice::SeekerRegistered => "persona-registrada",
            Notice::ProfileSaved => "perfil-guardado",
            Notice::ConsentsConfirmed => "permisos-confirmados",
            Notice::ConsentWithdrawn => "permiso-retirado",
            Notice::ConsentGiven => "permiso-dado",
            Notice::DisabilitySaved => "discapacidad-guardada",
            Notice::Applied => "postulacion-enviada",
            Notice::AppliedAwaitingConsent => "postulacion-sin-perfil",
            Notice::AlreadyApplied => "ya-postulaste",
            Notice::ApplicationWithdrawn => "postulacion-retirada",
            Notice::ApplicationMoved => "postulacion-estado",
            Notice::ApplicationChangedMeanwhile => "postulacion-cambio",
            Notice::CaseNoteAdded => "nota-guardada",
            Notice::OutcomeRecorded => "resultado-guardado",
            Notice::ProfileDeleted => "perfil-borrado",
            Notice::ProfileClaimed => "perfil-vinculado",
            Notice::LanguagesSaved => "idiomas-guardados",
            Notice::ExperienceAdded => "trabajo-anadido",
            Notice::ExperienceRemoved => "trabajo-quitado",
            Notice::CertificateAdded => "certificado-anadido",
            Notice::CertificateRemoved => "certificado-quitado",
            Notice::SearchSaved => "busqueda-guardada",
            Notice::SearchSavedAlready => "busqueda-ya-guardada",
            Notice::SearchesFull => "busquedas-llenas",
            Notice::SearchDeleted => "busqueda-borrada",
            Notice::AlertStopped => "aviso-detenido",
            Notice::CvFileSaved => "cv-guardado",
            Notice::CvFileRemoved => "cv-quitado",
            Notice::DetailsSaved => "datos-guardados",
            Notice::SecondFactorRemoved => "verificacion-quitada",
            Notice::RecoveryCodeUsed => "codigo-de-recuperacion-usado",
            Notice::SecondFactorReset => "verificacion-restablecida",
            Notice::PasskeyAdded => "llave-agregada",
            Notice::PasskeyRemoved => "llave-quitada",
            Notice::FairSaved => "feria-guardada",
            Notice::FairMoved => "feria-estado",
            Notice::FairPublished => "feria-publicada",
            Notice::FairCancelled => "feria-cancelada",
        }
    }

    fn text(self) -> Key {
        match self {
            Notice::PasswordReset => Key::notice_password_reset,
            Notice::PasswordChanged => Key::notice_password_changed,
            Notice::EmailConfirmed => Key::notice_email_confirmed,
            Notice::EmailConfirmedSignIn => Key::notice_email_confirmed_sign_in,
            Notice::SessionEnded => Key::notice_session_ended,
            Notice::SessionsEnded => Key::notice_sessions_ended,
            Notice::CompanyVerified => Key::notice_company_verified,
            Notice::StaffInvited => Key::notice_staff_invited,
            Notice::JoinApproved => Key::notice_join_approved,
            Notice::JoinRejected => Key::notice_join_rejected,
            Notice::EmailChangeSent => Key::notice_email_change_sent,
            Notice::EmailChanged => Key::notice_email_changed,
            Notice::EmailChangeCancelled => Key::notice_email_change_cancelled,
            Notice::NoEmailChangePending => Key::cancel_email_change_none,
            Notice::AccountDeleted => Key::notice_account_deleted,
            Notice::RoleGranted => Key::notice_role_granted,
            Notice::RoleRevoked => Key::notice_role_revoked,
            Notice::VacancySaved => Key::notice_vacancy_saved,
            Notice::VacancyMoved => Key::notice_vacancy_moved,
            Notice::VacancyPublished => Key::notice_vacancy_published,
            Notice::VacancyReported => Key::notice_vacancy_reported,
            Notice::ReportResolved => Key::notice_report_resolved,
            Notice::AccommodationsChanged => Key::notice_accommodations_changed,
            Notice::VideoSaved => Key::notice_video_saved,
            Notice::VideoRemoved => Key::notice_video_removed,
            Notice::SeekerRegistered => Key::notice_seeker_registered,
            Notice::ProfileSaved => Key::notice_profile_saved,
            Notice::ConsentsConfirmed => Key::notice_consents_confirmed,
            Notice::ConsentWithdrawn => Key::notice_consent_withdrawn,
            Notice::ConsentGiven => Key::notice_consent_given,
            Notice::DisabilitySaved => Key::notice_disability_saved,
            Notice::Applied => Key::notice_applied,
            Notice::AppliedAwaitingConsent => Key::notice_applied_awaiting_consent,
            Notice::AlreadyApplied => Key::notice_already_applied,
            Notice::ApplicationWithdrawn => Key::notice_application_withdrawn,
            Notice::ApplicationMoved => Key::notice_application_moved,
            Notice::ApplicationChangedMeanwhile => Key::notice_application_changed_meanwhile,
            Notice::CaseNoteAdded => Key::notice_case_note_added,
            Notice::OutcomeRecorded => Key::notice_outcome_recorded,
            Notice::ProfileDeleted => Key::notice_profile_deleted,
            Notice::ProfileClaimed => Key::notice_profile_claimed,
            Notice::LanguagesSaved => Key::notice_languages_saved,
            Notice::ExperienceAdded => Key::notice_experience_added,
            Notice::ExperienceRemoved => Key::notice_experience_removed,
            Notice::CertificateAdded => Key::notice_certificate_added,
            Notice::CertificateRemoved => Key::notice_certificate_removed,
            Notice::SearchSaved => Key::notice_search_saved,
            Notice::SearchSavedAlready => Key::notice_search_saved_already,
            Notice::SearchesFull => Key::notice_searches_full,
            Notice::SearchDeleted => Key::notice_search_deleted,
            Notice::AlertStopped => Key::notice_alert_stopped,
            Notice::CvFileSaved => Key::notice_cv_file_saved,
            Notice::CvFileRemoved => Key::notice_cv_file_removed,
            Notice::DetailsSaved => Key::notice_details_saved,
            Notice::SecondFactorRemoved => Key::notice_second_factor_removed,
            Notice::RecoveryCodeUsed => Key::notice_recovery_code_used,
            Notice::SecondFactorReset => Key::notice_second_factor_reset,
            Notice::PasskeyAdded => Key::notice_passkey_added,
            Notice::PasskeyRemoved => Key::notice_passkey_removed,
            Notice::FairSaved => Key::notice_fair_saved,
            Notice::FairMoved => Key::notice_fair_moved,
            Notice::FairPublished => Key::notice_fair_published,
            Notice::FairCancelled => Key::notice_fair_cancelled,
        }
    }

    /// `path` with this notice in its query.
    pub fn on(self, path: &str) -> String {
        let joint = if path.contains('?') { '&' } else { '?' };
        format!("{path}{joint}aviso={}", self.code())
    }
}

/// The success message a redirect asked for, focused on load (like the error summary, so
/// it is read first, with or without JavaScript). Unknown codes show nothing.
#[component]
pub fn NoticeBanner() -> impl IntoView {
    let ui = use_ui();
    let notice = ui.query("aviso").and_then(|code| Notice::ALL.into_iter().find(|n| n.code() == code));
    notice.map(|notice| {
        view! {
            <div class="app-notice" role="alert" tabindex="-1" autofocus aria-labelledby="notice-title">
                <h2 id="notice-title" class="app-notice__title">{ui.t(Key::notice_label)}</h2>
                <p>{ui.t(notice.text())}</p>
            </div>
        }
    })
}

/// Sends a signed-out visitor to sign in, then back to `path`. `None` when someone is signed in.
pub fn sign_in_first(ui: &Ui, path: &str) -> Option<AnyView> {
    if ui.actor.is_some() {
        return None;
    }
    let target = crate::ui::sign_in_returning_to(path);
    #[cfg(feature = "ssr")]
    leptos_axum::redirect(&target);
    #[cfg(not(feature = "ssr"))]
    let _ = target;
    Some(().into_any())
}
