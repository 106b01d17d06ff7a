"""The Agenda tab: ordered items on the session's clock, with their editor."""
