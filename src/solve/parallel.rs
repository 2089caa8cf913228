//! The solver's parallel loops: natively on rayon's pool (a thread per core; a loop inside a
//! loop, as pricing inside a block, shares the same threads instead of starting its own),
//! in the browser one item after another on the page's one thread.

/// `work` applied to every item, results in item order.
#[cfg(not(target_arch = "wasm32"))]
pub(super) fn map<T: Send, R: Send>(items: Vec<T>, work: impl Fn(T) -> R + Sync + Send) -> Vec<R> {
    use rayon::prelude::*;
    items.into_par_iter().map(work).collect()
}

/// `work` applied to every item, results in item order.
#[cfg(target_arch = "wasm32")]
pub(super) fn map<T, R>(items: Vec<T>, work: impl Fn(T) -> R) -> Vec<R> {
    items.into_iter().map(work).collect()
}

/// Solver workers: one per core natively (rayon's pool), one in the browser (no threads there).
pub fn workers() -> usize {
    #[cfg(not(target_arch = "wasm32"))]
    {
        rayon::current_num_threads()
    }
    #[cfg(target_arch = "wasm32")]
    {
        1
    }
}
