import Link from 'next/link';

export default function NotFound() {
  return (
    <>
      <h1>Sidan finns inte</h1>
      <p>
        Adressen leder inte till någon sida. <Link href="/">Gå till översikten</Link>.
      </p>
    </>
  );
}
