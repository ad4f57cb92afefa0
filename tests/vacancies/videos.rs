//! Sign-language videos and their captions: attached, served in ranges, refused when forged, broken or too big.

use super::*;

#[tokio::test]
async fn a_sign_language_video_is_attached_served_in_byte_ranges_and_shown_with_its_captions() {
    let (app, state, db) = app_with_state().await;
    let p = people(&state).await;
    let id = new_draft(&app, &p).await;
    let form = page(&app, &format!("/vacantes/video?id={id}"), Some(&p.employer)).await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(form.body.contains(r#"enctype="multipart/form-data""#), "a real form that works without JavaScript");
    assert!(form.body.contains(r#"type="file""#) && form.body.contains("200 MB"), "{}", form.body);

    let (webm, vtt, transcript) = (fixture("intro.webm"), fixture("intro.vtt"), "Hola. Somos Textiles del Sur.");
    // People name files after themselves: the name never reaches the log.
    let named = "Rosa Huamán DNI 45678912.webm";
    let logged = common::logs::Captured::default();
    let logging = logged.while_alive(tracing::Level::TRACE);
    let reply = send_video(&app, &p.employer, id, (named, &webm), ("intro.vtt", &vtt), transcript, "").await;
    drop(logging);
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    let log = logged.text();
    assert!(log.contains("sign-language video attached") && !log.contains("45678912"), "{log}");
    assert_eq!(location(&reply), format!("/vacante/{id}?aviso=video-guardado"));
    assert_eq!(kept_videos(&db).len(), 1);

    let shown = page(&app, &format!("/vacante/{id}"), Some(&p.employer)).await.body;
    let version = state.store.sign_video(VideoOwner::Vacancy(id)).await.unwrap().unwrap().version;
    assert!(shown.contains(&format!(r#"src="/vacante/{id}/lsp?v={version}" type="video/webm""#)), "{shown}");
    assert!(shown.contains(&format!(r#"<track kind="captions" src="/vacante/{id}/lsp.vtt?v={version}" srclang="es""#)));
    assert!(shown.contains("controls") && !shown.contains("autoplay"), "controls, never autoplay");
    assert!(shown.contains("Leer la transcripción del video") && shown.contains(transcript));

    // Byte ranges, as a phone fetches a video; never compressed.
    let range = get(&format!("/vacante/{id}/lsp?v={version}"))
        .header(header::COOKIE, &p.employer)
        .header(header::RANGE, "bytes=0-99")
        .header(header::ACCEPT_ENCODING, "gzip, br")
        .body(Body::empty())
        .unwrap();
    let reply = send(&app, range).await;
    assert_eq!(reply.status, StatusCode::PARTIAL_CONTENT);
    assert_eq!(reply.headers[header::CONTENT_RANGE], format!("bytes 0-99/{}", webm.len()).as_str());
    assert_eq!(reply.headers[header::CONTENT_TYPE], "video/webm");
    assert!(reply.headers.get(header::CONTENT_ENCODING).is_none());
    assert_eq!(reply.raw, webm[..100]);
    let captions = page(&app, &format!("/vacante/{id}/lsp.vtt?v={version}"), Some(&p.employer)).await;
    assert_eq!(captions.headers[header::CONTENT_TYPE], "text/vtt; charset=utf-8");
    assert!(captions.body.starts_with("WEBVTT"));
    // A draft's video is for its employers and counsellors only.
    assert_eq!(page(&app, &format!("/vacante/{id}/lsp"), None).await.status, StatusCode::NOT_FOUND);
    assert_eq!(page(&app, &format!("/vacante/{id}/lsp.vtt"), Some(&p.seeker)).await.status, StatusCode::NOT_FOUND);
    assert_eq!(page(&app, &format!("/vacante/{id}/lsp"), Some(&p.counsellor)).await.status, StatusCode::OK);

    // Another upload replaces it, file and all; then it is taken away.
    let mp4 = fixture("intro.mp4");
    let reply = send_video(&app, &p.counsellor, id, ("intro.mp4", &mp4), ("intro.vtt", &vtt), transcript, "").await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    let videos = kept_videos(&db);
    assert!(videos.len() == 1 && videos[0].ends_with(".mp4"), "{videos:?}");
    let removed = serde_urlencoded::to_string([("vacancy", id.to_string())]).unwrap();
    let reply = send(&app, post_form_from("/vacantes/video/quitar", &removed, ORIGIN, Some(&p.employer))).await;
    assert_eq!(location(&reply), format!("/vacante/{id}?aviso=video-quitado"));
    assert!(kept_videos(&db).is_empty());
    assert!(!page(&app, &format!("/vacante/{id}"), Some(&p.employer)).await.body.contains("<video"));

    // Only whoever may change the vacancy's text may change its video.
    let reply =
        send_video(&app, &p.other_employer, id, ("intro.webm", &webm), ("intro.vtt", &vtt), transcript, "").await;
    assert_eq!(reply.status, StatusCode::NOT_FOUND);
    assert!(state.store.sign_video(VideoOwner::Vacancy(id)).await.unwrap().is_none());
    db.cleanup().await;
}

#[tokio::test]
async fn forged_videos_and_broken_captions_are_refused_on_their_fields_and_a_good_video_waits_for_the_second_try() {
    let (app, state, db) = app_with_state().await;
    let p = people(&state).await;
    let id = new_draft(&app, &p).await;
    let (webm, vtt) = (fixture("intro.webm"), fixture("intro.vtt"));
    let transcript = "</textarea><b>Hola</b>";
    let refused = [
        (("forged-page.mp4", fixture("forged-page.mp4")), ("intro.vtt", vtt.clone()), "no es un video WebM ni MP4"),
        (("forged-image.webm", fixture("forged-image.webm")), ("intro.vtt", vtt.clone()), "no es un video WebM ni MP4"),
        (("quicktime.mov", fixture("quicktime.mov")), ("intro.vtt", vtt.clone()), "no es un video WebM ni MP4"),
        (("", Vec::new()), ("intro.vtt", vtt.clone()), "Elige el archivo del video"),
    ];
    for ((video_name, video), (captions_name, captions), message) in &refused {
        let reply =
            send_video(&app, &p.employer, id, (video_name, video), (captions_name, captions), transcript, "").await;
        assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY, "{video_name}");
        assert!(reply.body.contains(message), "{video_name}: {message}");
        assert!(reply.body.contains("&lt;/textarea&gt;&lt;b&gt;Hola&lt;/b&gt;"), "the transcript is kept, as text");
        assert!(!reply.body.contains(r#"name="pending_video""#), "nothing to keep");
    }
    assert!(kept_videos(&db).is_empty() && state.store.sign_video(VideoOwner::Vacancy(id)).await.unwrap().is_none());

    // Good video, broken captions: the captions are named, the video waits on the server.
    let broken = [
        ("captions.srt.vtt", "no empieza con WEBVTT"),
        ("backwards.vtt", "En la línea 3 de los subtítulos, el subtítulo termina antes de empezar"),
        ("intro.webm", "no es un texto WebVTT"),
    ];
    for (captions_name, message) in broken {
        let reply =
            send_video(&app, &p.employer, id, ("intro.webm", &webm), (captions_name, &fixture(captions_name)), "", "")
                .await;
        assert!(reply.body.contains(message), "{captions_name}: {message}");
        assert!(reply.body.contains("Escribe la transcripción del video"));
    }
    let reply = send_video(
        &app,
        &p.employer,
        id,
        ("mi video.webm", &webm),
        ("backwards.vtt", &fixture("backwards.vtt")),
        "x",
        "",
    )
    .await;
    assert!(reply.body.contains("Ya tenemos tu video «mi video.webm» (12 KB)"), "{}", reply.body);
    let token = input_tag(&reply.body, "pending_video").split("value=\"").nth(1).unwrap().split('"').next().unwrap();
    assert!(
        kept_videos(&db).is_empty() && state.store.sign_video(VideoOwner::Vacancy(id)).await.unwrap().is_none(),
        "nothing stored yet"
    );

    // Someone else's token names nothing; this person's, with the captions fixed, finishes it.
    let reply = send_video(&app, &p.counsellor, id, ("", &[]), ("intro.vtt", &vtt), "Hola.", token).await;
    assert!(reply.body.contains("Elige el archivo del video"), "a kept video is its uploader's");
    let reply = send_video(&app, &p.employer, id, ("", &[]), ("intro.vtt", &vtt), "Hola.", token).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    let stored = state.store.sign_video(VideoOwner::Vacancy(id)).await.unwrap().unwrap();
    assert_eq!((stored.bytes, stored.transcript.as_str()), (webm.len() as i64, "Hola."));
    assert_eq!(kept_videos(&db).len(), 1);
    db.cleanup().await;
}

#[tokio::test]
async fn a_video_over_the_configured_size_is_refused_and_nothing_stays_behind() {
    let (app, state, db) = app_with_flags(&["--video-max-mb", "1"]).await;
    let p = people(&state).await;
    let id = new_draft(&app, &p).await;
    let mut big = fixture("intro.webm");
    big.resize(1024 * 1024 + 1, 0);
    let reply =
        send_video(&app, &p.employer, id, ("largo.webm", &big), ("intro.vtt", &fixture("intro.vtt")), "Hola.", "")
            .await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(reply.body.contains("El video pesa más de 1.0 MB"), "{}", reply.body);
    assert!(kept_videos(&db).is_empty());
    let scratch: Vec<_> = std::fs::read_dir(uploads_dir(&db).join("incoming")).unwrap().collect();
    assert!(scratch.is_empty(), "no scratch file left: {scratch:?}");
    db.cleanup().await;
}

/// The scratch files waiting for a second try, by name.
fn parked(db: &common::TestDb) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(uploads_dir(db).join("incoming"))
        .unwrap()
        .map(|entry| entry.unwrap().file_name().into_string().unwrap())
        .filter(|name| name.starts_with("pending-"))
        .collect();
    names.sort();
    names
}

#[tokio::test]
async fn a_good_video_waits_once_per_form_and_person_within_a_quota_and_only_for_a_day() {
    let (app, state, db) = app_with_flags(&["--parked-video-mb", "1"]).await;
    let p = people(&state).await;
    let (first, second) = (new_draft(&app, &p).await, new_draft(&app, &p).await);
    // 600 KB: one fits the quota of 1 MB, two do not.
    let mut video = fixture("intro.webm");
    video.resize(600 * 1024, 0);
    let broken = fixture("backwards.vtt");
    let try_form = |cookie: String, id: i64| {
        let (app, video, broken) = (app.clone(), video.clone(), broken.clone());
        async move { send_video(&app, &cookie, id, ("intro.webm", &video), ("backwards.vtt", &broken), "Hola.", "").await }
    };

    // A new try at the same form replaces the video waiting from the last one.
    try_form(p.employer.clone(), first).await;
    let before = parked(&db);
    assert_eq!(before.len(), 1, "{before:?}");
    let reply = try_form(p.employer.clone(), first).await;
    assert!(reply.body.contains(r#"name="pending_video""#), "{}", reply.body);
    let after = parked(&db);
    assert_eq!(after.len(), 1, "{after:?}");
    assert_ne!(before, after, "the new try's video waits, not the old one");

    // Another form of the same person: over their quota, not kept, and the form says so.
    let reply = try_form(p.employer.clone(), second).await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(reply.body.contains("ya tienes otros videos esperando en el servidor"), "{}", reply.body);
    assert!(!reply.body.contains(r#"name="pending_video""#));
    assert_eq!(parked(&db), after, "nothing more waits");
    // The quota is each person's: the counsellor's try at the same form waits.
    let reply = try_form(p.counsellor.clone(), second).await;
    assert!(reply.body.contains(r#"name="pending_video""#), "{}", reply.body);
    assert_eq!(parked(&db).len(), 2);
    let scratch = uploads_dir(&db).join("incoming");
    assert_eq!(std::fs::read_dir(&scratch).unwrap().count(), 2, "no other scratch file stays");

    // The sweep deletes what is past its day, and only that.
    let old = scratch.join(&after[0]);
    let two_days_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(2 * 86_400);
    std::fs::File::options().write(true).open(&old).unwrap().set_modified(two_days_ago).unwrap();
    assert_eq!(senda::media::parked::sweep(&scratch, senda::media::parked::KEPT_FOR).await, 1);
    assert!(!old.exists() && parked(&db).len() == 1);
    assert!(kept_videos(&db).is_empty() && state.store.sign_video(VideoOwner::Vacancy(first)).await.unwrap().is_none());
    db.cleanup().await;
}

/// A media store that cannot take a file: a full disk.
struct FullDisk(std::sync::Arc<dyn senda::server::media_store::MediaStore>);

#[async_trait::async_trait]
impl senda::server::media_store::MediaStore for FullDisk {
    fn scratch(&self) -> &std::path::Path {
        self.0.scratch()
    }

    async fn keep(&self, _from: &std::path::Path, _key: &str) -> std::io::Result<()> {
        Err(std::io::Error::other("No space left on device"))
    }

    async fn remove(&self, key: &str) -> std::io::Result<()> {
        self.0.remove(key).await
    }

    async fn serve(
        &self,
        key: &str,
        content_type: &'static str,
        request: axum::extract::Request,
    ) -> axum::response::Response {
        self.0.serve(key, content_type, request).await
    }
}

#[tokio::test]
async fn a_store_that_cannot_keep_the_video_says_so_on_the_field_and_nothing_is_half_stored() {
    let (_, state, db) = app_with_state().await;
    let full = AppState { media: std::sync::Arc::new(FullDisk(state.media.clone())), ..state.clone() };
    let app = senda::server::http::router(full);
    let p = people(&state).await;
    let id = new_draft(&app, &p).await;
    let (webm, vtt) = (fixture("intro.webm"), fixture("intro.vtt"));
    let reply =
        send_video(&app, &p.employer, id, ("intro.webm", &webm), ("intro.vtt", &vtt), "Hola, mi transcripción.", "")
            .await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", reply.body);
    assert!(reply.body.contains("No pudimos guardar el video en el servidor"), "{}", reply.body);
    assert!(reply.body.contains("Hola, mi transcripción."), "what was typed comes back");
    assert!(state.store.sign_video(VideoOwner::Vacancy(id)).await.unwrap().is_none(), "no row names a file");
    assert!(kept_videos(&db).is_empty());
    let scratch: Vec<_> = std::fs::read_dir(uploads_dir(&db).join("incoming")).unwrap().collect();
    assert!(scratch.is_empty(), "no scratch file left: {scratch:?}");
    db.cleanup().await;
}
