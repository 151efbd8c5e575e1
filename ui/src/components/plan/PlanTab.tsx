import { useEffect, useId, useState } from "react";
import { planActivate, planDelete, planList, planMoveItem, planSetDone, updatePlanItem } from "../../api";
import type { ApiError, Client, PlanItem, PlanItemPatch, StoredPlan } from "../../bindings";
import { formatDate, formatDay } from "../../format";
import { Dialog } from "../Dialog";
import { AlertIcon, CalendarIcon, CloseIcon, InfoIcon, PlusIcon, TrashIcon } from "../Icons";
import { ItemDetail } from "./ItemDetail";
import { PlanCalendar } from "./PlanCalendar";
import { PlanExport } from "./PlanExport";
import { PlanForm } from "./PlanForm";
import { findItem, GOAL_LABEL } from "./planFormat";
import { WeekProgress, WeekTargets } from "./WeekProgress";
import "../ClientDashboard.css";
import "../audit/Audit.css";
import "../content/content.css";
import "./plan.css";
import { HelpLink } from "../help/HelpLink";
import { LoadFailed } from "../LoadFailed";

type Props = {
  client: Client;
  onError: (error: ApiError) => void;
};

const PATCH_FIELDS = ["time", "topic", "hook", "brief", "hashtags", "content_item_id"];

/** Active first, as the back end lists them. */
function withActive(plans: StoredPlan[], active: StoredPlan): StoredPlan[] {
  return [active, ...plans.filter((p) => p.id !== active.id).map((p) => ({ ...p, active: false }))];
}

/** The client's posting plan: a calendar of what to post when, with progress and exports. */
export function PlanTab({ client, onError }: Props) {
  const id = useId();
  const [plans, setPlans] = useState<StoredPlan[] | null>(null);
  const [failed, setFailed] = useState(false);
  const [reload, setReload] = useState(0);
  const [creating, setCreating] = useState(false);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);
  const [deleting, setDeleting] = useState(false);

  useEffect(() => {
    let stale = false;
    setFailed(false);
    planList(client.id).then(
      (list) => !stale && setPlans(list),
      (err: ApiError) => {
        if (stale) return;
        setFailed(true);
        onError(err);
      },
    );
    return () => {
      stale = true;
    };
  }, [client.id, reload]);

  if (plans === null) {
    return (
      <div className="plan-tab" data-testid="plan-tab" aria-busy={!failed}>
        {failed ? (
          <LoadFailed what="The plans" testId="plan-failed" onRetry={() => setReload((n) => n + 1)} />
        ) : (
          <p className="muted plan-loading">
            <span className="spinner" aria-hidden="true" /> Loading plans…
          </p>
        )}
      </div>
    );
  }

  const stored = plans.find((p) => p.active) ?? plans[0] ?? null;

  function created(plan: StoredPlan) {
    setPlans((list) => withActive(list ?? [], plan));
    setCreating(false);
    setSelectedId(null);
    setActionError(null);
  }

  if (stored === null) {
    return (
      <div className="plan-tab" data-testid="plan-tab">
        <div className="audit-empty plan-empty" data-testid="plan-empty">
          <div className="audit-empty-icon" aria-hidden="true">
            <CalendarIcon size={20} />
          </div>
          <div className="audit-empty-body">
            <h2 className="audit-empty-title">No plan for {client.name} yet</h2>
            <HelpLink article="growth-plans">How plans are made</HelpLink>
            <p className="audit-empty-text">
              A plan lays out what to post and when — reels, carousels, images, stories and engagement sessions — for the
              next 7, 14 or 30 days, with a hook, a caption brief and hashtags for each post. Drag items around the
              calendar, tick them off as they go out, and export the plan as a PDF, a calendar file or a CSV.
            </p>
            <PlanForm client={client} onCreated={created} />
          </div>
        </div>
      </div>
    );
  }

  const plan = stored.plan;
  const selected = selectedId ? findItem(plan, selectedId) : null;

  async function change(run: () => Promise<StoredPlan>) {
    if (busy) return;
    setBusy(true);
    setActionError(null);
    try {
      const updated = await run();
      setPlans((list) => (list ?? []).map((p) => (p.id === updated.id ? updated : p)));
    } catch (err) {
      setActionError((err as ApiError).message);
    } finally {
      setBusy(false);
    }
  }

  const move = (itemId: string, date: string) => void change(() => planMoveItem(stored.id, itemId, date));
  const setDone = (item: PlanItem, done: boolean) => void change(() => planSetDone(stored.id, item.id, done));

  /** Edits or links an item; answers the refusal (a field's is shown by the panel), or null. */
  async function update(itemId: string, patch: Partial<PlanItemPatch>): Promise<ApiError | null> {
    if (!stored) return null;
    setBusy(true);
    setActionError(null);
    try {
      const updated = await updatePlanItem(stored.id, itemId, patch);
      setPlans((list) => (list ?? []).map((p) => (p.id === updated.id ? updated : p)));
      return null;
    } catch (err) {
      const e = err as ApiError;
      // The panel shows the fields' refusals under their inputs; the rest here.
      if (!e.field || !PATCH_FIELDS.includes(e.field)) setActionError(e.message);
      return e;
    } finally {
      setBusy(false);
    }
  }

  async function activate(planId: string) {
    if (planId === stored?.id || busy) return;
    setBusy(true);
    setActionError(null);
    try {
      const active = await planActivate(planId);
      setPlans((list) => withActive(list ?? [], active));
      setSelectedId(null);
    } catch (err) {
      setActionError((err as ApiError).message);
    } finally {
      setBusy(false);
    }
  }

  async function remove(planId: string) {
    setBusy(true);
    try {
      await planDelete(planId);
      setDeleting(false);
      setSelectedId(null);
      setPlans(await planList(client.id));
    } catch (err) {
      setDeleting(false);
      onError(err as ApiError);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="plan-tab" data-testid="plan-tab">
      <header className="plan-header">
        <div className="plan-picker">
          <label htmlFor={`${id}-plan`} className="field-label">
            Plan
          </label>
          <select
            id={`${id}-plan`}
            className="select"
            data-testid="plan-select"
            value={stored.id}
            disabled={busy}
            onChange={(e) => void activate(e.target.value)}
          >
            {plans.map((p) => (
              <option key={p.id} value={p.id}>
                {p.active ? `${p.name} (active)` : p.name}
              </option>
            ))}
          </select>
        </div>
        <div className="plan-header-actions">
          <HelpLink article="growth-plans">How plans are made</HelpLink>
          <button
            type="button"
            className="btn"
            data-testid="plan-new"
            disabled={creating}
            onClick={() => {
              setCreating(true);
              setSelectedId(null);
            }}
          >
            <PlusIcon size={14} />
            New plan
          </button>
          <button
            type="button"
            className="btn btn-danger-ghost"
            data-testid="plan-delete"
            disabled={busy}
            onClick={() => setDeleting(true)}
          >
            <TrashIcon size={14} />
            Delete
          </button>
        </div>
      </header>

      <div className="plan-summary" data-testid="plan-summary">
        <span className="chip tone-info" data-testid="plan-goal-chip">
          {GOAL_LABEL[plan.goal] ?? plan.goal}
        </span>
        <span>
          {plan.days.length} days from {formatDay(plan.start)} · {plan.posts_per_week} posts a week ·{" "}
          {plan.stories_per_day} {plan.stories_per_day === 1 ? "story" : "stories"} a day
        </span>
        {plan.pillars.length > 0 ? (
          <ul className="chip-list plan-pillars" aria-label="Content pillars">
            {plan.pillars.map((p) => (
              <li key={p} className="chip">
                {p}
              </li>
            ))}
          </ul>
        ) : null}
      </div>

      {creating ? (
        <section className="plan-new-form" aria-label="New plan">
          <h3 className="plan-card-title">New plan</h3>
          <p className="plan-new-hint">The new plan becomes the active one; the others stay in the list.</p>
          <PlanForm client={client} onCancel={() => setCreating(false)} onCreated={created} />
        </section>
      ) : null}

      {plan.notes.length > 0 ? (
        <ul className="plan-notes">
          {plan.notes.map((n, i) => (
            <li key={i} className="plan-note" data-testid="plan-note">
              <InfoIcon size={14} />
              <span className="selectable">{n}</span>
            </li>
          ))}
        </ul>
      ) : null}

      <PlanExport stored={stored} handle={client.handle} />

      {actionError && !selected ? (
        <div className="audit-run-message is-error" role="alert" data-testid="plan-error">
          <AlertIcon size={15} />
          <p className="selectable">{actionError}</p>
          <button type="button" className="icon-btn" aria-label="Dismiss" onClick={() => setActionError(null)}>
            <CloseIcon size={13} />
          </button>
        </div>
      ) : null}

      <div className={`plan-body${selected ? " has-detail" : ""}`}>
        <PlanCalendar
          key={stored.id}
          plan={plan}
          selectedId={selected?.id ?? null}
          busy={busy}
          onOpen={(item) => {
            setSelectedId(item.id === selectedId ? null : item.id);
            setActionError(null);
          }}
          onMove={move}
        />
        {selected ? (
          <ItemDetail
            item={selected}
            clientId={client.id}
            dates={plan.days.map((d) => d.date)}
            busy={busy}
            error={actionError}
            onClose={() => setSelectedId(null)}
            onDone={(done) => setDone(selected, done)}
            onMove={(date) => move(selected.id, date)}
            onUpdate={(patch) => update(selected.id, patch)}
          />
        ) : null}
      </div>

      <div className="plan-cards">
        <WeekProgress plan={plan} />
        <WeekTargets plan={plan} />
      </div>

      <p className="plan-meta muted">
        Created {formatDate(stored.created_at)}
        {stored.updated_at !== stored.created_at ? ` · updated ${formatDate(stored.updated_at)}` : ""}
      </p>

      {deleting ? (
        <Dialog
          title="Delete this plan?"
          onClose={busy ? () => undefined : () => setDeleting(false)}
          description={
            <p>
              “<span className="selectable">{stored.name}</span>” and what was ticked off in it are removed. This can’t
              be undone.
            </p>
          }
        >
          <div className="dialog-actions">
            <button
              type="button"
              className="btn"
              data-testid="plan-delete-cancel"
              data-autofocus
              disabled={busy}
              onClick={() => setDeleting(false)}
            >
              Cancel
            </button>
            <button
              type="button"
              className="btn btn-danger"
              data-testid="plan-delete-confirm"
              disabled={busy}
              onClick={() => void remove(stored.id)}
            >
              {busy ? <span className="spinner" aria-hidden="true" /> : null}
              Delete
            </button>
          </div>
        </Dialog>
      ) : null}
    </div>
  );
}
