//! Recording a check against the tenant's Teams export (`portwiz reconcile --apply`, the app's
//! "Import a Teams export"): each order the check names is read as it is now, goes through
//! `domain::reconcile::apply` (which never moves an order backwards) and is saved when that
//! recorded something.

use super::{Store, StoreError};
use crate::domain::reconcile::{Applied, Report, apply};
use crate::domain::{Clock, Order};

/// What recording did to one order: saved with what it recorded, or why it could not be.
pub type Recorded = Result<(Order, Applied), (String, StoreError)>;

impl Store {
    /// Record `report` (read from the export `source`) on every order it names; those with
    /// nothing new to record are left out of the answer and untouched.
    pub fn record_teams_check(
        &mut self,
        report: &Report,
        clock: Clock,
        source: &str,
    ) -> Vec<Recorded> {
        let mut out = Vec::new();
        for result in &report.orders {
            let mut order = match self.editable(&result.id) {
                Ok(loaded) => loaded.order.clone(),
                Err(e) => {
                    out.push(Err((result.id.clone(), e)));
                    continue;
                }
            };
            match apply(&mut order, result, clock, source) {
                Applied::Nothing => {}
                // The copy the store now holds, at its new revision (the app edits on from it).
                applied => out.push(
                    self.save(&order)
                        .and_then(|()| Ok(self.get(&order.id)?.order.clone()))
                        .map(|saved| (saved, applied))
                        .map_err(|e| (result.id.clone(), e)),
                ),
            }
        }
        out
    }
}
