'use client';

export default function GlobalError({ error }: { error: Error & { digest?: string } }) {
  return (
    <html lang="sv">
      <body style={{ fontFamily: 'system-ui, sans-serif', padding: '2rem' }}>
        <h1>Trygghetsläget är tillfälligt otillgängligt</h1>
        <p>Något gick fel på servern. Försök igen om en stund.</p>
        {error.digest && (
          <p>
            Felkod: <code>{error.digest}</code>
          </p>
        )}
      </body>
    </html>
  );
}
