//! A copy of an order as a new draft (`portwiz copy ID`, `c` on an order's page): the fields
//! only. Its status, history, rejections, CSR values, FOC, support and ticket belong to the
//! original: a copy that carried them would count the original's rejections again (insights,
//! the warnings from history) and claim a submission that never happened.

use super::order::Order;
use jiff::Timestamp;

impl Order {
    /// A new draft with this order's fields, under `id`. The LOA snapshot comes along, so the
    /// copy still says when a field the signed LOA covers is changed.
    pub fn copy_as_draft(&self, id: String, now: Timestamp) -> Order {
        let mut copy = Order::new(id, self.fields.clone(), now);
        copy.loa_signed_fields.clone_from(&self.loa_signed_fields);
        if let Some(created) = copy.history.first_mut() {
            created.note = format!("Draft copied from {} (its fields only)", self.id);
        }
        copy
    }
}

#[cfg(test)]
mod tests {
    use super::super::key::FieldKey;
    use super::super::status::Status;
    use super::super::test_orders::{complete_order, day, rejection};

    #[test]
    fn a_copy_is_a_draft_with_the_fields_and_none_of_the_story() {
        let mut original = complete_order("PO-A", "Contoso Telecom", 0);
        original.loa_signed_fields = Some(original.snapshot());
        original.submit(day(1)).unwrap();
        original
            .reject(rejection(&[FieldKey::AccountNumber]), day(3).now)
            .unwrap();
        original.csr.insert(FieldKey::AccountNumber, "ACC-1".into());
        let copy = original.copy_as_draft("PO-B".into(), day(4).now);
        assert_eq!(copy.id, "PO-B");
        assert_eq!(copy.status, Status::Draft);
        assert_eq!(copy.fields, original.fields);
        assert!(copy.rejections.is_empty());
        assert!(copy.csr.is_empty());
        assert!(copy.submitted_fields.is_none());
        assert_eq!(copy.loa_signed_fields, original.loa_signed_fields);
        assert_eq!(copy.history.len(), 1);
        assert!(copy.history[0].note.contains("copied from PO-A"));
        assert_eq!(copy.created_at, day(4).now);
    }
}
