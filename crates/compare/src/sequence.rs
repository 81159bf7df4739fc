//! The difference of two sequences as Myers' algorithm finds it.

use similar::algorithms::{myers, Capture, Replace};
use similar::DiffOp;

/// The operations that turn `old` into `new`, runs of deletions next to insertions
/// joined into replacements.
pub(crate) fn ops<T: PartialEq>(old: &[T], new: &[T]) -> Vec<DiffOp> {
    let mut hook = Replace::new(Capture::new());
    // The hooks used here cannot fail.
    let Ok(()) = myers::diff(&mut hook, old, 0..old.len(), new, 0..new.len());
    hook.into_inner().into_ops()
}

/// How many items were added, removed and changed in place between `old` and `new`.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Counts {
    pub(crate) added: u32,
    pub(crate) removed: u32,
    pub(crate) edited: u32,
}

pub(crate) fn counts<T: PartialEq>(old: &[T], new: &[T]) -> Counts {
    let mut counts = Counts::default();
    for op in ops(old, new) {
        match op {
            DiffOp::Equal { .. } => {}
            DiffOp::Insert { new_len, .. } => counts.added += new_len as u32,
            DiffOp::Delete { old_len, .. } => counts.removed += old_len as u32,
            DiffOp::Replace {
                old_len, new_len, ..
            } => {
                counts.edited += old_len.min(new_len) as u32;
                counts.added += new_len.saturating_sub(old_len) as u32;
                counts.removed += old_len.saturating_sub(new_len) as u32;
            }
        }
    }
    counts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_say_what_was_added_removed_and_changed() {
        let c = counts(&["a", "b", "c"], &["a", "x", "c", "d", "e"]);
        assert_eq!(
            c,
            Counts {
                added: 2,
                removed: 0,
                edited: 1
            }
        );
        let c = counts(&["a", "b", "c"], &["c"]);
        assert_eq!((c.added, c.removed, c.edited), (0, 2, 0));
        assert_eq!(counts::<&str>(&[], &[]), Counts::default());
    }
}
