import type { ImportBatch } from "../bindings";
import { formatCount, formatDateTime, plural } from "../format";
import { SOURCE_LABEL } from "../kinds";

/** Every import and manual save for the client, newest first. */
export function ImportHistoryTable({ imports }: { imports: readonly ImportBatch[] }) {
  return (
    <section className="dashboard-section" aria-labelledby="import-history-title">
      <h3 id="import-history-title" className="dashboard-section-title">
        Import history
      </h3>
      <div className="table-wrap">
        <table className="data-table" data-testid="import-history">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Source</th>
              <th scope="col" className="col-files">
                Files
              </th>
              <th scope="col" className="num">
                Added
              </th>
              <th scope="col" className="num">
                Updated
              </th>
              <th scope="col" className="num">
                Warnings
              </th>
            </tr>
          </thead>
          <tbody>
            {imports.map((b) => {
              const files = b.file_names.join(", ");
              return (
                <tr key={b.id} data-testid="import-row" data-id={b.id}>
                  <td className="nowrap">
                    <time dateTime={b.finished_at}>{formatDateTime(b.finished_at)}</time>
                  </td>
                  <td className="nowrap">{SOURCE_LABEL[b.source]}</td>
                  <td className="col-files">
                    {files ? (
                      <span className="file-names selectable" title={files}>
                        {b.file_names.length > 2 ? `${b.file_names.length} files: ${files}` : files}
                      </span>
                    ) : (
                      <span className="muted">—</span>
                    )}
                  </td>
                  <td className="num">{formatCount(b.posts_added)}</td>
                  <td className="num">{formatCount(b.posts_updated)}</td>
                  <td className="num">
                    {b.warnings.length > 0 ? (
                      <span className="badge badge-warning" title={b.warnings.join("\n")}>
                        {plural(b.warnings.length, "warning")}
                      </span>
                    ) : (
                      <span className="muted">0</span>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
