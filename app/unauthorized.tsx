import Link from 'next/link';

export default function Unauthorized() {
  return (
    <>
      <h1>Logga in</h1>
      <p>Du måste vara inloggad för att göra detta.</p>
      <p>
        <Link href="/logga-in">Logga in</Link>
      </p>
    </>
  );
}
