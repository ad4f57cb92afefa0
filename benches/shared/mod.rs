//! What the benchmarks that compare engines share: the quantiles of the times they measured,
//! and writing one engine's section of a results file while keeping the other engine's.

/// The `q` quantile (0 to 1) of `sorted` times; 0 when there are none.
pub fn quantile(sorted: &[f64], q: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    sorted[((sorted.len() as f64 * q).ceil() as usize).clamp(1, sorted.len()) - 1]
}

/// Puts `body` as `engine`'s section of the results file — `BENCH_RECORD`, or `default` —
/// replacing the one it had and keeping the rest; a new file starts with `heading`.
pub fn record(default: &str, heading: &str, engine: &str, body: &str) {
    let section = format!("<!-- {engine} -->\n## {engine}\n\n{body}\n<!-- /{engine} -->\n");
    println!("{section}");
    let path = std::env::var("BENCH_RECORD").unwrap_or_else(|_| default.into());
    let before = std::fs::read_to_string(&path).unwrap_or_else(|_| heading.into());
    let (open, close) = (format!("<!-- {engine} -->"), format!("<!-- /{engine} -->\n"));
    let kept = match (before.find(&open), before.find(&close)) {
        (Some(from), Some(to)) => format!("{}{}", &before[..from], &before[to + close.len()..]),
        _ => before,
    };
    std::fs::write(&path, format!("{}\n{section}", kept.trim_end())).unwrap();
    eprintln!("written to {path}");
}
