import { formatCost } from "../../money";
import { plural } from "../../format";

/** Scrolls to the price table and puts the cursor in its model field. */
export function showPriceTable() {
  const table = document.getElementById("model-prices");
  table?.scrollIntoView?.({ behavior: "smooth", block: "start" });
  table?.querySelector<HTMLInputElement>('[data-testid="ai-price-model"]')?.focus({ preventScroll: true });
}

/** A total cost, noting calls whose model has no price (their cost is unknown). */
export function TotalCost({ micro, unpriced }: { micro: number; unpriced: number }) {
  return (
    <>
      {formatCost(micro)}
      {unpriced > 0 ? (
        <button
          type="button"
          className="link-btn usage-unpriced"
          title="These calls used a model with no price in the table below"
          onClick={showPriceTable}
        >
          + {plural(unpriced, "unpriced call")}
        </button>
      ) : null}
    </>
  );
}

/** The cost of one call: "price unknown" when its model had no price. */
export function CallCost({ micro, priced, ok }: { micro: number; priced: boolean; ok: boolean }) {
  if (ok && !priced) {
    return (
      <button
        type="button"
        className="link-btn"
        data-testid="usage-price-unknown"
        title="No price for this model: add one in the price table"
        onClick={showPriceTable}
      >
        price unknown
      </button>
    );
  }
  return <>{formatCost(micro)}</>;
}
