//! `cargo bench`: the same benchmark as `malbild bench` (frame, open and save times).

/// The same allocator as the program (see `src/main.rs`), so the numbers are the program's.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let quick = std::env::args().any(|a| a == "--quick");
    malbild::bench::run(quick);
}
