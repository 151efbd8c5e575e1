//! Purchases walked through the real server: a subscription bought through Checkout, and the key
//! read off the success page as the buyer sees it.
use super::stripe_events::*;
use super::Harness;

/// A subscription bought through Checkout, with its key from the success page.
pub async fn subscribe(h: &Harness, sub: &str, session: &str, price: &str, t: i64) -> String {
    let end = t + 30 * 86_400;
    h.send_event(&event(
        &format!("evt_cs_{session}"),
        "checkout.session.completed",
        t,
        checkout_subscription(session, &format!("cus_{sub}"), "ana@example.com", sub),
    ))
    .await;
    h.send_event(&event(
        &format!("evt_sc_{sub}"),
        "customer.subscription.created",
        t,
        subscription(
            sub,
            &format!("cus_{sub}"),
            "active",
            &[(price, 1)],
            end,
            false,
        ),
    ))
    .await;
    key_from_success_page(h, session).await
}

pub async fn key_from_success_page(h: &Harness, session: &str) -> String {
    let page = h
        .get(&format!("/v1/checkout/success?session_id={session}"))
        .await;
    assert_eq!(page.headers()["cache-control"], "no-store");
    let html = page.text().await.unwrap();
    let start = html
        .find("IGOS-")
        .unwrap_or_else(|| panic!("no key on the page: {html}"));
    let key = html[start..start + 28].to_string();
    assert!(
        html.contains(&format!("href=\"instagrowth://activate?key={key}\"")),
        "the page links to the app with the key: {html}"
    );
    key
}
