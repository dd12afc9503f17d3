//! A store that lives beside others: one order re-read when its file changed (the watcher says
//! which), and an edit saved over a file that moved on by merging it (`domain::merge`) rather
//! than refusing it.

use super::file::{self, ReadError};
use super::{Loaded, Notice, Slot, Store, StoreError, index, own};
use crate::domain::Order;
use crate::domain::fields::FieldValue;
use crate::domain::merge::{Merge, merge};
use crate::domain::registry::FIELDS;

/// What re-reading one order file found.
#[derive(Debug)]
pub enum Refresh {
    /// The file is as this store last saw it (its own save, or a touch).
    Unchanged,
    /// New or changed: the order as the file now says.
    Changed(Box<Loaded>),
    /// The file is gone (deleted, renamed, moved aside by another portwiz).
    Gone,
    /// The file cannot be read: moved to quarantine or left in place, as the notice says.
    SetAside(Notice),
}

/// How an edit reached the disk.
#[derive(Debug)]
pub enum SavedEdit {
    /// Saved as it was: nobody else had saved the order since it was read.
    Saved(Box<Order>),
    /// The file had moved on; the merge was saved (combined, or theirs with mine kept as a
    /// note when mine could not be applied). `merge` says what happened, for the notice.
    Merged {
        order: Box<Order>,
        merge: Box<Merge>,
    },
    /// Both changed the same part: nothing was saved. The user settles `merge.conflicts`, and
    /// `merge.resolve` then gives the order to save over `theirs`.
    Conflicts {
        merge: Box<Merge>,
        theirs: Box<Order>,
    },
}

impl Store {
    /// Re-read one order after its file changed on disk, updating the store and the index:
    /// only this file is read, whatever the number of orders.
    pub fn refresh(&mut self, id: &str) -> Refresh {
        if file::check_id(id).is_err() {
            return Refresh::Unchanged;
        }
        let path = self.path_of(id);
        let Ok(meta) = path.symlink_metadata() else {
            return match self.slots.remove(id) {
                Some(_) => {
                    self.index_remove(id);
                    Refresh::Gone
                }
                None => Refresh::Unchanged,
            };
        };
        let stamp = file::Stamp::of(&meta);
        if self.slots.get(id).and_then(|s| s.stamp) == Some(stamp) {
            return Refresh::Unchanged;
        }
        let had = self.slots.contains_key(id);
        match file::read(&path) {
            Ok((loaded, stamp)) => {
                self.index_put(&index::entry_of(&loaded, stamp));
                // One version of each order (issue 23): the full order stays only where one was
                // held (an order open in the app, whose edit may need it as a merge base), and
                // a summary only where the app has not taken them; the rest is the caller's.
                let old = self.slots.get(id);
                let keep_full = old.is_some_and(|s| s.full.get().is_some_and(Option::is_some));
                let keep_summary = old.is_none_or(|s| s.summary.is_some());
                if keep_full {
                    let mut slot = Slot::loaded(loaded.clone(), Some(stamp));
                    if !keep_summary {
                        slot.summary = None;
                    }
                    self.replace_slot(id, slot);
                } else {
                    self.slots.insert(
                        id.to_string(),
                        Slot::summary_only(&loaded, stamp, keep_summary),
                    );
                }
                Refresh::Changed(Box::new(loaded))
            }
            Err(e) => {
                if had {
                    self.slots.remove(id);
                    self.index_remove(id);
                }
                Refresh::SetAside(match e {
                    ReadError::Corrupt(reason) => own::quarantine(&self.dir, &path, reason),
                    ReadError::Unreadable(reason) => Notice::Unreadable { path, reason },
                    ReadError::Newer { version, reason } => Notice::Unreadable {
                        path,
                        reason: format!(
                            "written by a newer portwiz (schema {version}) and not readable here: {reason}"
                        ),
                    },
                })
            }
        }
    }

    /// Save an edit made on the copy of the order read at `mine.revision`. When the file moved
    /// on meanwhile, the edit is merged with it per field: different fields combine and are
    /// saved; a part both changed is handed back unsaved, for the user to choose.
    pub fn save_edit(&mut self, mine: &Order) -> Result<SavedEdit, StoreError> {
        match self.save_at(mine, mine.revision.0) {
            Ok(_) => return self.saved(&mine.id).map(SavedEdit::Saved),
            Err(StoreError::Conflict { .. }) => {}
            Err(e) => return Err(e),
        }
        // Another save may land between reading theirs and saving the merge: try again on it.
        for _ in 0..5 {
            let theirs = match self.reload(&mine.id) {
                Ok(l) => l.order.clone(),
                Err(_) => return Err(StoreError::Changed(mine.id.clone())),
            };
            let base = self.base_for(mine, &theirs);
            let merged = merge(&base, &theirs, mine);
            if !merged.is_clean() {
                return Ok(SavedEdit::Conflicts {
                    merge: Box::new(merged),
                    theirs: Box::new(theirs),
                });
            }
            let order = if merged.order == theirs {
                // Nothing of mine to add: theirs stands as it is.
                Box::new(theirs)
            } else {
                match self.save_at(&merged.order, theirs.revision.0) {
                    Ok(_) => self.saved(&mine.id)?,
                    Err(StoreError::Conflict { .. }) => continue,
                    Err(e) => return Err(e),
                }
            };
            return Ok(SavedEdit::Merged {
                order,
                merge: Box::new(merged),
            });
        }
        Err(StoreError::Contended(mine.id.clone()))
    }

    /// Take over the versions of orders another store of the same folder read (the first
    /// frame's store, replaced by the full check's): edits begun on them still merge from them.
    pub fn carry_versions(&mut self, old: Store) {
        for (id, slot) in old.slots {
            if let Some(loaded) = slot.full.into_inner().flatten() {
                self.previous.entry(id).or_default().push(loaded.order);
            }
        }
        for (id, versions) in old.previous {
            self.previous.entry(id).or_default().extend(versions);
        }
    }

    /// The order as just saved, with its new revision.
    fn saved(&self, id: &str) -> Result<Box<Order>, StoreError> {
        self.get(id).map(|l| Box::new(l.order.clone()))
    }

    /// The version `mine` was begun on. When this store no longer has it (never read here, or
    /// many versions ago), a stand-in that makes every part the two sides disagree on a
    /// conflict, so nothing is decided without the user.
    fn base_for(&self, mine: &Order, theirs: &Order) -> Order {
        let rev = mine.revision.0;
        let current = self
            .slots
            .get(&mine.id)
            .and_then(|s| s.full.get())
            .and_then(Option::as_deref)
            .map(|l| &l.order);
        let known = current
            .into_iter()
            .chain(self.previous.get(&mine.id).into_iter().flatten())
            .find(|o| o.revision.0 == rev && rev != 0);
        if let Some(base) = known {
            return base.clone();
        }
        let mut base = theirs.clone();
        for f in FIELDS {
            if theirs.fields.get(f.key) != mine.fields.get(f.key) {
                // No stored value holds a NUL (every input is cleaned): it is neither side's.
                let neither = match f.kind.is_list() {
                    true => FieldValue::List(vec!["\0".into()]),
                    false => FieldValue::Text("\0".into()),
                };
                base.fields.set(f.key, neither);
            }
        }
        base.csr.retain(|k, v| mine.csr.get(k) == Some(v));
        if mine.ticket != theirs.ticket {
            base.ticket = Some("\0".into());
        }
        let shared = theirs
            .history
            .iter()
            .zip(&mine.history)
            .take_while(|(a, b)| a == b)
            .count();
        base.history.truncate(shared);
        let moved = |o: &Order| {
            (
                o.status,
                o.rejections.clone(),
                o.foc.clone(),
                o.support.clone(),
                o.submitted_fields.clone(),
            )
        };
        if moved(mine) != moved(theirs) {
            // Which side moved the status is unknown: a lifecycle neither has makes it "both",
            // and mine is then kept as a note rather than undoing theirs.
            base.support = Some(crate::domain::order::Support {
                scenario: crate::domain::status::SupportScenario::RequestedHelp,
                since: jiff::Timestamp::MIN,
            });
        }
        base
    }

    fn index_remove(&self, id: &str) {
        if let Some(index) = &self.index {
            let _ = index.apply(&[], &[id.to_string()]);
        }
    }
}
