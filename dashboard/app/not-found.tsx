import Link from 'next/link';

export default function NotFound() {
  return (
    <section className="notice">
      <h2>Not found</h2>
      <p>There is nothing at this address.</p>
      <Link href="/">Back to sessions</Link>
    </section>
  );
}
