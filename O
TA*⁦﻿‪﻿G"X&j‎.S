{
  "account_number": "ACC-0098765",
  "authorized_user.first_name": "Dana",
  "authorized_user.last_name": "Reyes",
  "billing_telephone_number": "+14255550100",
  "country": "US",
  "current_carrier": "Contoso Telecom",
  "documents": [
    "bill-2026-10.pdf"
  ],
  "history": [
    {
      "at": "2026-11-26T12:00:00Z",
      "event": "created",
      "note": "Draft created",
      "to": "draft"
    },
    {
      "at": "2026-11-26T12:00:00Z",
      "changes": [
        {
          "from": "Redmond HQ main lines",
          "key": "order_name",
          "to": "O\nTA*���G\"X&j�.S"
        }
      ],
      "event": "edited",
      "note": "Changed Order name"
    },
    {
      "at": "2026-11-26T12:00:00Z",
      "event": "ticket",
      "note": "Support ticket O\nTA*���G\"X&j�.S"
    }
  ],
  "id": "PO-U3S4NJ7A",
  "loa": "e-signed by Dana Reyes on 2026-11-20",
  "notification_emails": [
    "it@fabrikam.com"
  ],
  "number_type": "geographic",
  "numbers": [
    "+14255550100",
    "+14255550101",
    "+14255550102"
  ],
  "order_name": "O\nTA*���G\"X&j�.S",
  "organization_name": "Fabrikam Inc",
  "pin_redacted": true,
  "port_date": "2026-12-08",
  "port_time": "10:00",
  "port_type": "full",
  "replacement_btn": "",
  "requester.email": "sam@fabrikam.com",
  "requester.name": "Sam Lee",
  "service_address.city": "Redmond",
  "service_address.country": "US",
  "service_address.postal_code": "98052",
  "service_address.state": "WA",
  "service_address.street": "1 Microsoft Way",
  "status": "draft",
  "ticket": "O\nTA*���G\"X&j�.S"
}
