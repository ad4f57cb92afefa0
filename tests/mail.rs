//! Mail leaves through SMTP when a server is configured: a small SMTP server here receives
//! it, the outbox records it as sent, and a server that is down leaves it queued for later.

use crate::common;
use clap::Parser;
use senda::server::config::Cli;
use senda::server::mail::{deliver_due, OutgoingMail, Transport};
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpListener;

/// Accepts one SMTP session and returns everything sent after DATA.
async fn receive_one(listener: TcpListener) -> String {
    let (socket, _) = listener.accept().await.unwrap();
    let (read, mut write) = socket.into_split();
    let mut lines = BufReader::new(read).lines();
    write.write_all(b"220 test.local ESMTP\r\n").await.unwrap();
    let mut data = String::new();
    let mut in_data = false;
    while let Some(line) = lines.next_line().await.unwrap() {
        if in_data {
            if line == "." {
                in_data = false;
                write.write_all(b"250 queued\r\n").await.unwrap();
            } else {
                data.push_str(&line);
                data.push('\n');
            }
            continue;
        }
        let verb = line.split_whitespace().next().unwrap_or("").to_ascii_uppercase();
        let reply: &[u8] = match verb.as_str() {
            "EHLO" | "HELO" => b"250 test.local\r\n",
            "DATA" => {
                in_data = true;
                b"354 go ahead\r\n"
            }
            "QUIT" => {
                write.write_all(b"221 bye\r\n").await.unwrap();
                break;
            }
            _ => b"250 OK\r\n",
        };
        write.write_all(reply).await.unwrap();
    }
    data
}

fn smtp_transport(port: u16) -> Transport {
    let cli = Cli::parse_from([
        "senda",
        "--smtp-url",
        &format!("smtp://127.0.0.1:{port}"),
        "--mail-from",
        "Senda <no-responder@senda.test>",
    ]);
    Transport::from_config(&cli.config).unwrap()
}

fn message() -> OutgoingMail {
    OutgoingMail {
        to: "rosa@example.pe".into(),
        subject: "Confirma tu correo en Senda".into(),
        body: "Hola, Rosa:\n\nAbre este enlace: http://127.0.0.1:3000/registro/confirmar?codigo=abc\n".into(),
        ..Default::default()
    }
}

#[tokio::test]
async fn queued_mail_goes_out_through_the_configured_smtp_server() {
    let db = common::sqlite().await;
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let transport = smtp_transport(listener.local_addr().unwrap().port());
    let server = tokio::spawn(receive_one(listener));
    db.store.queue_mail(&message(), senda::server::auth::now()).await.unwrap();

    assert_eq!(deliver_due(db.store.as_ref(), &transport).await.unwrap(), 1);
    let received = server.await.unwrap();
    assert!(received.contains("Subject: Confirma tu correo en Senda"), "{received}");
    assert!(received.contains("To: rosa@example.pe"), "{received}");
    assert!(received.contains("no-responder@senda.test"), "{received}");
    assert!(!received.contains("List-Unsubscribe"), "only messages that can be stopped say how");
    let sent = db.store.mail_to("rosa@example.pe").await.unwrap();
    assert_eq!(sent[0].sent_via.as_deref(), Some("smtp"));
    db.cleanup().await;
}

#[tokio::test]
async fn an_alert_tells_mail_programs_how_to_stop_it_in_one_click() {
    let db = common::sqlite().await;
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let transport = smtp_transport(listener.local_addr().unwrap().port());
    let server = tokio::spawn(receive_one(listener));
    let stop = "https://senda.example/avisos/dejar?t=0123";
    let alert = OutgoingMail { unsubscribe: Some(stop.into()), ..message() };
    db.store.queue_mail(&alert, senda::server::auth::now()).await.unwrap();

    assert_eq!(deliver_due(db.store.as_ref(), &transport).await.unwrap(), 1);
    let received = server.await.unwrap();
    assert!(received.contains(&format!("List-Unsubscribe: <{stop}>")), "{received}");
    assert!(received.contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click"), "{received}");
    db.cleanup().await;
}

#[tokio::test]
async fn a_server_that_is_down_leaves_the_mail_queued_for_a_later_try() {
    let db = common::sqlite().await;
    // A port nobody listens on.
    let port = TcpListener::bind("127.0.0.1:0").await.unwrap().local_addr().unwrap().port();
    let transport = smtp_transport(port);
    db.store.queue_mail(&message(), senda::server::auth::now()).await.unwrap();

    assert_eq!(deliver_due(db.store.as_ref(), &transport).await.unwrap(), 0);
    let queued = db.store.mail_to("rosa@example.pe").await.unwrap();
    assert_eq!((queued[0].sent_at, queued[0].attempts), (None, 1), "still to send, one attempt made");
    db.cleanup().await;
}

#[test]
fn a_bad_smtp_address_stops_the_start_naming_the_variable_only() {
    let cli = Cli::parse_from(["senda", "--smtp-url", "imap://user:secreto@host"]);
    let err = Transport::from_config(&cli.config).err().unwrap().to_string();
    assert!(err.contains("SENDA_SMTP_URL") && !err.contains("secreto"), "{err}");
}

#[test]
fn a_live_site_without_smtp_does_not_start_unless_mail_to_the_log_is_meant() {
    let live = ["senda", "--public-origin", "https://empleo.example.pe"];
    let err = Transport::from_config(&Cli::parse_from(live).config).err().unwrap().to_string();
    assert!(err.contains("SENDA_SMTP_URL") && err.contains("SENDA_MAIL_TO_LOG"), "{err}");
    let meant = Cli::parse_from(["senda", "--public-origin", "https://empleo.example.pe", "--mail-to-log", "true"]);
    assert!(matches!(Transport::from_config(&meant.config), Ok(Transport::Log)));
    let local = Cli::parse_from(["senda", "--public-origin", "http://127.0.0.1:3000"]);
    assert!(matches!(Transport::from_config(&local.config), Ok(Transport::Log)), "a machine of one's own");
}
