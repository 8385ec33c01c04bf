//! Counts of component renders, for `make bench`'s figure of what one tick or one command
//! re-renders. A counter increment per render: nothing else.

use std::cell::Cell;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Row,
    Lane,
}

thread_local! {
    static ROWS: Cell<u64> = const { Cell::new(0) };
    static LANES: Cell<u64> = const { Cell::new(0) };
}

pub fn count(kind: Kind) {
    let cell = match kind {
        Kind::Row => &ROWS,
        Kind::Lane => &LANES,
    };
    cell.with(|c| c.set(c.get() + 1));
}

/// (rows, lanes) rendered since the last `take`.
pub fn take() -> (u64, u64) {
    (ROWS.with(|c| c.replace(0)), LANES.with(|c| c.replace(0)))
}
