//! Job search on both engines: words without accents, case or plural, filters, ranking and
//! pages, and the word index following every change.

use super::*;

on_both_engines!(
    search_finds_open_published_vacancies_by_words_without_accents_case_or_plural,
    search_filters_narrow_and_all_chosen_accommodations_must_be_offered,
    search_follows_each_change_of_a_vacancy,
    the_word_index_is_rebuilt_when_its_stemming_rules_change,
    search_ranks_by_relevance_only_when_asked_and_pages_through_results,
);

pub(crate) const NOW: i64 = 1_700_000_000;
pub(crate) const DAY: i64 = 86_400;

/// The board every search story reads: six published vacancies of two companies, and three
/// a job seeker must never find (a draft, a closed one, one whose closing date has passed).
pub(crate) struct Board {
    tecnico: i64,
    almacen: i64,
    contadora: i64,
    electricistas: i64,
    vendedor: i64,
    employer_id: i64,
    company_id: i64,
    centre_id: i64,
}

pub(crate) async fn search_board(store: &dyn senda::server::db::Store) -> Board {
    let (centre_id, company_id, employer_id) = vacancy_setting(store).await;
    let other_company = store
        .insert_company(&NewCompany { verified: true, ..company("Servicios Eléctricos del Sur S.A.", "20100987652") })
        .await
        .unwrap();
    let base = VacancyDraft {
        easy_read: "Trabajo de lunes a viernes. Te enseñamos todo.".into(),
        ..vacancy_draft(company_id, centre_id)
    };
    let far = NOW + 60 * DAY;
    let publish = |draft: VacancyDraft, at: i64| async move {
        let id = store.create_vacancy(&draft, Some(employer_id), at - 10).await.unwrap();
        assert!(store.move_vacancy(id, &[VacancyStatus::Draft], VacancyStatus::Published, None, "", at).await.unwrap());
        id
    };
    let tecnico = publish(
        VacancyDraft {
            title: "Técnico de mantenimiento".into(),
            district: "Santiago".into(),
            contract: ContractType::Indefinite,
            hours: WorkingHours::FullTime,
            salary: Some((1_500, 2_000)),
            description: "Revisar máquinas de coser.".into(),
            skills: vec!["Soldadura".into()],
            closes_at: far,
            ..base.clone()
        },
        NOW - 20 * DAY,
    )
    .await;
    let almacen = publish(VacancyDraft { closes_at: far, ..base.clone() }, NOW - 10 * DAY).await;
    let contadora = publish(
        VacancyDraft {
            title: "Contadora junior".into(),
            region: "lima-metropolitana".into(),
            province: "Lima".into(),
            district: "Miraflores".into(),
            modality: Modality::Remote,
            contract: ContractType::Indefinite,
            hours: WorkingHours::FullTime,
            salary: None,
            description: "Apoyo al área de contabilidad.".into(),
            accommodations: vec!["remote_work".into(), "screen_reader_software".into()],
            skills: vec![],
            closes_at: far,
            ..base.clone()
        },
        NOW - 5 * DAY,
    )
    .await;
    let vendedor = publish(
        VacancyDraft {
            title: "Vendedor de tienda".into(),
            district: "San Sebastián".into(),
            description: "Atender a los clientes y apoyar en el almacén cuando llega mercadería.".into(),
            accommodations: vec![],
            skills: vec![],
            closes_at: far,
            ..base.clone()
        },
        NOW - 2 * DAY,
    )
    .await;
    let electricistas = publish(
        VacancyDraft {
            company_id: other_company,
            title: "Técnicos electricistas".into(),
            region: "arequipa".into(),
            province: "Arequipa".into(),
            district: "Cayma".into(),
            modality: Modality::Hybrid,
            contract: ContractType::Service,
            hours: WorkingHours::Flexible,
            salary: Some((2_500, 3_000)),
            accommodations: vec!["screen_reader_software".into()],
            closes_at: far,
            ..base.clone()
        },
        NOW - DAY / 2,
    )
    .await;
    // Never to be found: a draft, a closed vacancy, one past its closing date.
    let tecnico_draft = VacancyDraft { title: "Técnico en redes".into(), closes_at: far, ..base.clone() };
    store.create_vacancy(&tecnico_draft, Some(employer_id), NOW - DAY).await.unwrap();
    let closed =
        publish(VacancyDraft { title: "Técnico de soporte".into(), closes_at: far, ..base.clone() }, NOW - 3 * DAY)
            .await;
    assert!(store
        .move_vacancy(closed, &[VacancyStatus::Published], VacancyStatus::Closed, None, "", NOW - DAY)
        .await
        .unwrap());
    publish(VacancyDraft { title: "Técnico vencido".into(), closes_at: NOW - 1, ..base.clone() }, NOW - 4 * DAY).await;
    Board { tecnico, almacen, contadora, electricistas, vendedor, employer_id, company_id, centre_id }
}

pub(crate) async fn found(store: &dyn senda::server::db::Store, query: SearchQuery) -> Vec<i64> {
    found_at(store, query, NOW).await.hits.iter().map(|hit| hit.id).collect()
}

pub(crate) async fn found_at(store: &dyn senda::server::db::Store, query: SearchQuery, now: i64) -> SearchResults {
    store.search_vacancies(&SearchQuery { page: query.page.max(1), ..query }, now).await.unwrap()
}

pub(crate) fn words(text: &str) -> SearchQuery {
    SearchQuery { words: text.into(), sort: Some(SortOrder::Newest), ..SearchQuery::default() }
}

async fn search_finds_open_published_vacancies_by_words_without_accents_case_or_plural(db: &common::TestDb) {
    let store = db.store.as_ref();
    let b = search_board(store).await;
    let all = found_at(store, SearchQuery::default(), NOW).await;
    assert_eq!(
        all.hits.iter().map(|h| h.id).collect::<Vec<_>>(),
        vec![b.electricistas, b.vendedor, b.contadora, b.almacen, b.tecnico]
    );
    assert_eq!((all.total, all.capped, all.ranked, all.page), (5, false, false, 1));

    assert_eq!(found(store, words("tecnico")).await, vec![b.electricistas, b.tecnico], "no accent finds the accented");
    assert_eq!(found(store, words("TÉCNICOS")).await, vec![b.electricistas, b.tecnico], "case and plural");
    assert_eq!(found(store, words("contabilidad")).await, vec![b.contadora], "the description");
    assert_eq!(found(store, words("soldadura")).await, vec![b.tecnico], "the skills");
    assert_eq!(
        found(store, words("textiles andinos")).await,
        vec![b.vendedor, b.contadora, b.almacen, b.tecnico],
        "the employer"
    );
    assert_eq!(found(store, words("san sebastian")).await, vec![b.vendedor], "the district");
    assert_eq!(found(store, words("arequipa técnico")).await, vec![b.electricistas], "every word must match");
    assert_eq!(found(store, words("mantenimientos")).await, vec![b.tecnico]);
    assert_eq!(found(store, words("contador")).await, vec![b.contadora], "the masculine finds the feminine");
    assert_eq!(found(store, words("técnica")).await, vec![b.electricistas, b.tecnico], "and the other way");
    assert_eq!(found(store, words("clientes")).await, vec![b.vendedor], "a plural in the text");
    assert!(found(store, words("contab")).await.is_empty(), "a word is matched whole, not as a beginning");
    assert!(found(store, words("astronauta")).await.is_empty());
    assert_eq!(found(store, words("de la")).await.len(), 5, "common words alone narrow nothing");
    assert_eq!(found(store, words("\"técnico\" -(*^:")).await, vec![b.electricistas, b.tecnico], "no query syntax");

    let hit = found_at(store, words("contadora"), NOW).await.hits.remove(0);
    assert_eq!(
        (hit.title.as_str(), hit.company_name.as_str(), hit.region.as_str(), hit.district.as_str()),
        ("Contadora junior", "Textiles Andinos S.A.C.", "lima-metropolitana", "Miraflores")
    );
    assert_eq!(
        (hit.modality, hit.contract, hit.hours, hit.salary),
        (Modality::Remote, ContractType::Indefinite, WorkingHours::FullTime, None)
    );
    assert_eq!(hit.published_at, NOW - 5 * DAY);
    assert_eq!(hit.accommodations, vec!["screen_reader_software", "remote_work"], "in the list's order");
}

async fn search_filters_narrow_and_all_chosen_accommodations_must_be_offered(db: &common::TestDb) {
    let store = db.store.as_ref();
    let b = search_board(store).await;
    let q = SearchQuery::default;
    assert_eq!(
        found(store, SearchQuery { region: Some("cusco".into()), ..q() }).await,
        vec![b.vendedor, b.almacen, b.tecnico]
    );
    assert_eq!(found(store, SearchQuery { modality: Some(Modality::Remote), ..q() }).await, vec![b.contadora]);
    assert_eq!(
        found(store, SearchQuery { contract: Some(ContractType::Indefinite), ..q() }).await,
        vec![b.contadora, b.tecnico]
    );
    assert_eq!(
        found(store, SearchQuery { hours: Some(WorkingHours::PartTime), ..q() }).await,
        vec![b.vendedor, b.almacen]
    );
    let offering =
        |codes: &[&str]| SearchQuery { accommodations: codes.iter().map(|c| c.to_string()).collect(), ..q() };
    assert_eq!(found(store, offering(&["step_free_access"])).await, vec![b.almacen, b.tecnico]);
    assert_eq!(
        found(store, offering(&["step_free_access", "sign_interpreter_interview"])).await,
        vec![b.almacen, b.tecnico]
    );
    assert_eq!(found(store, offering(&["screen_reader_software"])).await, vec![b.electricistas, b.contadora]);
    assert!(found(store, offering(&["step_free_access", "remote_work"])).await.is_empty(), "all of them, not any");
    assert_eq!(
        found(store, SearchQuery { min_salary: Some(2_000), ..q() }).await,
        vec![b.electricistas, b.tecnico],
        "the top of the range counts; to be agreed is left out"
    );
    assert_eq!(found(store, SearchQuery { days: Some(1), ..q() }).await, vec![b.electricistas]);
    assert_eq!(
        found(store, SearchQuery { days: Some(7), ..q() }).await,
        vec![b.electricistas, b.vendedor, b.contadora]
    );
    assert_eq!(found(store, SearchQuery { days: Some(30), ..q() }).await.len(), 5);
    assert_eq!(
        found(
            store,
            SearchQuery { region: Some("cusco".into()), hours: Some(WorkingHours::PartTime), ..words("almacen") }
        )
        .await,
        vec![b.vendedor, b.almacen],
        "words and filters together"
    );
    assert!(found(store, SearchQuery { region: Some("arequipa".into()), ..words("contadora") }).await.is_empty());
}

async fn search_follows_each_change_of_a_vacancy(db: &common::TestDb) {
    use VacancyStatus::*;
    let store = db.store.as_ref();
    let b = search_board(store).await;
    assert!(store.move_vacancy(b.tecnico, &[Published], Closed, Some(b.employer_id), "", NOW).await.unwrap());
    assert_eq!(found(store, words("tecnico")).await, vec![b.electricistas], "closed: gone");
    assert!(store.move_vacancy(b.tecnico, &[Closed], Published, Some(b.employer_id), "", NOW + 10).await.unwrap());
    assert_eq!(found_at(store, words("tecnico"), NOW + 20).await.hits[0].id, b.tecnico, "re-opened: newest again");

    let renamed = VacancyDraft {
        title: "Electricista industrial".into(),
        ..store.vacancy(b.electricistas).await.unwrap().unwrap().draft
    };
    assert!(store.update_vacancy(b.electricistas, &renamed, &[VacancyStatus::Published], NOW + 30).await.unwrap());
    assert_eq!(found_at(store, words("tecnicos"), NOW + 40).await.hits.len(), 1, "the old title is forgotten");
    assert_eq!(found_at(store, words("industrial"), NOW + 40).await.hits[0].id, b.electricistas);

    // Past its closing date it is not found, before and after the closing job runs.
    assert!(found_at(store, words("contadora"), NOW + 61 * DAY).await.hits.is_empty());
    assert!(store.close_expired(NOW + 61 * DAY).await.unwrap() >= 5);
    assert!(found_at(store, SearchQuery::default(), NOW).await.hits.is_empty(), "closed by the job: out of the index");

    // A new one goes in when published, not before.
    let draft = VacancyDraft {
        title: "Recepcionista bilingüe".into(),
        closes_at: NOW + 90 * DAY,
        ..vacancy_draft(b.company_id, b.centre_id)
    };
    let id = store.create_vacancy(&draft, Some(b.employer_id), NOW).await.unwrap();
    assert!(found(store, words("recepcionista")).await.is_empty());
    assert!(store.move_vacancy(id, &[Draft], Published, None, "", NOW + 1).await.unwrap());
    assert_eq!(found_at(store, words("bilingue"), NOW + 2).await.hits[0].id, id);
}

async fn the_word_index_is_rebuilt_when_its_stemming_rules_change(db: &common::TestDb) {
    let store = db.store.as_ref();
    let b = search_board(store).await;
    // What a build with other rules leaves behind on SQLite, whose stems the application
    // makes: an index it may not read. PostgreSQL stems in SQL and has nothing to rebuild.
    if store.engine() == Engine::Sqlite {
        db.execute("INSERT INTO vacancy_search (vacancy_search) VALUES ('delete-all')").await.unwrap();
        db.execute("UPDATE vacancy_search_rules SET rules = 0").await.unwrap();
        assert!(found(store, words("tecnico")).await.is_empty(), "the index is empty");
    }
    store.migrate().await.unwrap();
    assert_eq!(found(store, words("técnicas")).await, vec![b.electricistas, b.tecnico]);
    assert_eq!(found_at(store, SearchQuery::default(), NOW).await.total, 5);
    let filtered = SearchQuery { region: Some("arequipa".into()), ..words("electricista") };
    assert_eq!(found(store, filtered).await, vec![b.electricistas], "the choices are indexed again too");
}

async fn search_ranks_by_relevance_only_when_asked_and_pages_through_results(db: &common::TestDb) {
    use senda::vacancies::search::PAGE_SIZE;
    let store = db.store.as_ref();
    let b = search_board(store).await;
    // "almacén" is the almacen vacancy's title, but only a word in the newer vendedor's text.
    let relevance = found_at(store, SearchQuery { words: "almacén".into(), ..SearchQuery::default() }, NOW).await;
    assert!(relevance.ranked);
    assert_eq!(relevance.hits.iter().map(|h| h.id).collect::<Vec<_>>(), vec![b.almacen, b.vendedor]);
    let newest = found_at(store, words("almacén"), NOW).await;
    assert!(!newest.ranked);
    assert_eq!(newest.hits.iter().map(|h| h.id).collect::<Vec<_>>(), vec![b.vendedor, b.almacen]);

    for n in 0..PAGE_SIZE as i64 {
        let draft = VacancyDraft {
            title: format!("Operario de limpieza {n}"),
            closes_at: NOW + 60 * DAY,
            ..vacancy_draft(b.company_id, b.centre_id)
        };
        let id = store.create_vacancy(&draft, Some(b.employer_id), NOW - 100).await.unwrap();
        assert!(store
            .move_vacancy(id, &[VacancyStatus::Draft], VacancyStatus::Published, None, "", NOW - 99 + n)
            .await
            .unwrap());
    }
    let first = found_at(store, SearchQuery::default(), NOW).await;
    assert_eq!((first.total, first.pages(), first.hits.len()), (PAGE_SIZE + 5, 2, PAGE_SIZE as usize));
    assert_eq!(first.hits[0].title, format!("Operario de limpieza {}", PAGE_SIZE - 1));
    let second = found_at(store, SearchQuery { page: 2, ..SearchQuery::default() }, NOW).await;
    assert_eq!(
        second.hits.iter().map(|h| h.id).collect::<Vec<_>>(),
        vec![b.electricistas, b.vendedor, b.contadora, b.almacen, b.tecnico]
    );
    let past = found_at(store, SearchQuery { page: 40, ..SearchQuery::default() }, NOW).await;
    assert_eq!((past.page, past.hits.len()), (2, 5), "a page past the end shows the last");
    let limpieza = found_at(store, words("limpieza"), NOW).await;
    assert_eq!((limpieza.total, limpieza.hits.len()), (PAGE_SIZE, PAGE_SIZE as usize));
}
