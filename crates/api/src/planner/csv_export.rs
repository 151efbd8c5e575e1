//! A plan as CSV: one row per item, for a spreadsheet or a scheduling tool.
use super::StoredPlan;
use crate::error::{ApiError, ApiResult, ErrorCode};

pub fn plan_csv(p: &StoredPlan) -> ApiResult<Vec<u8>> {
    let fail = |e: csv::Error| ApiError::new(ErrorCode::Internal, format!("cannot write CSV: {e}"));
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record([
        "date",
        "time",
        "time_source",
        "type",
        "pillar",
        "topic",
        "hook",
        "brief",
        "hashtags",
        "done",
    ])
    .map_err(fail)?;
    for day in &p.plan.days {
        for i in &day.items {
            let kind = i.kind.as_str();
            w.write_record([
                i.date.as_str(),
                &i.time,
                &i.time_source,
                kind,
                &i.pillar,
                &i.topic,
                &i.hook,
                &i.brief,
                &i.hashtags.join(" "),
                if i.done { "yes" } else { "no" },
            ])
            .map_err(fail)?;
        }
    }
    w.into_inner()
        .map_err(|e| ApiError::new(ErrorCode::Internal, format!("cannot write CSV: {e}")))
}
