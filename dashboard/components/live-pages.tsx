import type { LiveSnapshot } from '@/lib/api/live';
import styles from './live.module.css';

/** The busiest pages right now, or a sentence when nobody is on the site. */
export function LivePages({ pages }: { pages: LiveSnapshot['pages'] }) {
  if (pages.length === 0) {
    return (
      <p className="notice" data-testid="live-empty">
        Nobody is on your site right now. Visits appear here within seconds while this page stays open.
      </p>
    );
  }
  return (
    <table className="table" data-testid="live-pages">
      <caption className={styles.caption}>Most active pages</caption>
      <thead>
        <tr>
          <th scope="col">Page</th>
          <th scope="col" className="num">
            Active sessions
          </th>
        </tr>
      </thead>
      <tbody>
        {pages.map((page) => (
          <tr key={page.url}>
            <td className="url" title={page.url}>
              {page.url}
            </td>
            <td className="num">{page.activeSessions}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
