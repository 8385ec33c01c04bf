//! A session: a command history over the catalogue and a seed, replayed to any moment.
