//! Mutation fuzzer for ferropy's tokenizer + parser + dump.
//!
//!     cargo run --release --manifest-path fuzz/Cargo.toml -- [SECONDS] [CORPUS_DIR]
//!
//! Seeds are the CPython stdlib sources; each execution takes a window of a seed (or
//! random bytes), applies a few random mutations aimed at the parser's weak spots
//! (brackets, quotes, f-string braces, indentation, deep nesting, invalid UTF-8) and
//! parses it on a worker thread.  A panic or an execution running over the watchdog
//! timeout is saved under fuzz/crashes/ and ends the run with a non-zero status.
use std::io::Write;
use std::panic;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, Instant};

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        // xorshift64*
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545F4914F6CDD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

const TOKENS: &[&[u8]] = &[
    b"(", b")", b"[", b"]", b"{", b"}", b":", b"'", b"\"", b"'''", b"\"\"\"", b"\\", b"\n", b"\t", b"    ",
    b"\x0c", b"#", b"f'", b"f\"", b"rb'", b"{x!r:>{w}}", b"=", b":=", b"*", b"**", b"@", b"->", b"lambda ",
    b"async ", b"await ", b"yield ", b"match ", b"case ", b"_", b"if ", b"else ", b"for ", b" in ", b"not ",
    b"def f(", b"class C", b"with ", b"try:\n", b"except* ", b"\\N{", b"0x", b"1_0", b"1e", b"1j", b".",
    b"\xff", b"\xc3", b"\xef\xbb\xbf", b"# -*- coding: latin-1 -*-\n", b"\r\n", b"\r", b"\x00", b"\xe2\x82\xac",
];

fn mutate(rng: &mut Rng, data: &mut Vec<u8>, seeds: &[Vec<u8>]) {
    let n = 1 + rng.below(8);
    for _ in 0..n {
        let len = data.len();
        match rng.below(10) {
            0 if len > 0 => {
                let i = rng.below(len);
                data[i] ^= 1 << rng.below(8);
            }
            1 | 2 => {
                let t = TOKENS[rng.below(TOKENS.len())];
                let i = rng.below(len + 1);
                data.splice(i..i, t.iter().copied());
            }
            3 if len > 0 => {
                let i = rng.below(len);
                let j = (i + 1 + rng.below(16)).min(len);
                data.drain(i..j);
            }
            4 if len > 0 => {
                let i = rng.below(len);
                let j = (i + 1 + rng.below(64)).min(len);
                let chunk: Vec<u8> = data[i..j].to_vec();
                let k = rng.below(len + 1);
                data.splice(k..k, chunk);
            }
            5 => {
                // splice from another seed
                let s = &seeds[rng.below(seeds.len())];
                if !s.is_empty() {
                    let i = rng.below(s.len());
                    let j = (i + 1 + rng.below(200)).min(s.len());
                    let k = rng.below(len + 1);
                    data.splice(k..k, s[i..j].iter().copied());
                }
            }
            6 => {
                // deep nesting
                let open: &[u8] = [&b"("[..], b"[", b"{", b"-", b"not ", b"lambda:", b"f'{", b"    ", b"if 1:\n "][rng.below(9)];
                let k = 1 + rng.below(4000);
                let i = rng.below(len + 1);
                let mut ins = Vec::with_capacity(open.len() * k);
                for _ in 0..k {
                    ins.extend_from_slice(open);
                }
                data.splice(i..i, ins);
            }
            7 if len > 0 => {
                data.truncate(rng.below(len));
            }
            8 if len > 0 => {
                let i = rng.below(len);
                data[i] = rng.next() as u8;
            }
            _ => {
                let i = rng.below(len + 1);
                data.insert(i, b" \t\n:()'\"{}=#\\"[rng.below(13)]);
            }
        }
    }
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    if let Ok(rd) = std::fs::read_dir(dir) {
        for e in rd.flatten() {
            let p = e.path();
            if p.is_dir() {
                if p.file_name().map_or(false, |n| n == "site-packages" || n == "__pycache__") {
                    continue;
                }
                collect(&p, out);
            } else if p.extension().map_or(false, |x| x == "py") {
                out.push(p);
            }
        }
    }
}

fn save(kind: &str, data: &[u8]) -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("crashes");
    let _ = std::fs::create_dir_all(&dir);
    let h = data.iter().fold(0xcbf29ce484222325u64, |h, &b| (h ^ b as u64).wrapping_mul(0x100000001b3));
    let p = dir.join(format!("{}-{:016x}.py", kind, h));
    let _ = std::fs::write(&p, data);
    p
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let secs: u64 = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(60);
    let corpus = args.get(2).cloned().unwrap_or_else(|| "/root/.pyenv/versions/3.11.7/lib/python3.11".into());
    let mut files = Vec::new();
    collect(Path::new(&corpus), &mut files);
    files.sort();
    let seeds: Vec<Vec<u8>> = files.iter().filter_map(|p| std::fs::read(p).ok()).collect();
    if seeds.is_empty() {
        eprintln!("no seed files under {}", corpus);
        std::process::exit(2);
    }
    eprintln!("fuzz: {} seed files, running {} s", seeds.len(), secs);
    panic::set_hook(Box::new(|_| {}));

    // Worker thread does the parsing; the main thread is the watchdog.
    let (to_worker, from_main) = mpsc::channel::<Vec<u8>>();
    let (to_main, from_worker) = mpsc::channel::<Result<(), String>>();
    std::thread::Builder::new()
        .stack_size(64 << 20)
        .spawn(move || {
            for input in from_main {
                let r = panic::catch_unwind(|| {
                    if let Ok(m) = ferropy_parser::parse_module(&input, "<fuzz>") {
                        let _ = ferropy_parser::dump(&m, true);
                    } else if let Err(e) = ferropy_parser::parse_module(&input, "<fuzz>") {
                        let _ = e.render();
                    }
                });
                let msg = r.map_err(|p| {
                    p.downcast_ref::<String>().cloned().or_else(|| p.downcast_ref::<&str>().map(|s| s.to_string())).unwrap_or_default()
                });
                if to_main.send(msg).is_err() {
                    break;
                }
            }
        })
        .unwrap();

    let seed = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_nanos() as u64).unwrap_or(1) | 1;
    let mut rng = Rng(seed);
    let start = Instant::now();
    let mut execs: u64 = 0;
    let mut errors: u64 = 0;
    let mut last_report = Instant::now();
    let timeout = Duration::from_secs(10);
    while start.elapsed() < Duration::from_secs(secs) {
        let mut data = if rng.below(20) == 0 {
            (0..rng.below(512)).map(|_| rng.next() as u8).collect()
        } else {
            let s = &seeds[rng.below(seeds.len())];
            let i = if rng.below(2) == 0 { 0 } else { rng.below(s.len().max(1)) };
            let j = (i + 64 + rng.below(6000)).min(s.len());
            s[i.min(j)..j].to_vec()
        };
        mutate(&mut rng, &mut data, &seeds);
        to_worker.send(data.clone()).unwrap();
        match from_worker.recv_timeout(timeout) {
            Ok(Ok(())) => {}
            Ok(Err(msg)) => {
                let p = save("panic", &data);
                eprintln!("PANIC: {} (input saved to {})", msg, p.display());
                std::process::exit(1);
            }
            Err(_) => {
                let p = save("hang", &data);
                eprintln!("HANG: over {:?} (input saved to {})", timeout, p.display());
                std::process::exit(1);
            }
        }
        execs += 1;
        let _ = &mut errors;
        if last_report.elapsed() > Duration::from_secs(30) {
            let t = start.elapsed().as_secs_f64();
            eprintln!("fuzz: {} execs in {:.0} s ({:.0}/s)", execs, t, execs as f64 / t);
            let _ = std::io::stderr().flush();
            last_report = Instant::now();
        }
    }
    let t = start.elapsed().as_secs_f64();
    println!("fuzz: {} executions in {:.0} s ({:.0} exec/s), no panic, no hang", execs, t, execs as f64 / t);
}
