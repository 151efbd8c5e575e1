//! The e-mails, as plain text: the key after a purchase, a failed payment, a refund. Each function
//! returns (subject, body); the `kind` names the template in the outbox. A purchase key appears
//! only in [`key_after_purchase`], and the outbox wipes a body once it is sent or abandoned.
pub const KIND_KEY: &str = "purchase_key";
pub const KIND_PAYMENT_FAILED: &str = "payment_failed";
pub const KIND_REFUNDED: &str = "purchase_refunded";

/// The purchase key, once, after Checkout.
pub fn key_after_purchase(key: &str, plan_label: &str, public_url: &str) -> (String, String) {
    (
        "Your InstaGrowth OS licence key".to_string(),
        format!(
            "Thank you for buying InstaGrowth OS ({plan_label}).\n\
             \n\
             Your licence key:\n\
             \n\
             \x20   {key}\n\
             \n\
             On the computer where InstaGrowth OS is installed, open this link to activate it\n\
             with the key filled in:\n\
             \n\
             \x20   instagrowth://activate?key={key}\n\
             \n\
             or, in InstaGrowth OS, open Licence in the sidebar and paste the key.\n\
             Keep this e-mail: the key is shown only here and once on the purchase page.\n\
             Each machine you activate uses one seat; deactivate a machine in the app to free it.\n\
             \n\
             Manage billing: open the app's Licence page and choose \"Manage subscription\".\n\
             Licence server: {public_url}\n"
        ),
    )
}

/// A renewal payment failed; the licence keeps working through the grace period.
pub fn payment_failed(key_prefix: &str, grace_days: u32) -> (String, String) {
    (
        "Your InstaGrowth OS payment failed".to_string(),
        format!(
            "We could not take the payment for your InstaGrowth OS subscription (licence {key_prefix}…).\n\
             \n\
             Stripe will try again over the next days. The app keeps working for {grace_days} days;\n\
             after that it becomes read-only (your work stays readable and exportable) until the\n\
             payment goes through.\n\
             \n\
             Update your card: open the app's Licence page and choose \"Manage subscription\".\n"
        ),
    )
}

/// A refund took back a one-time purchase (`what`: "2 × One audit report"); the licence stays.
pub fn refunded(key_prefix: &str, what: &str) -> (String, String) {
    (
        "Your InstaGrowth OS purchase was refunded".to_string(),
        format!(
            "Your purchase of {what} (licence {key_prefix}…) was refunded.\n\
             \n\
             What it added has been taken back from your licence at its next check; the rest of\n\
             the licence is unchanged.\n"
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_key_mail_holds_the_key_and_the_others_do_not() {
        let (subject, body) =
            key_after_purchase("IGOS-AAAAA-BBBBB-CCCCC-DDDDD", "Pro", "https://l.example");
        assert!(subject.contains("licence key"));
        assert!(body.contains("IGOS-AAAAA-BBBBB-CCCCC-DDDDD"));
        let (_, body) = payment_failed("IGOS-AAAAA", 7);
        assert!(body.contains("7 days") && !body.contains("BBBBB"));
        let (_, body) = refunded("IGOS-AAAAA", "1 × One audit report");
        assert!(body.contains("1 × One audit report") && body.contains("unchanged"));
    }
}
