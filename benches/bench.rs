//! `cargo bench`: the same benchmark as `malbild bench` (frame, open and save times).

fn main() {
    let quick = std::env::args().any(|a| a == "--quick");
    malbild::bench::run(quick);
}
