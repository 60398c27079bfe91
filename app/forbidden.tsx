import Link from 'next/link';

export default function Forbidden() {
  return (
    <>
      <h1>Behörighet saknas</h1>
      <p>Ditt konto har inte den roll som krävs för detta. Be en administratör om du behöver den.</p>
      <p>
        <Link href="/">Till översikten</Link> · <Link href="/konto">Mitt konto</Link>
      </p>
    </>
  );
}
